/**
 * The importer's pipeline, from extracted text to the files of one issue: numbered lines →
 * cover and TOC → documents (head, body, signature, attachments) → gazette.yaml (from the
 * 简介 page), issue.yaml and one Markdown file per document, with every finding located.
 */
import type { Issue } from '../content/schema';
import { placeholder } from '../content/placeholders';
import { slugForNumber } from '../domain/slug';
import {
  findAboutPage,
  findClosingImprint,
  imprintEnd,
  parseAboutPage,
  parseImprint,
  type GazetteInfo,
} from './about-page';
import { parseCoverAndToc, type Cover } from './cover-and-toc';
import { parseDocument } from './document-body';
import { splitDocuments } from './document-split';
import { documentFile, toYaml } from './markdown';
import { inputLines, LineLedger, type LineAccounting } from './line-accounting';
import { compareFindings, Findings, type Finding } from './report';
import { PAGE_NUMBER, readSourceText, type SourceLine } from './text-lines';

export interface ImportedDocument {
  slug: string;
  title: string;
  /** Input line of its head. */
  line: number;
  content: string;
}

/** A required gazette.yaml field that the issue does not print, written as a placeholder. */
export interface FieldToFill {
  field: 'name' | 'publisher' | 'editor';
  /** What the editor writes there, as the placeholder names it. */
  what: string;
}

export interface ImportResult {
  /**
   * gazette.yaml for a gazette that has none yet: `values` as printed on the cover and the 简介
   * page (when the issue has one); `content` also holds a placeholder for each required field
   * the issue does not print (`toFill`), which check and the build refuse until it is filled.
   */
  gazette: { values: GazetteInfo; content: string; toFill: FieldToFill[]; aboutPage: boolean } | null;
  /** Null when the cover does not give the year and the issue number. */
  issue: { values: Issue; content: string } | null;
  documents: ImportedDocument[];
  findings: Finding[];
  /** Whether the input had pages (and so page numbers to check against the TOC). */
  paged: boolean;
  /** How many running-header and page-number lines were dropped. */
  furniture: number;
  /** Where every non-blank input line went. */
  accounting: LineAccounting;
}

/**
 * Splits off the 简介 page: it may close the issue or stand before the TOC. Without one, an
 * imprint closing the issue is split off instead (`imprint`: it has no heading).
 */
function separateAboutPage(lines: SourceLine[]): { main: SourceLine[]; about: SourceLine[]; imprint: boolean } {
  const start = findAboutPage(lines);
  if (start === -1) {
    const imprint = findClosingImprint(lines);
    return imprint === -1
      ? { main: lines, about: [], imprint: false }
      : { main: lines.slice(0, imprint), about: lines.slice(imprint), imprint: true };
  }
  const tocAfter = lines.findIndex((line, index) => index > start && /^目\s*录$/u.test(line.text.trim()));
  const end = tocAfter === -1 ? lines.length : tocAfter;
  return { main: [...lines.slice(0, start), ...lines.slice(end)], about: lines.slice(start, end), imprint: false };
}

