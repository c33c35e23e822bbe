/**
 * Text from a gazette PDF, with PDF.js (pdfjs-dist, Mozilla's PDF renderer; its legacy build is
 * the one meant for Node). The page's text items are placed by their positions:
 *
 * - the page is read turned so that most of its text stands upright (a table set sideways);
 * - items on one baseline form a row; a wide gap, or a table's vertical rule, between two
 *   items splits the row into segments (cells, columns, a TOC entry and its page);
 * - the first and last rows, when set apart (smaller type or a wide gap), are the running
 *   header and footer: they stay the page's first and last lines, where readSourceText()
 *   recognises and drops them, whatever the layout in between;
 * - consecutive rows that leave a vertical gutter free form a grid. A grid of two wide columns
 *   of running text is a two-column page: the left column is read top to bottom, then the
 *   right. Any other grid is a table: its rows are found by horizontal rules, else by wider
 *   gaps between lines, else by text in the first column; the lines of a cell that wraps are
 *   joined, and each row becomes one line of tab-separated cells. A grid whose last column
 *   holds only page numbers (a TOC) stays line by line. A table's header row repeated at the
 *   top of the next page is read once;
 * - lines of running text are joined into paragraphs by the geometry of their frame (the page
 *   or the column): a line that runs to the right edge continues on the next line when that
 *   one starts at the left edge (not indented: GB/T 9704 indents a paragraph's first line by
 *   two characters).
 *
 * The result is plain text, one paragraph or table row per line and a form feed between
 * pages, which readSourceText() reads like any other extracted text; its line numbers are the
 * ones the importer reports. A page that has images (or outlines) but no text (a scan) makes
 * the whole PDF unreadable: importing part of an issue would lose its documents silently.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isCjk, joinPageBrokenLines } from '../domain/cjk-text';

export interface PdfTextItem {
  text: string;
  /** Left end of the baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size. */
  size: number;
}

