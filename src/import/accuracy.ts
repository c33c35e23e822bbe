/**
 * How well an import reproduces what the printed issue holds: the importer's result for one
 * issue against the expected file written with the fixture (tests/fixtures/gazettes/README.md).
 *
 * Per document field (title, number, issuers, date, page, section, type, and forwards for 转发
 * notices) the share of expected documents whose imported value is right; a document that was
 * not written counts as wrong in every field. Paragraph boundaries: the share of the expected
 * boundaries between consecutive body units (paragraphs, headings, lines, signature lines, table
 * rows) that the written body also has, the two units meeting there as they do in print. Text
 * kept: the share of expected units whose text appears in the written body. Text accounting,
 * when the import result reports it.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { normalizeParagraph } from '../domain/cjk-text';
import { deriveDocumentType } from '../domain/doc-type';
import type { ImportResult } from './import-issue';

export interface ExpectedUnit {
  kind: 'paragraph' | 'heading' | 'line' | 'signature' | 'row';
  text: string;
}

export interface ForwardedDocument {
  issuers: string[];
  title: string;
}

export interface ExpectedDocument {
  title: string;
  number: string | null;
  issuers: string[];
  date: string;
  page: number;
  /** null in an issue whose TOC prints no sections. */
  section: string | null;
  type: string;
  forwards: ForwardedDocument | null;
  paragraphs: ExpectedUnit[];
}

export interface ExpectedIssue {
  gazette: string;
  year: number;
  number: number;
  cumulative: number | null;
  sections: string[];
  documents: ExpectedDocument[];
}

export const FIELDS = ['title', 'number', 'issuers', 'date', 'page', 'section', 'type', 'forwards'] as const;
export type Field = (typeof FIELDS)[number];
/** The fields the issue's target (≥ 98 % over the fixture set) is measured on. */
export const SCORED_FIELDS: readonly Field[] = ['title', 'number', 'issuers', 'date', 'page', 'section', 'type'];

export interface Ratio {
  right: number;
  of: number;
}

export interface DocumentAccuracy {
  /** The expected title, to name the document in reports. */
  title: string;
  /** Slug of the imported document it was matched with; null when none was written. */
  slug: string | null;
  /** Field → [expected, imported] for every field that differs. */
  wrong: Partial<Record<Field, [unknown, unknown]>>;
  boundaries: Ratio;
  textKept: Ratio;
}

export interface IssueAccuracy {
  documents: Ratio;
  /** Imported documents matched with no expected one. */
  extra: string[];
  /** The issue's own values (issue.yaml): year, number, cumulative, sections. */
  issue: { year: boolean; number: boolean; cumulative: boolean; sections: boolean };
  fields: Record<Field, Ratio>;
  boundaries: Ratio;
  textKept: Ratio;
  /** Lines the import placed nowhere / non-blank lines after the TOC; null when not reported. */
  accounting: { unplaced: number; lines: number } | null;
  perDocument: DocumentAccuracy[];
}

interface ImportedDocumentValues {
  slug: string;
  frontmatter: Record<string, unknown>;
  units: string[];
  line: number;
}

/** Compared without white space: the layout and extraction decide it, not the importer. */
function compact(text: string): string {
  return normalizeParagraph(text).replace(/\s+/gu, '');
}

/** Splits a written document into its frontmatter and body. */
export function readDocumentFile(content: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/u.exec(content);
  if (!match) return { frontmatter: {}, body: content };
  const frontmatter = load(match[1]!, { schema: CORE_SCHEMA });
  return { frontmatter: (frontmatter ?? {}) as Record<string, unknown>, body: match[2]! };
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/gu, '$1');
}

/**
 * The body's units as a reader sees them: a heading, a paragraph, each line of a ::: block
 * (signatures, issuers), each row of a table (cells joined by a tab).
 */
