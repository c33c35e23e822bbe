/**
 * The archive as open data, for reuse without scraping: JSON per document and per issue, a
 * catalog (JSON and CSV), a JSON Lines dump with full texts and SHA256SUMS of the dumps. The
 * formats are documented in README.md ("Open data"); `SCHEMA_VERSION` changes when a field is
 * removed, renamed or changes meaning (adding a field does not change it).
 *
 * Pure and deterministic: records list their keys in a fixed order, lists are sorted, and the
 * only input besides the content is the build date that statuses are computed for.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { statusOf, type DocumentStatus, type RelationLink } from '../domain/relations';
import type { BodyAnchor } from '../markdown/body-anchors';
import type { SiteDocument, SiteIssue, SiteModel } from './site-model';

export const SCHEMA_VERSION = 1;

/** Output paths below the site base. */
export const DATA_PATHS = {
  page: 'data/',
  catalogJson: 'data/catalog.json',
  catalogCsv: 'data/catalog.csv',
  documentsJsonl: 'data/documents.jsonl',
  sums: 'data/SHA256SUMS',
} as const;

export function documentDataPath(id: string): string {
  return `data/documents/${id}.json`;
}

/** 2020/07 → 2020-07, the issue's file name without extension. */
export function issueDataName(issueId: string): string {
  return issueId.replace('/', '-');
}

/** 2020/07 → data/issues/2020-07.json */
export function issueDataPath(issueId: string): string {
  return `data/issues/${issueDataName(issueId)}.json`;
}

export interface OpenDataOptions {
  /** YYYY-MM-DD: the date statuses are computed for (src/domain/relations.ts). */
  buildDate: string;
  /** Base-relative path → absolute URL. */
  absoluteUrl: (path: string) => string;
}

/** A reference to another archived document. */
export interface DocumentRef {
  id: string;
  title: string;
  number: string | null;
  date: string;
  url: string;
}

/** A number a document refers to; `document` is null when the archive does not hold it. */
export interface NumberRef {
  number: string;
  document: DocumentRef | null;
}

export interface CatalogRecord {
  id: string;
  url: string;
  dataUrl: string;
  title: string;
  number: string | null;
  issuers: string[];
  date: string;
  recipients: string[];
  type: string;
  /** Null when the issue is not divided into sections. */
  section: string | null;
  issue: { id: string; year: number; number: number; label: string; url: string };
  page: number;
  expires: string | null;
  status: DocumentStatus;
}

export interface DocumentRecord extends CatalogRecord {
  schemaVersion: number;
  statusDate: string;
  forwards: { title: string; issuers: string[]; number: string | null; document: DocumentRef | null } | null;
  relations: {
    repeals: NumberRef[];
    amends: NumberRef[];
    basis: NumberRef[];
    cites: NumberRef[];
    repealedBy: DocumentRef[];
    amendedBy: DocumentRef[];
    basisOf: DocumentRef[];
    forwardedBy: DocumentRef[];
    citedBy: DocumentRef[];
  };
  /** The body's headings, articles and numbered heads, in order (see DocumentAnchor). */
  anchors: DocumentAnchor[];
  /** The body as plain text (see bodyText). */
  text: string;
}

/** A head a reader can link to: `url` is the document's URL with the head's id as fragment. */
export interface DocumentAnchor {
  id: string;
  kind: BodyAnchor['kind'];
  label: string;
  title: string;
  url: string;
}

/** What open data takes from a rendered body: its text (bodyText) and its anchors (bodyAnchors). */
export interface BodyFacts {
  text: string;
  anchors: readonly BodyAnchor[];
}

export interface Catalog {
  schemaVersion: number;
  statusDate: string;
  gazette: { name: string; publisher: string; editor: string; url: string };
  documentCount: number;
  documents: CatalogRecord[];
}

export interface IssueRecord {
  schemaVersion: number;
  statusDate: string;
  id: string;
  year: number;
  number: number;
  cumulative: number | null;
  published: string | null;
  label: string;
  url: string;
  /** One entry with name null when the issue is not divided into sections. */
  sections: {
    name: string | null;
    documents: Pick<CatalogRecord, 'id' | 'url' | 'dataUrl' | 'title' | 'number' | 'page' | 'status'>[];
  }[];
}