/** A thin stroked or filled rectangle (a table rule), as its bounding box in PDF units. */
export interface PdfRule {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

export interface PdfPage {
  items: PdfTextItem[];
  rules: PdfRule[];
  /** Share of the page's area that images cover (0 to 1, overlaps counted twice). */
  imageShare: number;
  /** How many paths are painted on the page (text turned into outlines paints thousands). */
  paths: number;
}

/** A reason the PDF cannot be imported, worded for the editor (no stack trace). */
export class PdfReadError extends Error {}

export interface VisualLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

/** A run of a row's text without wide gaps: a cell, a column's line, a TOC title. */
interface Segment {
  text: string;
  x: number;
  right: number;
  size: number;
}

interface Row {
  y: number;
  size: number;
  segments: Segment[];
}

/** Gaps wider than this many font sizes separate columns (tab); narrower ones words (space). */
const COLUMN_GAP = 1.5;
const WORD_GAP = 0.25;
/** A gap of about an em between Chinese characters is an ideographic space. */
const IDEOGRAPHIC_SPACE = 0.75;
/**
 * A line "runs to the right edge" when it ends within this many font sizes of it: line breaking
 * rules (no line starts with ，。 and the like) can move a character and its punctuation down.
 */
const RIGHT_EDGE_SLACK = 2;
/** A line "starts at the left edge" when it starts within this many font sizes of it. */
const LEFT_EDGE_SLACK = 0.5;
/** The narrowest free strip (PDF units) that still separates a grid's columns. */
const MIN_GUTTER = 3;
/** A rule is at most this thick. */
const RULE_THICKNESS = 2;
/** A two-column page's columns are each at least this share of the text's width … */
const MIN_TEXT_COLUMN_SHARE = 0.35;
/** … and at least this share of each column's lines run to its right edge (justified text). */
const MIN_FULL_LINE_SHARE = 0.5;
/** Between a table's rows, lines are farther apart than between a cell's lines by this factor. */
const ROW_GAP_FACTOR = 1.3;
/** Fewer characters than this on a page with images: a scan without a text layer. */
const SCANNED_MAX_CHARS = 20;
const SCANNED_MIN_IMAGE_SHARE = 0.25;
const OUTLINED_MIN_PATHS = 500;
/** A TOC entry's page: 12, （12）, (12). */
const PAGE_REFERENCE = /^[（(]?\d{1,4}[)）]?$/u;
/** A TOC or index entry's end: leader dots and the page (……（12）, . . . 12), which no text runs on from. */
const LEADER_AND_PAGE = /(?:[.．·…]\s?){2,}\s*[（(]?\d{1,4}[)）]?$/u;

const verticalRules = (rules: readonly PdfRule[]) =>
  rules.filter((rule) => rule.right - rule.left <= RULE_THICKNESS && rule.top - rule.bottom > RULE_THICKNESS);
const horizontalRules = (rules: readonly PdfRule[]) =>
  rules.filter((rule) => rule.top - rule.bottom <= RULE_THICKNESS && rule.right - rule.left > RULE_THICKNESS);

/**
 * What a gap inside a segment stands for: nothing, a space between words, or, between Chinese
 * characters, the ideographic space (one em wide) that PDF.js leaves out of the text
 * ("第一条　为了…", "国务院办公厅　中央军委办公厅").
 */
function spaceFor(gap: number, size: number, before: string, after: string): string {
  if (gap <= WORD_GAP * size) return '';
  return gap >= IDEOGRAPHIC_SPACE * size && isCjk(Array.from(before).at(-1)) && isCjk(Array.from(after.trimStart())[0])
    ? '\u3000'
    : ' ';
}

/** Groups a page's text items into rows, top to bottom, each split into segments left to right. */
function rowsOf(items: readonly PdfTextItem[], rules: readonly PdfRule[]): Row[] {
  const sorted = items.filter(({ text }) => text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    if (group && Math.abs(group[0]!.y - item.y) < 0.4 * Math.max(group[0]!.size, item.size)) group.push(item);
    else groups.push([item]);
  }
  const verticals = verticalRules(rules);
  return groups.map((group) => {
    const y = group[0]!.y;
    const size = Math.max(...group.map((item) => item.size));
    const crossing = verticals.filter((rule) => rule.bottom <= y && rule.top >= y);
    const segments: Segment[] = [];
    for (const item of [...group].sort((a, b) => a.x - b.x)) {
      const segment = segments.at(-1);
      const gap = segment ? item.x - segment.right : 0;
      const ruled =
        segment !== undefined && crossing.some((rule) => rule.left >= segment.right - 1 && rule.right <= item.x + 1);
      if (!segment || gap > COLUMN_GAP * item.size || ruled) {
        segments.push({ text: item.text.trim(), x: item.x, right: item.x + item.width, size: item.size });
        continue;
      }
      segment.text += spaceFor(gap, item.size, segment.text, item.text) + item.text;
      segment.text = segment.text.trim();
      segment.right = Math.max(segment.right, item.x + item.width);
      segment.size = Math.max(segment.size, item.size);
    }
    return { y, size, segments };
  });
}

function lineOf({ y, size, segments }: Row): VisualLine {
  return {
    text: segments.map(({ text }) => text).join('\t'),
    x: segments[0]!.x,
    right: Math.max(...segments.map(({ right }) => right)),
    y,
    size,
  };
}

/** Groups a page's text items into lines, top to bottom, each read left to right. */
export function visualLines(items: readonly PdfTextItem[], rules: readonly PdfRule[] = []): VisualLine[] {
  return rowsOf(items, rules).map(lineOf);
}

/** The left and right edges of running text. */
interface Frame {
  left: number;
  right: number;
}

function frameOf(lines: readonly VisualLine[]): Frame {
  return { left: Math.min(...lines.map(({ x }) => x)), right: Math.max(...lines.map(({ right }) => right)) };
}

/** Joins lines into paragraphs within their frame (default: the lines' extent); one paragraph per line. */
export function pageParagraphs(
  lines: readonly VisualLine[],
  frame: Frame = lines.length === 0 ? { left: 0, right: 0 } : frameOf(lines),
): string[] {
  const paragraphs: string[] = [];
  let previous: VisualLine | undefined;
  for (const line of lines) {
    const continues =
      previous !== undefined &&
      frame.right - previous.right < RIGHT_EDGE_SLACK * previous.size &&
      line.x - frame.left < LEFT_EDGE_SLACK * line.size &&
      Math.abs(line.size - previous.size) < 0.5 &&
      !previous.text.includes('\t') &&
      !line.text.includes('\t') &&
      !LEADER_AND_PAGE.test(previous.text);
    if (continues) paragraphs[paragraphs.length - 1] = joinPageBrokenLines(paragraphs.at(-1)!, line.text);
    else paragraphs.push(line.text);
    previous = line;
  }
  return paragraphs;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Splits off the page's first and last rows when they are set apart from the text between:
 * in smaller type, or by a gap twice the usual distance between lines.
 */
function separateEdges(rows: readonly Row[]): { top: Row[]; body: Row[]; bottom: Row[] } {
  if (rows.length < 3) return { top: [], body: [...rows], bottom: [] };
  const size = median(rows.map((row) => row.size));
  const pitch = median(rows.slice(1).map((row, index) => rows[index]!.y - row.y));
  const apart = (row: Row, neighbour: Row) => row.size < 0.9 * size || Math.abs(row.y - neighbour.y) > 2 * pitch;
  const top = apart(rows[0]!, rows[1]!) ? 1 : 0;
  const bottom = apart(rows.at(-1)!, rows.at(-2)!) ? 1 : 0;
  return {
    top: rows.slice(0, top),
    body: rows.slice(top, rows.length - bottom),
    bottom: rows.slice(rows.length - bottom),
  };
}

type Interval = [number, number];

/** The parts of `gutters` that none of the row's segments covers and that are still wide enough. */
function remainingGutters(gutters: readonly Interval[], row: Row): Interval[] {
  let free = [...gutters];
  for (const { x, right } of row.segments) {
    free = free.flatMap(([from, to]): Interval[] =>
      right <= from || x >= to
        ? [[from, to]]
        : [
            [from, x],
            [right, to],
          ],
    );
  }
  return free.filter(([from, to]) => to - from >= MIN_GUTTER);
}

function internalGaps(row: Row): Interval[] {
  return row.segments
    .slice(1)
    .map((segment, index): Interval => [row.segments[index]!.right, segment.x])
    .filter(([from, to]) => to - from >= MIN_GUTTER);
}

/** Rows that share free vertical strips (gutters): the columns of a table or of a page. */
interface Grid {
  start: number;
  end: number;
  gutters: Interval[];
}

/** The gutters that stay free over rows[start, end), starting from the first row's gaps. */
function guttersOver(rows: readonly Row[], start: number, end: number): Interval[] {
  return rows
    .slice(start + 1, end)
    .reduce((gutters, row) => remainingGutters(gutters, row), internalGaps(rows[start]!));
}

/**
 * Where a grid that runs from `start` to `end` really ends: lines below a table's bottom rule,
 * or a single line farther below than the grid's lines are apart, are the text after it (a
 * note, a signature), not a wrapped cell.
 */
function gridEnd(rows: readonly Row[], start: number, end: number, horizontals: readonly PdfRule[]): number {
  const left = Math.min(...rows.slice(start, end).flatMap(({ segments }) => segments.map(({ x }) => x)));
  const right = Math.max(...rows.slice(start, end).flatMap(({ segments }) => segments.map(({ right }) => right)));
  const across = horizontals.filter(
    (rule) =>
      rule.left < right &&
      rule.right > left &&
      rule.top < rows[start]!.y + rows[start]!.size &&
      rule.bottom > rows[end - 1]!.y - rows[end - 1]!.size,
  );
  // A table's rules box it in (two at least); under a single rule (below a header) lines go on.
  const bottom = across.length < 2 ? -Infinity : Math.min(...across.map(({ top }) => top));
  let last = end;
  while (last - start > 2 && rows[last - 1]!.y < bottom) last--;
  const gaps = rows.slice(start + 1, last).map((row, index) => rows[start + index]!.y - row.y);
  const closest = Math.min(...gaps);
  while (last - start > 2 && rows[last - 1]!.segments.length === 1 && gaps[last - start - 2]! > 1.1 * closest) last--;
  return last;
}

/**
 * Finds the grids among the rows: a grid starts at a row with several segments, takes the
 * following rows as long as some gutter stays free, and needs two rows with several segments.
 */
function findGrids(rows: readonly Row[], horizontals: readonly PdfRule[]): Grid[] {
  const grids: Grid[] = [];
  let index = 0;
  while (index < rows.length) {
    let gutters = internalGaps(rows[index]!);
    let end = index + 1;
    for (; gutters.length > 0 && end < rows.length; end++) {
      const next = remainingGutters(gutters, rows[end]!);
      if (next.length === 0) break;
      gutters = next;
    }
    if (end - index >= 2) end = gridEnd(rows, index, end, horizontals);
    const split = rows.slice(index, end).filter((row) => row.segments.length > 1).length;
    if (split < 2) {
      index++;
      continue;
    }
    grids.push({ start: index, end, gutters: guttersOver(rows, index, end) });
    index = end;
  }
  return grids;
}

/** A grid's rows with each segment placed in its column (columns between the gutters, left to right). */
function columnsOf(rows: readonly Row[], gutters: readonly Interval[]): Segment[][][] {
  return rows.map((row) => {
    const cells: Segment[][] = gutters.map(() => []);
    cells.push([]);
    for (const segment of row.segments) {
      const column = gutters.filter(([from]) => from < segment.x).length;
      cells[column]!.push(segment);
    }
    return cells;
  });
}

/**
 * Two wide columns of running text, no rules across: a two-column page. Most lines of a column
 * run to its right edge (those of a column shorter than three lines, at the end of a text, need
 * not).
 */
function isTwoColumnText(
  cells: readonly Segment[][][],
  gutters: readonly Interval[],
  frame: Frame,
  ruled: boolean,
): boolean {
  if (ruled || gutters.length !== 1) return false;
  const [from, to] = gutters[0]!;
  const width = frame.right - frame.left;
  if (from - frame.left < MIN_TEXT_COLUMN_SHARE * width || frame.right - to < MIN_TEXT_COLUMN_SHARE * width)
    return false;
  const columns = [0, 1].map((column) => cells.map((row) => row[column]!).filter((segments) => segments.length > 0));
  const long = columns.filter((lines) => lines.length >= 3);
  return (
    long.length > 0 &&
    long.every((lines) => {
      const right = Math.max(...lines.map((segments) => segments.at(-1)!.right));
      const full = lines.filter(
        (segments) => right - segments.at(-1)!.right < RIGHT_EDGE_SLACK * segments.at(-1)!.size,
      ).length;
      return full >= MIN_FULL_LINE_SHARE * lines.length;
    })
  );
}

/** A column's lines as visual lines, for reading it like a page. */
function columnLines(rows: readonly Row[], cells: readonly Segment[][][], column: number): VisualLine[] {
  return cells.flatMap((row, index) => {
    const segments = row[column]!;
    return segments.length === 0 ? [] : [lineOf({ y: rows[index]!.y, size: rows[index]!.size, segments })];
  });
}

/**
 * Groups a table's lines into rows. A table ruled between its rows is split at its rules. Lines
 * that no rule separates (the whole table, or all below a rule under the header) are split at
 * gaps wider than those between a cell's lines, else (evenly spaced lines) where the first
 * column has text.
 */
function tableRows(rows: readonly Row[], cells: readonly Segment[][][], rules: readonly PdfRule[]): number[][] {
  const ruled = rows
    .slice(1)
    .map((row, index) => rules.some((rule) => rule.bottom < rows[index]!.y && rule.top > row.y + 0.5 * row.size));
  let boundaries = ruled;
  if (ruled.filter(Boolean).length < 2) {
    const gaps = rows.slice(1).map((row, index) => rows[index]!.y - row.y);
    const closest = Math.min(...gaps.filter((_, index) => !ruled[index]));
    const spaced = gaps.map((gap, index) => !ruled[index] && gap > ROW_GAP_FACTOR * closest);
    const starts = cells.slice(1).map((row) => row[0]!.length > 0);
    const split = spaced.some(Boolean) ? spaced : starts;
    boundaries = ruled.map((rule, index) => rule || split[index]!);
  }
  const groups: number[][] = [[0]];
  boundaries.forEach((boundary, index) => (boundary ? groups.push([index + 1]) : groups.at(-1)!.push(index + 1)));
  return groups;
}

/** A table's rows of cells, the lines of a cell joined. */
function tableCells(rows: readonly Row[], cells: readonly Segment[][][], rules: readonly PdfRule[]): string[][] {
  return tableRows(rows, cells, rules).map((group) =>
    cells[0]!.map((_, column) =>
      group
        .flatMap((index) => cells[index]![column]!.map(({ text }) => text))
        .reduce((cell, text) => joinPageBrokenLines(cell, text), ''),
    ),
  );
}

/** A page's lines, and where its body and its tables (line ranges, end excluded) are. */
interface PageLayout {
  lines: string[];
  body: { start: number; end: number };
  tables: { start: number; end: number }[];
}

/** One page's text: paragraphs, table rows and columns in reading order, one per line. */
function pageLayout(items: readonly PdfTextItem[], rules: readonly PdfRule[]): PageLayout {
  const { top, body, bottom } = separateEdges(rowsOf(items, rules));
  const tables: PageLayout['tables'] = [];
  const bodyLines = body.map(lineOf);
  const frame = bodyLines.length === 0 ? { left: 0, right: 0 } : frameOf(bodyLines);
  const horizontals = horizontalRules(rules);
  const out = top.map((row) => lineOf(row).text);
  let plain: VisualLine[] = [];
  const flush = () => {
    out.push(...pageParagraphs(plain, frame));
    plain = [];
  };
  let next = 0;
  for (const { start, end, gutters } of findGrids(body, horizontals)) {
    plain.push(...bodyLines.slice(next, start));
    next = end;
    const rows = body.slice(start, end);
    const cells = columnsOf(rows, gutters);
    const lastColumn = cells.map((row) => row.at(-1)!).filter((segments) => segments.length > 0);
    const toc =
      cells[0]!.length === 2 && lastColumn.every((segments) => segments.every(({ text }) => PAGE_REFERENCE.test(text)));
    const { left, right } = frameOf(bodyLines.slice(start, end));
    const inside = horizontals.filter(
      (rule) =>
        rule.top > rows.at(-1)!.y && rule.bottom < rows[0]!.y + rows[0]!.size && rule.left < right && rule.right > left,
    );
    const twoColumns = !toc && isTwoColumnText(cells, gutters, frame, inside.length > 0);
    const table = toc || twoColumns ? [] : tableCells(rows, cells, inside);
    // Rows that mostly hold a single cell are lines of text beside a few wide gaps (a note with
    // its page reference, a listing), not a table.
    const sparse = table.filter((row) => row.filter(Boolean).length > 1).length * 2 < table.length;
    if (toc || sparse) {
      plain.push(...bodyLines.slice(start, end));
      continue;
    }
    flush();
    if (twoColumns) {
      // Each column's lines relative to its own edges, so that a paragraph that runs from the
      // foot of the left column on to the top of the right one is joined like any other.
      const lines = [0, 1].flatMap((column) => {
        const own = columnLines(rows, cells, column);
        const { left: columnLeft, right: columnRight } = frameOf(own);
        return own.map((line) => ({ ...line, x: line.x - columnLeft, right: line.right - columnRight }));
      });
      out.push(...pageParagraphs(lines, { left: 0, right: 0 }));
    } else {
      tables.push({ start: out.length, end: out.length + table.length });
      out.push(...table.map((row) => row.join('\t')));
    }
  }
  plain.push(...bodyLines.slice(next));
  flush();
  const bodyEnd = out.length;
  out.push(...bottom.map((row) => lineOf(row).text));
  return { lines: out, body: { start: top.length, end: bodyEnd }, tables };
}

export function pageText(items: readonly PdfTextItem[], rules: readonly PdfRule[] = []): string[] {
  return pageLayout(items, rules).lines;
}

/**
 * Removes the header row that a table continued from the page before repeats at the top of
 * the page (as word processors print it), so that the rows read as one table.
 */
function dropRepeatedTableHeaders(pages: readonly PageLayout[]): string[][] {
  return pages.map(({ lines, body, tables }, index) => {
    const before = pages[index - 1];
    const continued = before?.tables.find(({ end }) => end === before.body.end);
    const first = tables.find(({ start }) => start === body.start);
    if (!before || !continued || !first || lines[first.start] !== before.lines[continued.start]) return lines;
    return lines.filter((_, line) => line !== first.start);
  });
}

/** Where pdfjs-dist keeps the CMaps that CJK fonts with predefined encodings need. */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

type Matrix = [number, number, number, number, number, number];

function multiply([a, b, c, d, e, f]: Matrix, [a2, b2, c2, d2, e2, f2]: Matrix): Matrix {
  return [
    a * a2 + b * c2,
    a * b2 + b * d2,
    c * a2 + d * c2,
    c * b2 + d * d2,
    e * a2 + f * c2 + e2,
    e * b2 + f * d2 + f2,
  ];
}

/** Quarter turns, counter-clockwise, of text drawn with this matrix: 0 upright, 1 running upwards … */
function quarterTurns(a: number, b: number): number {
  return ((Math.round(Math.atan2(b, a) / (Math.PI / 2)) % 4) + 4) % 4;
}

/** The quarter turns of most of the page's text (by characters). */
function dominantTurns(items: readonly { text: string; turns: number }[]): number {
  const chars = [0, 0, 0, 0];
  for (const { text, turns } of items) chars[turns]! += text.length;
  return chars.indexOf(Math.max(...chars));
}

/** The rotation that brings text turned by `turns` quarter turns upright. */
function turnBack(turns: number): Matrix {
  const cos = [1, 0, -1, 0][turns]!;
  const sin = [0, -1, 0, 1][turns]!;
  return [cos, sin, -sin, cos, 0, 0];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/**
 * The page's text items turned so that most of its text stands upright: a wide table is often
 * set sideways on a portrait page (or the page is rotated). Text set otherwise (the running
 * header and the page number, upright on such a page) is read in its own direction and kept
 * above the rest when it stands in the upper half of the page as it reads, below otherwise,
 * so that it stays the page's first or last line.
 */
function uprightItems(
  placed: readonly (PdfTextItem & { turns: number })[],
  turns: number,
  view: readonly number[],
): PdfTextItem[] {
  const main = placed
    .filter((item) => item.turns === turns)
    .map(({ text, x, y, width, size }) => {
      const [ux, uy] = apply(turnBack(turns), x, y);
      return { text, x: ux, y: uy, width, size };
    });
  const top = Math.max(0, ...main.map(({ y }) => y)) + 1000;
  const bottom = Math.min(0, ...main.map(({ y }) => y)) - 1000;
  const others = placed
    .filter((item) => item.turns !== turns)
    .map(({ text, x, y, width, size, turns: own }) => {
      const [ux, uy] = apply(turnBack(own), x, y);
      const ys = [apply(turnBack(own), view[0]!, view[1]!)[1], apply(turnBack(own), view[2]!, view[3]!)[1]];
      const middle = (ys[0] + ys[1]) / 2;
      return { text, x: ux, y: uy > middle ? top + uy - middle : bottom + uy - middle, width, size };
    });
  return [...main, ...others];
}

/** The bounding box, in page space, of a box in the current user space. */
function pageBox(m: Matrix, x1: number, y1: number, x2: number, y2: number): PdfRule {
  const corners = [
    [x1, y1],
    [x1, y2],
    [x2, y1],
    [x2, y2],
  ].map(([x, y]) => apply(m, x!, y!));
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return { left: Math.min(...xs), bottom: Math.min(...ys), right: Math.max(...xs), top: Math.max(...ys) };
}

/**
 * The rules (thin painted paths), the area images cover and the number of painted paths, from
 * the page's drawing operators.
 * Only the transformation matrix is tracked: enough to place boxes on the page.
 */
function drawnShapes(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  OPS: Record<string, number>,
  pageArea: number,
  turn: Matrix,
): Omit<PdfPage, 'items'> {
  const painting = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const images = new Set([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
  ]);
  const stack: Matrix[] = [];
  let matrix = turn;
  const rules: PdfRule[] = [];
  let imageArea = 0;
  let paths = 0;
  fnArray.forEach((fn, index) => {
    const args = argsArray[index] as unknown[] | null;
    if (fn === OPS.save) stack.push(matrix);
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) matrix = stack.pop() ?? matrix;
    else if (fn === OPS.transform) matrix = multiply(args as Matrix, matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(matrix);
      if (Array.isArray(args?.[0])) matrix = multiply(args[0] as Matrix, matrix);
    } else if (fn === OPS.constructPath && painting.has(args?.[0] as number)) {
      const box = args?.[2] as ArrayLike<number> | null;
      paths++;
      if (!box) return;
      const rule = pageBox(matrix, box[0]!, box[1]!, box[2]!, box[3]!);
      const thin = Math.min(rule.right - rule.left, rule.top - rule.bottom) <= RULE_THICKNESS;
      if (thin && Math.max(rule.right - rule.left, rule.top - rule.bottom) > RULE_THICKNESS) rules.push(rule);
    } else if (images.has(fn)) {
      const box = pageBox(matrix, 0, 0, 1, 1);
      imageArea += (box.right - box.left) * (box.top - box.bottom);
    }
  });
  return { rules, imageShare: pageArea > 0 ? imageArea / pageArea : 0, paths };
}

/** Reads every page's text items, rules and images. Throws PdfReadError for encrypted PDFs. */
export async function readPdfPages(data: Uint8Array): Promise<PdfPage[]> {
  const { getDocument, OPS, PasswordException } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // PDF.js takes ownership of (and detaches) the buffer it is given, and refuses Node Buffers: copy.
  const task = getDocument({ data: new Uint8Array(data), ...pdfjsAssets(), cMapPacked: true, verbosity: 0 });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      if (error instanceof PasswordException) {
        throw new PdfReadError(
          'the PDF is encrypted with a password; save an unprotected copy (e.g. qpdf --decrypt --password=… in.pdf out.pdf) and import that',
        );
      }
      throw error;
    });
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const placed = content.items.flatMap((item) => {
        if (!('str' in item)) return [];
        const [a, b, , , x, y] = item.transform as number[];
        return [
          {
            text: item.str,
            x: x!,
            y: y!,
            width: item.width,
            size: Math.hypot(a!, b!) || item.height,
            turns: quarterTurns(a!, b!),
          },
        ];
      });
      const [x1, y1, x2, y2] = page.view;
      const turns = dominantTurns(placed);
      const turn = turnBack(turns);
      const items = uprightItems(placed, turns, page.view);
      const operators = await page.getOperatorList();
      pages.push({
        items,
        ...drawnShapes(operators.fnArray, operators.argsArray, OPS, (x2! - x1!) * (y2! - y1!), turn),
      });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/**
 * 1-based numbers of the pages without a text layer: images (scans not yet run through OCR) or
 * text drawn as outlines, with next to no text.
 */
export function scannedPages(pages: readonly PdfPage[]): number[] {
  return pages.flatMap(({ items, imageShare, paths }, index) => {
    const chars = items.reduce((count, { text }) => count + text.replace(/\s/gu, '').length, 0);
    return chars < SCANNED_MAX_CHARS && (imageShare >= SCANNED_MIN_IMAGE_SHARE || paths >= OUTLINED_MIN_PATHS)
      ? [index + 1]
      : [];
  });
}

/** Pages as the importer's text: a paragraph or table row per line, pages separated by form feeds. */
function pagesToText(pages: readonly PdfPage[]): string {
  return dropRepeatedTableHeaders(pages.map(({ items, rules }) => pageLayout(items, rules)))
    .map((lines) => lines.map((line) => `${line}\n`).join(''))
    .join('\f');
}

/** The text of a PDF, ready for the importer. Throws PdfReadError when pages have no text layer. */
export async function extractPdfText(data: Uint8Array): Promise<string> {
  const pages = await readPdfPages(data);
  const scanned = scannedPages(pages);
  if (scanned.length > 0) {
    throw new PdfReadError(
      `${scanned.length === 1 ? 'page' : 'pages'} ${scanned.join(', ')}: no text layer (scanned?); run OCR first (e.g. ocrmypdf --skip-text -l chi_sim in.pdf out.pdf) and import the result; nothing was imported`,
    );
  }
  return pagesToText(pages);
}