function gazetteValues(cover: Cover, about: GazetteInfo, findings: Findings, line: number): GazetteInfo {
  if (cover.name && about.name && cover.name !== about.name) {
    findings.warn(
      `the 简介 page names the gazette "${about.name}", the cover "${cover.name}"; the cover's name is used`,
      line,
    );
  }
  const values: GazetteInfo = {
    name: cover.name ?? about.name,
    romanizedName: cover.romanizedName,
    publisher: about.publisher,
    editor: about.editor,
    founded: about.founded,
    address: about.address,
    phone: about.phone,
    postcode: about.postcode,
    about: about.about,
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** Required fields in gazette.yaml order, with what the editor writes when the issue is silent. */
const REQUIRED_GAZETTE_FIELDS: readonly FieldToFill[] = [
  { field: 'name', what: '公报名称' },
  { field: 'publisher', what: '主办单位' },
  { field: 'editor', what: '编辑出版' },
];

function gazetteYaml(values: GazetteInfo, toFill: readonly FieldToFill[]): string {
  // A postcode without a leading zero is written as a number, as editors type it.
  const { postcode } = values;
  const numeric = postcode !== undefined && /^[1-9]\d{5}$/u.test(postcode);
  const filled = Object.fromEntries(toFill.map(({ field, what }) => [field, placeholder(what)]));
  // The placeholders take their fields' places: name, romanizedName, publisher, editor, …
  const ordered = {
    name: undefined,
    romanizedName: undefined,
    publisher: undefined,
    editor: undefined,
    ...values,
    ...filled,
  };
  const defined = Object.fromEntries(Object.entries(ordered).filter(([, value]) => value !== undefined));
  return toYaml({ ...defined, ...(numeric ? { postcode: Number(postcode) } : {}) });
}

function importedGazette(
  cover: Cover,
  about: GazetteInfo | null,
  findings: Findings,
  line: number,
): NonNullable<ImportResult['gazette']> {
  const values = gazetteValues(cover, about ?? {}, findings, line);
  const toFill = REQUIRED_GAZETTE_FIELDS.filter(({ field }) => values[field] === undefined);
  return { values, content: gazetteYaml(values, toFill), toFill, aboutPage: about !== null };
}

function issueValues(cover: Cover, sections: string[], findings: Findings, line: number): Issue | null {
  if (cover.year === undefined || cover.number === undefined) {
    findings.error('the cover does not give the year and the issue number (e.g. 2020 and 第7期（总第232期）)', line);
    return null;
  }
  return {
    year: cover.year,
    number: cover.number,
    ...(cover.cumulative === undefined ? {} : { cumulative: cover.cumulative }),
    ...(cover.published === undefined ? {} : { published: cover.published }),
    sections,
  };
}

/** What follows the gazette's name in a running header: 2010年第9期, 2018·33. */
const HEADER_ISSUE = /^(?:\d{4}年?)?(?:第\d+[期号])?(?:[（(]总第?\d+[期号][)）])?$|^\d{4}[·.．]\d{1,3}$/u;

/** Running headers shorten a long name from the front: 国务院公报 for 中华人民共和国国务院公报. */
const MIN_SHORT_NAME = 4;

/**
 * Running headers the page-furniture rule cannot see because they are printed once (an issue
 * of one document): the gazette's name or its short form, with the year and issue or not, or
 * the year and issue alone (2015年第11期, 2018年第10号), as the first or last line of a page.
 */
function gazetteHeaders(lines: readonly SourceLine[], from: number, cover: Cover): Set<number> {
  const headers = new Set<number>();
  const key = (cover.name ?? '').replace(/[\s\u3000]+/gu, '');
  // The issue as the cover counts it: 第N期, or 第N号 (国务院公报, ministries' gazettes).
  const issues =
    cover.year === undefined || cover.number === undefined
      ? []
      : ['期', '号'].map((unit) => `${cover.year}年第${cover.number}${unit}`);
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!;
    const edge = lines[index - 1]?.sheet !== line.sheet || lines[index + 1]?.sheet !== line.sheet;
    const compact = line.text.replace(/[\s\u3000]+/gu, '');
    const named = Array.from({ length: Math.max(0, key.length - MIN_SHORT_NAME + 1) }, (_, cut) => key.slice(cut)).some(
      (name) =>
        (compact.startsWith(name) && HEADER_ISSUE.test(compact.slice(name.length))) ||
        // The issue may come first: "2009年第3期　　嘉兴市人民政府公报".
        (compact.endsWith(name) && compact.length > name.length && HEADER_ISSUE.test(compact.slice(0, -name.length))),
    );
    if (edge && (named || issues.includes(compact))) headers.add(index);
  }
  return headers;
}

/**
 * A section's name printed again on the page of its first document (省政府办公厅文件,
 * 【省政府办公厅文件】) is the issue's, not text of a document.
 */
function sectionHeadings(lines: readonly SourceLine[], from: number, sections: readonly string[]): Set<number> {
  const names = new Set(sections.map((name) => name.replace(/[\s\u3000]+/gu, '')));
  const headings = new Set<number>();
  for (let index = from; index < lines.length; index++) {
    if (names.has(lines[index]!.text.replace(/[\s\u3000【】]+/gu, ''))) headings.add(index);
  }
  return headings;
}

/** A slug per document: from its number (zzbz-2020-54), else its page (p16); then -2, -3 … */
function assignSlugs<T extends { number?: string; page: number }>(documents: readonly T[]): string[] {
  const taken = new Set<string>();
  return documents.map(({ number, page }) => {
    const base = (number ? slugForNumber(number) : null) ?? `p${page}`;
    let slug = base;
    for (let suffix = 2; taken.has(slug); suffix++) slug = `${base}-${suffix}`;
    taken.add(slug);
    return slug;
  });
}

export function importIssueText(text: string): ImportResult {
  const findings = new Findings();
  const source = readSourceText(text);
  const texts = inputLines(text);
  const ledger = new LineLedger(texts);
  for (const line of source.furniture) {
    ledger.place(line, {
      dropped: PAGE_NUMBER.test(texts.get(line) ?? '') ? 'page number' : 'running header or footer',
    });
  }
  const { main, about, imprint } = separateAboutPage(source.lines);
  for (const line of about) ledger.place(line.line, 'about');
  const front = parseCoverAndToc(main, findings);
  const result: ImportResult = {
    gazette: null,
    issue: null,
    documents: [],
    findings: findings.list,
    paged: source.paged,
    furniture: source.furniture.length,
    accounting: ledger.accounting(),
  };
  if (!front) return result;
  for (const line of main.slice(0, front.end)) ledger.place(line.line, 'issue');

  const issue = issueValues(front.cover, front.sections, findings, front.tocLine);
  if (issue) {
    // An issue not divided into sections has no sections list at all.
    const { sections, ...rest } = issue;
    result.issue = { values: issue, content: toYaml(sections.length > 0 ? issue : rest) };
  }

  const headers = gazetteHeaders(main, front.end, front.cover);
  for (const index of headers) ledger.place(main[index]!.line, { dropped: 'running header or footer' });
  const sectionLines = sectionHeadings(main, front.end, front.sections);
  // The issue's metadata: issue.yaml lists the section, each document names it.
  for (const index of sectionLines) ledger.place(main[index]!.line, 'issue');
  const afterToc = main
    .slice(front.end)
    .filter((_, offset) => !headers.has(front.end + offset) && !sectionLines.has(front.end + offset));
  // An imprint at the foot of the TOC page stands between the TOC and the first document.
  const tocImprint = afterToc.slice(0, imprintEnd(afterToc, 0));
  for (const line of tocImprint) ledger.place(line.line, 'about');
  const body = [...main.slice(0, front.end), ...afterToc.slice(tocImprint.length)];
  result.furniture += headers.size;
  const spans = splitDocuments(
    body,
    { bodyStart: front.end, bodyEnd: body.length, entries: front.entries, paged: source.paged },
    findings,
  );
  const firstDocument = spans[0]?.head.start ?? body.length;
  for (const line of body.slice(front.end, firstDocument))
    ledger.place(line.line, { unplaced: 'between the TOC and the first document' });
  const aboutValues =
    about.length === 0 && tocImprint.length === 0
      ? null
      : {
          ...(about.length === 0 ? {} : imprint ? parseImprint(about, findings) : parseAboutPage(about, findings)),
          ...parseImprint(tocImprint, findings),
        };
  result.gazette = importedGazette(
    front.cover,
    aboutValues,
    findings,
    about[0]?.line ?? tocImprint[0]?.line ?? front.tocLine,
  );
  const parsed = spans.flatMap((span) => {
    const spanLines = body.slice(span.head.start, span.end);
    const document = parseDocument(body, span, findings, front.cover.name);
    if (document && document.unplaced.length === 0) {
      for (const line of spanLines) ledger.place(line.line, 'document');
      return [document];
    }
    for (const range of document?.unplaced ?? []) {
      for (const line of body.slice(range.start, range.end)) ledger.place(line.line, { unplaced: range.reason });
    }
    const title = document?.frontmatter.title ?? span.head.title;
    for (const line of spanLines) ledger.place(line.line, { unplaced: `in "${title}", which is not written` });
    findings.error(
      document
        ? `"${title}" is not written: ${document.unplaced.map((range) => `lines ${body[range.start]!.line}-${body[range.end - 1]!.line} (${range.reason})`).join(', ')} would be lost`
        : `"${title}" is not written: the document cannot be read (see the errors above)`,
      spanLines[0]!.line,
      spanLines.at(-1)!.line,
    );
    return [];
  });
  const slugs = assignSlugs(parsed.map(({ frontmatter }) => frontmatter));
  result.documents = parsed.map((document, index) => ({
    slug: slugs[index]!,
    title: document.frontmatter.title,
    line: document.line,
    content: documentFile(document.frontmatter, document.blocks),
  }));
  result.accounting = ledger.accounting();
  result.findings.sort(compareFindings);
  return result;
}
