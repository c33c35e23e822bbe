/**
 * Whether a document is still in force (效力状态), and the date that decides it.
 *
 * Pure: the build date comes in as a parameter, so the same content and the same build date
 * always give the same status. Pages and data files get the build date from the environment
 * (GAZETTE_BUILD_DATE) through `resolveBuildDate`.
 */
import { parseIsoDate } from './dates';

/** In the order they win: a repealed document is 已废止 even if it has also expired. */
export const DOCUMENT_STATUSES = ['有效', '已失效', '已废止', '已修改'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface StatusInput {
  /** 有效期至, inclusive. */
  expires?: string;
  /** Archived documents that repeal this one. */
  repealedBy: readonly unknown[];
  /** Archived documents that amend this one. */
  amendedBy: readonly unknown[];
}

/**
 * 已废止 when an archived document repeals it, else 已失效 once its validity ended before the
 * build date, else 已修改 when an archived document amends it, else 有效.
 */
export function documentStatus(document: StatusInput, buildDate: string): DocumentStatus {
  if (document.repealedBy.length > 0) return '已废止';
  if (document.expires && document.expires < buildDate) return '已失效';
  if (document.amendedBy.length > 0) return '已修改';
  return '有效';
}

const BUILD_DATE_ZONE = 'Asia/Shanghai';

/** The calendar date of an instant in China Standard Time, YYYY-MM-DD. */
export function shanghaiDate(instant: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: BUILD_DATE_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/**
 * The date statuses are computed for: GAZETTE_BUILD_DATE (YYYY-MM-DD) when set, else today in
 * Asia/Shanghai. Rejects a malformed value instead of silently using today.
 */
export function resolveBuildDate(env: Record<string, string | undefined>, now: Date = new Date()): string {
  const value = env.GAZETTE_BUILD_DATE?.trim();
  if (!value) return shanghaiDate(now);
  if (!parseIsoDate(value)) {
    throw new Error(
      `GAZETTE_BUILD_DATE: "${value}" is not a date written YYYY-MM-DD; set it like GAZETTE_BUILD_DATE=2021-01-01 or unset it to use today (Asia/Shanghai)`,
    );
  }
  return value;
}
