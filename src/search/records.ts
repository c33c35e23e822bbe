/**
 * What both search indexes know of a document: one `SearchRecord` per document, made from the
 * open data the build already writes (`data/documents.jsonl`, src/site/open-data.ts). The
 * Pagefind integration plans and labels its shards with them (date, filters) and the offline
 * mirror's index is built from them (text, metadata, filters, dates, weights), so neither reads
 * the built pages for what they say, and the text of a document is extracted once: by
 * open-data's `bodyText`, when the build renders it.
 *
 * A record states what the document page marks for Pagefind (`data-pagefind-meta`, `-filter`,
 * `-sort`, `-weight` in src/pages/[year]/[issue]/[slug].astro); tests/build/search-records.test.ts
 * checks the two against each other on every built document page.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DATA_PATHS, type DocumentRecord } from '../site/open-data';
import { documentPath } from '../site/site-model';
import { officialTitle } from '../domain/official-title';

/** The weight the document page gives its title (`data-pagefind-weight` on the h1). */
export const TITLE_WEIGHT = 10;
/**
 * The weight it gives its document number: a number printed on its own document counts more
 * than the same number cited in another's text.
 */
export const NUMBER_WEIGHT = 5;

export interface SearchRecord {
  /** The document's id, `2020/07/zzbz-2020-54`. */
  id: string;
  /** The page's metadata: title, number (when it has one), date, type, issuer(s), status, issue and page. */
  meta: Record<string, string>;
  /** Filter values by filter name (year, type, section when it has one, status, issuer), sorted. */
  filters: Record<string, string[]>;
  /** Sort keys: the date results are ordered, and search shards split, by. */
  sort: { date: string };
  /** The indexed text: title, number, then the document's text as printed. */
  text: string;
  /** `[start, end, weight]` code-point ranges of `text` that count more (the title, the number). */
  weights: [number, number, number][];
}

/** Whitespace as a page shows it: runs collapse to one space. */
function clean(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The search record of one document's open data. */
export function searchRecord(record: DocumentRecord): SearchRecord {
  // The page's h1: the title as it is cited, with its issuer (淄博市人民政府办公室关于…的通知).
  const title = clean(officialTitle(record));
  const number = record.number ? clean(record.number) : '';
  const meta: Record<string, string> = { date: record.date };
  const issuer = clean(record.issuers.join('、'));
  if (issuer) meta.issuer = issuer;
  if (number) meta.number = number;
  if (title) meta.title = title;
  const type = clean(record.type);
  if (type) meta.type = type;
  // What a result shows beside the title: the legal status and where the gazette printed it.
  meta.status = record.status;
  meta.issue = record.issue.label;
  meta.page = String(record.page);

  const values: Record<string, string[]> = {
    issuer: record.issuers,
    section: record.section === null ? [] : [record.section],
    status: [record.status],
    type: [record.type],
    year: [`${record.issue.year}年`],
  };
  const filters: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(values)) {
    const kept = [...new Set(list.map(clean).filter(Boolean))].sort(compare);
    if (kept.length > 0) filters[key] = kept;
  }

  // Paragraphs and lines of the body stay apart, without blank lines or margins.
  const text = [title, number, record.text]
    .filter(Boolean)
    .join('\n')
    .replace(/[ \t]*\n[ \t\n]*/gu, '\n')
    .trim();
  const titleLength = Array.from(title).length;
  const numberStart = titleLength > 0 ? titleLength + 1 : 0;
  const weights: [number, number, number][] = [];
  if (titleLength > 0) weights.push([0, titleLength, TITLE_WEIGHT]);
  if (number) weights.push([numberStart, numberStart + Array.from(number).length, NUMBER_WEIGHT]);
  return {
    id: record.id,
    meta,
    filters,
    sort: { date: record.date },
    text,
    weights,
  };
}

/** The document page's path below the site's root folder: `2020/07/zzbz-2020-54/index.html`. */
export function recordPageFile(record: Pick<SearchRecord, 'id'>): string {
  return `${documentPath(record.id)}index.html`;
}

/**
 * The search records of a built site, read line by line from its `data/documents.jsonl`, in
 * that file's order (by id). Throws naming the file and line when a line is not a document.
 */
export async function* readSearchRecords(siteDir: string): AsyncGenerator<SearchRecord> {
  const file = join(siteDir, DATA_PATHS.documentsJsonl);
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      if (text.trim()) yield searchRecord(documentRecord(text, `${file}:${line}`));
    }
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
    throw new Error(`${file}: missing; the search indexes are built from the open data the site build writes`, {
      cause,
    });
  }
}

function documentRecord(text: string, where: string): DocumentRecord {
  let record: DocumentRecord;
  try {
    record = JSON.parse(text) as DocumentRecord;
  } catch (cause) {
    throw new Error(
      `${where}: not a JSON line (${cause instanceof Error ? cause.message : String(cause)}); rebuild the site`,
      { cause },
    );
  }
  const fields = record as Partial<DocumentRecord> | null;
  const complete =
    typeof fields?.id === 'string' &&
    typeof fields.title === 'string' &&
    typeof fields.date === 'string' &&
    typeof fields.type === 'string' &&
    typeof fields.text === 'string' &&
    Array.isArray(fields.issuers) &&
    typeof fields.issue?.year === 'number';
  if (!complete)
    throw new Error(
      `${where}: not a document record (id, title, date, type, issuers, issue and text expected); rebuild the site`,
    );
  return record;
}
