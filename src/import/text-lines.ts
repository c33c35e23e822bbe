/**
 * The importer's input as numbered lines. Text extracted from a PDF (by pdf-text.ts, or by a
 * tool such as pdftotext) separates pages with form feeds; on paged text, running headers and
 * page numbers are recognised, dropped from the text and kept as each line's printed page.
 * Blank lines carry no meaning in extracted text (page breaks leave them anywhere), so only
 * non-empty lines are kept, each with its line number in the input for reports.
 */
import { dateLine, docNumberLine, isOrganName } from './line-kinds';

export interface SourceLine {
  /** The text as extracted, without trailing white space other than tabs. */
  text: string;
  /** 1-based line number in the input. */
  line: number;
  /** 1-based page of the input (form-feed separated). */
  sheet: number;
  /** The number printed on that page, when the page shows one (or follows one that does). */
  page?: number;
}

export interface SourceText {
  lines: SourceLine[];
  /** Whether the input had page breaks (form feeds). */
  paged: boolean;
  /** Line numbers of the running headers and page numbers that were dropped. */
  furniture: number[];
}

/** A page number alone on a line: 12, - 12 -, — 12 —, ·12·, 第12页. */
export const PAGE_NUMBER = /^[\s\-—–·]*(?:第\s*)?(\d{1,4})(?:\s*页)?[\s\-—–·]*$/u;
/** A page number at either end of a running header: "12  淄博市人民政府公报", "公报 · 12". */
const HEADER_PAGE_NUMBER = /^(\d{1,4})[\s·]+\S|\S[\s·]+(\d{1,4})$/u;
/** The same, the folio bare, in dashes or dots ("— 5 —　　青海政报 2023.7", "· 2 ·  …公报"), at the start or at the end. */
const FOLIO_AT_ENDS = [
  /^[-—–·]*\s*(\d{1,4})\s*[-—–·]*(?=[\s\u3000·]+\S)/u,
  /(?<=\S[\s\u3000·]+)[-—–·]*\s*(\d{1,4})\s*[-—–·]*$/u,
];
const SENTENCE_END = /[。；：！？;:!?]$/u;
const MAX_HEADER_LENGTH = 40;
/** The issue as a running header prints it, before or after the gazette's name: 2011年第6期. */
const HEADER_ISSUE_LABEL = /^\d{4}年第\d{1,3}[期号]$|^\d{4}[·.．]\d{1,3}$/u;
/** Running headers recur on this share of the pages at least (odd and even pages may differ). */
const MIN_HEADER_SHARE = 0.4;

/** Splits the input into pages of numbered non-empty lines. */
function splitPages(text: string): SourceLine[][] {
  const pages: SourceLine[][] = [[]];
  text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      raw.split('\f').forEach((segment, part) => {
        if (part > 0) pages.push([]);
        // Trailing tabs stay: they end a table row whose last cells are empty.
        const trimmed = segment.replace(/[^\S\t]+$/u, '');
        if (trimmed.trim() !== '') pages.at(-1)!.push({ text: trimmed, line: index + 1, sheet: pages.length });
      });
    });
  return pages;
}

/** Header lines compare equal across pages even when they carry the page number. */
function headerKey(text: string): string {
  return text.replace(/[\s\d]+/gu, '');
}

/**
 * Whether a page's first or last line may be a running header or footer: short, not the end
 * of a sentence, and not what documents start or end with on a new page (an issuer's name,
 * a document number, a date).
 */
function headerCandidate(line: SourceLine | undefined, cover: SourceLine | undefined): line is SourceLine {
  if (line === undefined || line === cover) return false;
  const text = line.text.trim();
  return (
    // Layout extraction spreads a header over the page width: "12　…　广东省人民政府公报".
    Array.from(text.replace(/[\s\u3000]+/gu, ' ')).length <= MAX_HEADER_LENGTH &&
    !SENTENCE_END.test(text) &&
    // Notes such as （此件公开发布） end many documents, and so many pages.
    !/^[（(][^（()）]+[)）]$/u.test(text) &&
    !isOrganName(text) &&
    docNumberLine(text) === null &&
    dateLine(text) === null
  );
}

/**
 * Finds the running headers (first lines) and footers (last lines) that recur on two or more
 * pages, and the page numbers at the top or bottom of each page.
 */