export function bodyUnits(body: string): string[] {
  const units: string[] = [];
  const blocks = body
    .split(/\n{2,}/u)
    .map((block) => block.trim())
    .filter(Boolean);
  for (const block of blocks) {
    const lines = block.split('\n');
    if (lines[0]!.startsWith(':::')) {
      units.push(...lines.filter((line) => !line.startsWith(':::')).map(unescapeMarkdown));
    } else if (lines.every((line) => line.startsWith('|'))) {
      for (const line of lines) {
        const cells = line.replace(/^\|\s*|\s*\|$/gu, '').split(/\s*\|\s*/u);
        if (cells.every((cell) => /^:?-+:?$/u.test(cell))) continue;
        units.push(unescapeMarkdown(cells.join('\t')));
      }
    } else {
      units.push(unescapeMarkdown(lines.join('').replace(/^#{1,6}\s+/u, '')));
    }
  }
  return units.filter((unit) => unit.trim() !== '');
}

/** Characters either side of a boundary that identify it. */
const BOUNDARY_CONTEXT = 12;

function junction(before: string, after: string): string {
  return `${Array.from(before).slice(-BOUNDARY_CONTEXT).join('')}\u0000${Array.from(after).slice(0, BOUNDARY_CONTEXT).join('')}`;
}

/** Expected boundaries between consecutive units that the written units also have. */
export function boundariesKept(expected: readonly string[], written: readonly string[]): Ratio {
  const want = expected.map(compact).filter(Boolean);
  const have = written.map(compact).filter(Boolean);
  const junctions = new Set(have.slice(1).map((unit, index) => junction(have[index]!, unit)));
  let right = 0;
  for (let index = 1; index < want.length; index++)
    if (junctions.has(junction(want[index - 1]!, want[index]!))) right++;
  return { right, of: Math.max(0, want.length - 1) };
}

/** Expected units whose text appears in the written body. */
export function textKept(expected: readonly string[], written: readonly string[]): Ratio {
  const all = written.map(compact).join('');
  const want = expected.map(compact).filter(Boolean);
  return { right: want.filter((unit) => all.includes(unit)).length, of: want.length };
}

function sameList(a: unknown, b: unknown): boolean {
  return (
    Array.isArray(a) &&
    Array.isArray(b) &&
    a.length === b.length &&
    a.every((item, index) => compact(String(item)) === compact(String(b[index])))
  );
}

function fieldValue(field: Field, frontmatter: Record<string, unknown>): unknown {
  switch (field) {
    case 'type':
      return (
        frontmatter.type ??
        (typeof frontmatter.title === 'string' ? deriveDocumentType(frontmatter.title) : undefined) ??
        null
      );
    case 'date':
      return frontmatter.date instanceof Date
        ? frontmatter.date.toISOString().slice(0, 10)
        : (frontmatter.date ?? null);
    default:
      return frontmatter[field] ?? null;
  }
}

function fieldRight(field: Field, expected: ExpectedDocument, actual: unknown): boolean {
  switch (field) {
    case 'issuers':
      return sameList(expected.issuers, actual);
    case 'page':
      return Number(actual) === expected.page;
    case 'section':
      return expected.section === null
        ? actual === null
        : typeof actual === 'string' && compact(actual) === compact(expected.section);
    case 'number':
      return expected.number === null
        ? actual === null
        : typeof actual === 'string' && compact(actual) === compact(expected.number);
    case 'forwards': {
      if (expected.forwards === null) return actual === null;
      const forwards = actual as Partial<ForwardedDocument> | null;
      return (
        forwards !== null &&
        typeof forwards.title === 'string' &&
        compact(forwards.title) === compact(expected.forwards.title) &&
        sameList(expected.forwards.issuers, forwards.issuers)
      );
    }
    default:
      return typeof actual === 'string' && compact(actual) === compact(String(expected[field]));
  }
}

/**
 * Pairs each expected document with one written document: the same title first, then the
 * same number, then the same page, in order.
 */
function matchDocuments(
  expected: readonly ExpectedDocument[],
  written: readonly ImportedDocumentValues[],
): (ImportedDocumentValues | null)[] {
  const used = new Set<ImportedDocumentValues>();
  const matches: (ImportedDocumentValues | null)[] = expected.map(() => null);
  const passes: ((want: ExpectedDocument, have: ImportedDocumentValues) => boolean)[] = [
    (want, have) =>
      typeof have.frontmatter.title === 'string' && compact(have.frontmatter.title) === compact(want.title),
    (want, have) =>
      want.number !== null &&
      typeof have.frontmatter.number === 'string' &&
      compact(have.frontmatter.number) === compact(want.number),
    (want, have) => Number(have.frontmatter.page) === want.page,
  ];
  for (const pass of passes) {
    expected.forEach((want, index) => {
      if (matches[index]) return;
      const found = written.find((have) => !used.has(have) && pass(want, have));
      if (found) {
        matches[index] = found;
        used.add(found);
      }
    });
  }
  return matches;
}

function add(total: Ratio, part: Ratio): void {
  total.right += part.right;
  total.of += part.of;
}

/** The accounting figures, when the import result reports them (older importers do not). */
function readAccounting(result: ImportResult): IssueAccuracy['accounting'] {
  const accounting = (result as ImportResult & { accounting?: Record<string, unknown> }).accounting;
  if (!accounting || typeof accounting !== 'object') return null;
  const count = (value: unknown): number | null =>
    typeof value === 'number' ? value : Array.isArray(value) ? value.length : null;
  const lines = count(accounting.lines) ?? count(accounting.total);
  const unplaced = count(accounting.unplaced) ?? count(accounting.unaccounted) ?? 0;
  return lines === null ? null : { unplaced, lines };
}

export function measureIssue(result: ImportResult, expected: ExpectedIssue): IssueAccuracy {
  const written: ImportedDocumentValues[] = result.documents.map((document) => {
    const { frontmatter, body } = readDocumentFile(document.content);
    return { slug: document.slug, frontmatter, units: bodyUnits(body), line: document.line };
  });
  const matches = matchDocuments(expected.documents, written);
  const fields = Object.fromEntries(FIELDS.map((field) => [field, { right: 0, of: 0 }])) as Record<Field, Ratio>;
  const boundaries: Ratio = { right: 0, of: 0 };
  const kept: Ratio = { right: 0, of: 0 };
  const perDocument = expected.documents.map((want, index): DocumentAccuracy => {
    const have = matches[index];
    const wrong: DocumentAccuracy['wrong'] = {};
    for (const field of FIELDS) {
      const actual = have ? fieldValue(field, have.frontmatter) : null;
      const right = have !== null && fieldRight(field, want, actual);
      fields[field].of++;
      if (right) fields[field].right++;
      else wrong[field] = [field === 'forwards' ? want.forwards : want[field], actual];
    }
    const units = want.paragraphs.map(({ text }) => text);
    const documentBoundaries = boundariesKept(units, have?.units ?? []);
    const documentText = textKept(units, have?.units ?? []);
    add(boundaries, documentBoundaries);
    add(kept, documentText);
    return {
      title: want.title,
      slug: have?.slug ?? null,
      wrong,
      boundaries: documentBoundaries,
      textKept: documentText,
    };
  });
  const matched = new Set(matches.filter((match) => match !== null));
  const issue = result.issue?.values;
  return {
    documents: { right: matched.size, of: expected.documents.length },
    extra: written.filter((document) => !matched.has(document)).map(({ slug }) => slug),
    issue: {
      year: issue?.year === expected.year,
      number: issue?.number === expected.number,
      cumulative: (issue?.cumulative ?? null) === expected.cumulative,
      sections: sameList(issue?.sections ?? [], expected.sections),
    },
    fields,
    boundaries,
    textKept: kept,
    accounting: readAccounting(result),
    perDocument,
  };
}

/** Adds up issue figures (per gazette, or for the whole fixture set). */
export interface TotalAccuracy extends Pick<
  IssueAccuracy,
  'documents' | 'fields' | 'boundaries' | 'textKept' | 'accounting'
> {
  /** Issue values right (year, number, cumulative, sections of every issue). */
  issueValues: Ratio;
}

export function sumAccuracy(issues: readonly IssueAccuracy[]): TotalAccuracy {
  const total: TotalAccuracy = {
    documents: { right: 0, of: 0 },
    issueValues: { right: 0, of: 0 },
    fields: Object.fromEntries(FIELDS.map((field) => [field, { right: 0, of: 0 }])) as Record<Field, Ratio>,
    boundaries: { right: 0, of: 0 },
    textKept: { right: 0, of: 0 },
    accounting: null,
  };
  for (const issue of issues) {
    add(total.documents, issue.documents);
    const values = Object.values(issue.issue);
    add(total.issueValues, { right: values.filter(Boolean).length, of: values.length });
    for (const field of FIELDS) add(total.fields[field], issue.fields[field]);
    add(total.boundaries, issue.boundaries);
    add(total.textKept, issue.textKept);
    if (issue.accounting) {
      total.accounting ??= { unplaced: 0, lines: 0 };
      total.accounting.unplaced += issue.accounting.unplaced;
      total.accounting.lines += issue.accounting.lines;
    }
  }
  return total;
}

/** All scored fields together: right values over expected values. */
export function scoredFields(fields: Record<Field, Ratio>): Ratio {
  const total = { right: 0, of: 0 };
  for (const field of SCORED_FIELDS) add(total, fields[field]);
  return total;
}

export function percent({ right, of }: Ratio): string {
  return of === 0 ? '—' : `${((100 * right) / of).toFixed(1)} %`;
}