export interface OpenData {
  catalog: Catalog;
  /** By document id. */
  documents: Map<string, DocumentRecord>;
  /** By issue id (2020/07). */
  issues: Map<string, IssueRecord>;
  /**
   * Exact file contents of the dumps, by path. documents.jsonl holds every document's text and
   * anchors: at 100,000 real-size documents some 1.8 GB, longer than V8's longest string and
   * too large to keep through the build, so its lines are made again each time it is read.
   */
  files: { catalogJson: string; catalogCsv: string; documentsJsonl: LineFile; sums: string };
}

/**
 * A body's text, as a reader would copy it from the page: the innerText algorithm over the
 * rendered HTML's tree (hast-util-to-text), so paragraphs (a blank line after each), headings
 * and line breaks (a newline) and table cells (a tab) keep their separation.
 */
export function bodyText(html: string): string {
  // Source line breaks inside a block become spaces at line starts; tabs separate table cells.
  return toText(fromHtml(html, { fragment: true }))
    .replace(/^ +| +$/gm, '')
    .trim();
}

/** The document's text as printed: the recipients line (主送机关：) before the body's text. */
export function documentText(recipients: readonly string[], body: string): string {
  return recipients.length > 0 ? `${recipients.join('，')}：\n\n${body}` : body;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A file made a line at a time whenever it is read, with the size and checksum of its UTF-8. */
export interface LineFile {
  bytes: number;
  sha256: string;
  lines: () => Iterable<string>;
}

/** A LineFile of `lines`: they are made once here for the size and checksum. */
export function lineFile(lines: () => Iterable<string>): LineFile {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const line of lines()) {
    hash.update(line, 'utf8');
    bytes += Buffer.byteLength(line, 'utf8');
  }
  return { bytes, sha256: hash.digest('hex'), lines };
}