function stripFurniture(pages: SourceLine[][]): { pages: SourceLine[][]; furniture: number[] } {
  // The issue starts with its cover: its first line is the gazette's name, never furniture,
  // even when the running headers repeat that name.
  const cover = pages.find((lines) => lines.length > 0)?.[0];
  const furniture: number[] = [];
  const printed: (number | undefined)[] = pages.map(() => undefined);
  // A header naming the gazette as its cover does may recur on even pages only, too few for
  // the share: "2　　北京市人民政府公报".
  const coverKey = cover ? headerKey(cover.text) : undefined;
  const namesGazette = (key: string) =>
    coverKey !== undefined && (key === coverKey || (key.startsWith(coverKey) && key.endsWith('公报')));
  // A header with the page number in it is furniture even when printed once (an issue of one
  // or two pages, odd and even headers differing): the gazette's name or the issue, and a folio.
  const coverName = cover?.text.replace(/[\s\u3000]+/gu, '') ?? '';
  const folioOf = (text: string): number | null => {
    for (const pattern of FOLIO_AT_ENDS) {
      const folio = pattern.exec(text.trim());
      if (!folio) continue;
      // Without the folio and white space; a · between year and issue (2021·7) stays.
      const rest = text
        .trim()
        .replace(pattern, '')
        .replace(/[\s\u3000]+/gu, '')
        .replace(/^·+|·+$/gu, '');
      const label =
        coverName !== '' && rest.startsWith(coverName)
          ? rest.slice(coverName.length)
          : coverName !== '' && rest.endsWith(coverName)
            ? rest.slice(0, -coverName.length)
            : rest;
      if (rest === coverName || HEADER_ISSUE_LABEL.test(label)) return Number(folio[1]);
    }
    return null;
  };
  const kept = pages.map((lines) => [...lines]);

  kept.forEach((lines, index) => {
    for (const end of ['first', 'last'] as const) {
      const line = end === 'first' ? lines[0] : lines.at(-1);
      const match = line && line !== cover ? PAGE_NUMBER.exec(line.text) : null;
      if (!line || !match || printed[index] !== undefined) continue;
      printed[index] = Number(match[1]);
      furniture.push(line.line);
      lines.splice(end === 'first' ? 0 : lines.length - 1, 1);
    }
  });

  for (const end of ['first', 'last'] as const) {
    const pick = (lines: SourceLine[]) => (end === 'first' ? lines[0] : lines.at(-1));
    const counts = new Map<string, number>();
    for (const lines of kept) {
      const line = pick(lines);
      if (headerCandidate(line, cover)) counts.set(headerKey(line.text), (counts.get(headerKey(line.text)) ?? 0) + 1);
    }
    kept.forEach((lines, index) => {
      const line = pick(lines);
      if (!headerCandidate(line, cover)) return;
      const key = headerKey(line.text);
      const count = counts.get(key) ?? 0;
      const recurring = count >= 2 && (count >= MIN_HEADER_SHARE * (kept.length - 1) || namesGazette(key));
      const folio = folioOf(line.text);
      if (!recurring && (index === 0 || folio === null)) return;
      const number = HEADER_PAGE_NUMBER.exec(line.text.trim());
      if (printed[index] === undefined && (folio !== null || number))
        printed[index] = folio ?? Number(number![1] ?? number![2]);
      furniture.push(line.line);
      lines.splice(end === 'first' ? 0 : lines.length - 1, 1);
    });
  }

  // A page without a printed number (a full-page table, say) follows the one before it.
  let previous: number | undefined;
  const withPages = kept.map((lines, index) => {
    const page = printed[index] ?? (previous === undefined ? undefined : previous + 1);
    previous = page;
    return lines.map((line) => (page === undefined ? line : { ...line, page }));
  });
  return { pages: withPages, furniture: furniture.sort((a, b) => a - b) };
}

/** Below this many lines a page's common indent may be its layout (a centred page), not a margin. */
const MIN_MARGIN_LINES = 4;

/**
 * Layout extraction of a page set off from the paper's edge starts every line with the spaces
 * of its left margin (more on odd pages than even ones, with a binding gutter); indents count
 * from the margin, so the spaces every line of a page starts with are taken off. The first and
 * last lines do not count: a running header or page number printed once is still there.
 */
function withoutMargin(lines: SourceLine[]): SourceLine[] {
  const inner = lines.slice(1, -1);
  if (inner.length < MIN_MARGIN_LINES) return lines;
  const indent = (text: string) => /^ */u.exec(text)![0].length;
  const margin = Math.min(...inner.map(({ text }) => indent(text)));
  return margin === 0
    ? lines
    : lines.map((line) => ({ ...line, text: line.text.slice(Math.min(margin, indent(line.text))) }));
}

/** Reads extracted text: numbered non-empty lines, page furniture removed from paged text. */
export function readSourceText(text: string): SourceText {
  const pages = splitPages(text);
  if (pages.length === 1) return { lines: withoutMargin(pages[0]!), paged: false, furniture: [] };
  const stripped = stripFurniture(pages);
  return { lines: stripped.pages.flatMap(withoutMargin), paged: true, furniture: stripped.furniture };
}
