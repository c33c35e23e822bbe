/**
 * What the mirror and the ZIM take from the archive itself: their date and name, and the
 * facts README.txt and the ZIM's metadata state. Pure: the archive comes from the archive
 * reader (src/content/archive.ts), the environment as a plain record.
 */
import type { Archive } from '../content/archive';
import { parseIsoDate } from '../domain/dates';
import type { MirrorReadmeInfo } from './readme';

/**
 * The mirror's date: GAZETTE_BUILD_DATE when set (the date the build computes document
 * statuses for, so the two agree), else the date of the newest document. Never the clock:
 * the same content gives the same mirror, to the byte.
 */
export function resolveMirrorDate(
  env: Record<string, string | undefined>,
  archive: Pick<Archive, 'documents'>,
): { date: string; source: MirrorReadmeInfo['dateSource'] } {
  const value = env.GAZETTE_BUILD_DATE?.trim();
  if (value) {
    if (!parseIsoDate(value)) {
      throw new Error(
        `GAZETTE_BUILD_DATE: "${value}" is not a date written YYYY-MM-DD; set it like GAZETTE_BUILD_DATE=2021-01-01, or unset it to date the mirror by its newest document`,
      );
    }
    return { date: value, source: 'build-date' };
  }
  const newest = archive.documents.reduce<string>((max, doc) => (doc.date > max ? doc.date : max), '');
  if (!newest)
    throw new Error(
      'the archive has no documents, so the mirror has no date: add documents, or set GAZETTE_BUILD_DATE=YYYY-MM-DD',
    );
  return { date: newest, source: 'newest-document' };
}

/** `<gazette folder>-mirror-<date>`, e.g. zibo-mirror-2020-05-26: the folder and zip name. */
export function mirrorName(archive: Pick<Archive, 'gazette'>, date: string): string {
  return `${archive.gazette.id}-mirror-${date}`;
}

/** The site's published address (origin and base), e.g. https://gazette.example.org/gazette/. */
export function publishedUrl(site: string, base: string): string {
  return new URL(base, site).href;
}

export function readmeInfo(
  archive: Archive,
  mirror: { date: string; source: MirrorReadmeInfo['dateSource']; siteUrl: string },
): MirrorReadmeInfo {
  const years = archive.issues.map((issue) => issue.year);
  return {
    gazetteName: archive.gazette.name,
    publisher: archive.gazette.publisher,
    date: mirror.date,
    dateSource: mirror.source,
    issues: archive.issues.length,
    documents: archive.documents.length,
    years: [Math.min(...years), Math.max(...years)],
    siteUrl: mirror.siteUrl,
    exampleNumber: archive.documents.find((doc) => doc.number)?.number,
  };
}
