/**
 * How documents relate (废止, 修改, 依据, 转发, and the numbers their bodies cite), read in both
 * directions, and whether a document is still in force (效力状态) as of a build date.
 *
 * Pure: the build date comes in as a parameter, so the same content and the same build date
 * always give the same status. Pages and data files get the build date from the configuration
 * (`build.buildDate`, src/config/build.ts), which defaults to `shanghaiDate` of the day.
 */
import { documentsByNumber, numberLookupKey, type NumberLookupContext } from './number-lookup';

/** What a document says about others: frontmatter relations and the numbers its body cites. */
export interface RelationSource {
  id: string;
  number?: string;
  date: string;
  repeals: readonly string[];
  amends: readonly string[];
  basis: readonly string[];
  forwards?: { number?: string };
  /** Canonical numbers cited in the body, in order of first appearance. */
  citations?: readonly string[];
}

/** A number a document refers to, and the archived document that has it, if any. */
export interface RelationLink<T> {
  number: string;
  target?: T;
}

export interface DocumentRelations<T> {
  /** 废止: documents this one repeals. */
  repeals: RelationLink<T>[];
  /** 修改: documents this one amends. */
  amends: RelationLink<T>[];
  /** 依据: documents this one is issued under. */
  basis: RelationLink<T>[];
  /** 转发: the forwarded document, when its number is known. */
  forwards?: RelationLink<T>;
  /** Numbers cited in the body (not its own). */
  cites: RelationLink<T>[];
  /** The reverse of each: archived documents that repeal, amend, … this one; oldest first. */
  repealedBy: T[];
  amendedBy: T[];
  basisOf: T[];
  forwardedBy: T[];
  /** Backlinks: archived documents whose bodies cite this one. */
  citedBy: T[];
}

type Incoming = 'repealedBy' | 'amendedBy' | 'basisOf' | 'forwardedBy' | 'citedBy';

function emptyRelations<T>(): DocumentRelations<T> {
  return {
    repeals: [],
    amends: [],
    basis: [],
    cites: [],
    repealedBy: [],
    amendedBy: [],
    basisOf: [],
    forwardedBy: [],
    citedBy: [],
  };
}

/**
 * Relations of every document, keyed by id. Numbers are compared by their lookup key
 * (src/domain/number-lookup.ts: 国务院令第706号 is 中华人民共和国国务院令第706号) and shown as written.
 * Reverse lists are oldest first, in archive order on the same date, and hold each document once.
 */
export function computeRelations<T extends RelationSource>(
  documents: readonly T[],
  context: NumberLookupContext = {},
  /** The archive's number table (documentsByNumber), when the caller already has it. */
  byNumber: ReadonlyMap<string, T> = documentsByNumber(documents, context),
): Map<string, DocumentRelations<T>> {
  // Each number is met several times (its document, and every relation and citation to it).
  const keys = new Map<string, string>();
  const key = (number: string) => {
    let found = keys.get(number);
    if (found === undefined) keys.set(number, (found = numberLookupKey(number, context)));
    return found;
  };
  const relations = new Map(documents.map((document) => [document.id, emptyRelations<T>()]));

  const link = (source: T, number: string, reverse: Incoming): RelationLink<T> => {
    const target = byNumber.get(key(number));
    if (!target || target === source) return { number };
    const list = relations.get(target.id)![reverse];
    if (!list.includes(source)) list.push(source);
    return { number, target };
  };
  const links = (source: T, numbers: readonly string[], reverse: Incoming) => {
    // One link per key, in the spelling first written; none to the document itself.
    const byKey = new Map<string, string>();
    for (const number of numbers) if (!byKey.has(key(number))) byKey.set(key(number), number);
    if (source.number) byKey.delete(key(source.number));
    return [...byKey.values()].map((number) => link(source, number, reverse));
  };

  for (const document of documents) {
    const own = relations.get(document.id)!;
    own.repeals = links(document, document.repeals, 'repealedBy');
    own.amends = links(document, document.amends, 'amendedBy');
    own.basis = links(document, document.basis, 'basisOf');
    if (document.forwards?.number) own.forwards = link(document, document.forwards.number, 'forwardedBy');
    own.cites = links(document, document.citations ?? [], 'citedBy');
  }

  const order = new Map(documents.map((document, index) => [document.id, index]));
  const oldestFirst = (a: T, b: T) => a.date.localeCompare(b.date) || order.get(a.id)! - order.get(b.id)!;
  for (const own of relations.values()) {
    for (const key of ['repealedBy', 'amendedBy', 'basisOf', 'forwardedBy', 'citedBy'] as const)
      own[key].sort(oldestFirst);
  }
  return relations;
}

/** In the order they win: a repealed document is 已废止 even if it has also expired. */
export const DOCUMENT_STATUSES = ['有效', '已失效', '已废止', '已修改'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface StatusInput {
  /** 有效期至, inclusive. */
  expires?: string;
  /** Archived documents that repeal this one. */
  repealedBy: readonly { date: string }[];
  /** Archived documents that amend this one. */
  amendedBy: readonly { date: string }[];
}

/**
 * The status as of `buildDate` (YYYY-MM-DD): 已废止 when an archived document dated on or before
 * it repeals the document, else 已失效 once its validity ended before it, else 已修改 when an
 * archived document dated on or before it amends the document, else 有效. A repeal or amendment
 * dated after the build date (a build for a past date) does not count yet.
 */
export function documentStatus(document: StatusInput, buildDate: string): DocumentStatus {
  const inForce = (documents: readonly { date: string }[]) => documents.some((other) => other.date <= buildDate);
  if (inForce(document.repealedBy)) return '已废止';
  if (document.expires && document.expires < buildDate) return '已失效';
  if (inForce(document.amendedBy)) return '已修改';
  return '有效';
}

/** The status of a document with its computed relations (a site-model document). */
export function statusOf(
  document: { expires?: string; relations: Pick<StatusInput, 'repealedBy' | 'amendedBy'> },
  buildDate: string,
): DocumentStatus {
  return documentStatus({ expires: document.expires, ...document.relations }, buildDate);
}

/**
 * Whether a status rests on the document's expiry date (有效 until it, 已失效 after it), so that
 * the status banner names the date; a repeal or an amendment says more, and the date is then
 * shown with the rest of the document's facts.
 */
export function statusRestsOnExpiry(status: DocumentStatus): boolean {
  return status === '有效' || status === '已失效';
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