/** A download's size for readers: 812 B, 12.3 kB, 4.5 MB (decimal units, as Intl writes them). */
export function formatFileSize(file: string | LineFile): string {
  const bytes = typeof file === 'string' ? Buffer.byteLength(file, 'utf8') : file.bytes;
  const [value, unit] =
    bytes < 1000 ? [bytes, 'byte'] : bytes < 1e6 ? [bytes / 1e3, 'kilobyte'] : [bytes / 1e6, 'megabyte'];
  return new Intl.NumberFormat('zh-CN', { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** JSON files end with a newline and indent by two spaces, for readable diffs. */
export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'id',
  'url',
  'title',
  'number',
  'issuers',
  'date',
  'type',
  'section',
  'issue',
  'page',
  'expires',
  'status',
] as const;

/** Several issuers in one CSV field, as Chinese lists them. */
export const CSV_LIST_SEPARATOR = '、';

export function catalogCsv(records: readonly CatalogRecord[]): string {
  return stringify(
    records.map((record) => ({
      ...record,
      number: record.number ?? '',
      section: record.section ?? '',
      issuers: record.issuers.join(CSV_LIST_SEPARATOR),
      issue: record.issue.label,
      expires: record.expires ?? '',
    })),
    // RFC 4180: CRLF between records; the BOM makes spreadsheet software read UTF-8. A field
    // starting with = + - @ (a title "=HYPERLINK(…)") gets a leading ' so that spreadsheets show
    // it as text instead of running it as a formula (CSV injection).
    { header: true, columns: [...CSV_COLUMNS], bom: true, record_delimiter: 'windows', escape_formulas: true },
  );
}

/** `sha256sum` output for the given files, sorted by name; check with `sha256sum -c SHA256SUMS`. */
export function sha256sums(files: Record<string, string | LineFile>): string {
  const digest = (file: string | LineFile) =>
    typeof file === 'string' ? createHash('sha256').update(file, 'utf8').digest('hex') : file.sha256;
  return Object.keys(files)
    .sort(byCodePoint)
    .map((name) => `${digest(files[name]!)}  ${name}\n`)
    .join('');
}

/** `bodies`: what each document's rendered body gives (its text and anchors), by id. */
export function buildOpenData(
  model: SiteModel,
  bodies: ReadonlyMap<string, BodyFacts>,
  options: OpenDataOptions,
): OpenData {
  const { buildDate, absoluteUrl } = options;
  const ref = (document: SiteDocument): DocumentRef => ({
    id: document.id,
    title: document.title,
    number: document.number ?? null,
    date: document.date,
    url: absoluteUrl(document.url),
  });
  const numberRef = (link: RelationLink<SiteDocument>): NumberRef => ({
    number: link.number,
    document: link.target ? ref(link.target) : null,
  });

  const catalogRecord = (document: SiteDocument): CatalogRecord => ({
    id: document.id,
    url: absoluteUrl(document.url),
    dataUrl: absoluteUrl(documentDataPath(document.id)),
    title: document.title,
    number: document.number ?? null,
    issuers: [...document.issuers],
    date: document.date,
    recipients: [...document.recipients],
    type: document.type,
    section: document.section ?? null,
    issue: {
      id: document.issue.id,
      year: document.issue.year,
      number: document.issue.number,
      label: document.issue.label,
      url: absoluteUrl(document.issue.url),
    },
    page: document.page,
    expires: document.expires ?? null,
    status: statusOf(document, buildDate),
  });

  const sorted = [...model.documents].sort((a, b) => byCodePoint(a.id, b.id));
  const catalogRecords = sorted.map(catalogRecord);
  const documents = new Map<string, DocumentRecord>();
  sorted.forEach((document, index) => {
    const body = bodies.get(document.id);
    if (body === undefined) throw new Error(`open data: no rendered body for ${document.id}`);
    const { relations } = document;
    documents.set(document.id, {
      schemaVersion: SCHEMA_VERSION,
      statusDate: buildDate,
      ...catalogRecords[index],
      forwards: document.forwards
        ? {
            title: document.forwards.title,
            issuers: [...document.forwards.issuers],
            number: document.forwards.number ?? null,
            document: relations.forwards?.target ? ref(relations.forwards.target) : null,
          }
        : null,
      relations: {
        repeals: relations.repeals.map(numberRef),
        amends: relations.amends.map(numberRef),
        basis: relations.basis.map(numberRef),
        cites: relations.cites.map(numberRef),
        repealedBy: relations.repealedBy.map(ref),
        amendedBy: relations.amendedBy.map(ref),
        basisOf: relations.basisOf.map(ref),
        forwardedBy: relations.forwardedBy.map(ref),
        citedBy: relations.citedBy.map(ref),
      },
      anchors: body.anchors.map(({ id, kind, label, title }) => ({
        id,
        kind,
        label,
        title,
        url: new URL(`#${id}`, catalogRecords[index]!.url).href,
      })),
      text: documentText(document.recipients, body.text),
    });
  });

  const records = new Map(catalogRecords.map((record) => [record.id, record]));
  const issues = new Map<string, IssueRecord>();
  for (const issue of [...model.issues].sort((a, b) => byCodePoint(a.id, b.id)))
    issues.set(issue.id, issueRecord(issue));

  function issueRecord(issue: SiteIssue): IssueRecord {
    return {
      schemaVersion: SCHEMA_VERSION,
      statusDate: buildDate,
      id: issue.id,
      year: issue.year,
      number: issue.number,
      cumulative: issue.cumulative ?? null,
      published: issue.published ?? null,
      label: issue.label,
      url: absoluteUrl(issue.url),
      sections: issue.sections.map((section) => ({
        name: section.name,
        documents: section.documents.map((document) => {
          const { id, url, dataUrl, title, number, page, status } = records.get(document.id)!;
          return { id, url, dataUrl, title, number, page, status };
        }),
      })),
    };
  }

  const catalog: Catalog = {
    schemaVersion: SCHEMA_VERSION,
    statusDate: buildDate,
    gazette: {
      name: model.gazette.name,
      publisher: model.gazette.publisher,
      editor: model.gazette.editor,
      url: absoluteUrl(''),
    },
    documentCount: catalogRecords.length,
    documents: catalogRecords,
  };
  const dumps = {
    catalogJson: jsonFile(catalog),
    catalogCsv: catalogCsv(catalogRecords),
    documentsJsonl: lineFile(function* () {
      for (const record of documents.values()) yield `${JSON.stringify(record)}\n`;
    }),
  };
  const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const sums = sha256sums({
    [name(DATA_PATHS.catalogJson)]: dumps.catalogJson,
    [name(DATA_PATHS.catalogCsv)]: dumps.catalogCsv,
    [name(DATA_PATHS.documentsJsonl)]: dumps.documentsJsonl,
  });
  return { catalog, documents, issues, files: { ...dumps, sums } };
}
