/**
 * Text from a gazette PDF, with PDF.js (pdfjs-dist, Mozilla's PDF renderer; its legacy build is
 * the one meant for Node). Text items are grouped into visual lines by their baseline, and
 * lines into paragraphs by the page's geometry: a line that runs to the right edge of the text
 * continues on the next line when that one starts at the left edge (not indented: GB/T 9704
 * indents a paragraph's first line by two characters). Wide gaps inside a line (a TOC entry
 * and its page, table cells) become tabs.
 *
 * The result is plain text, one paragraph per line and a form feed between pages, which
 * readSourceText() reads like any other extracted text; its line numbers are the ones the
 * importer reports.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { joinPageBrokenLines } from '../cjk-text';

export interface PdfTextItem {
  text: string;
  /** Left end of the baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size. */
  size: number;
}

export interface VisualLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

/** Gaps wider than this many font sizes separate columns (tab); narrower ones words (space). */
const COLUMN_GAP = 1.5;
const WORD_GAP = 0.25;
/** A line "runs to the right edge" when it ends within this many font sizes of it. */
const RIGHT_EDGE_SLACK = 1.5;
/** A line "starts at the left edge" when it starts within this many font sizes of it. */
const LEFT_EDGE_SLACK = 0.5;

/** Groups a page's text items into lines, top to bottom, each read left to right. */
export function visualLines(items: readonly PdfTextItem[]): VisualLine[] {
  const sorted = items.filter(({ text }) => text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - item.y) < 0.4 * Math.max(row[0]!.size, item.size)) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    const cells = [...row].sort((a, b) => a.x - b.x);
    let text = '';
    let end = cells[0]!.x;
    for (const cell of cells) {
      const gap = cell.x - end;
      const size = cell.size;
      if (text !== '') text += gap > COLUMN_GAP * size ? '\t' : gap > WORD_GAP * size ? ' ' : '';
      text += cell.text;
      end = Math.max(end, cell.x + cell.width);
    }
    return { text: text.trim(), x: cells[0]!.x, right: end, y: cells[0]!.y, size: Math.max(...cells.map(({ size }) => size)) };
  });
}

/** Joins a page's lines into paragraphs; returns one paragraph per line. */
export function pageParagraphs(lines: readonly VisualLine[]): string[] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map(({ x }) => x));
  const right = Math.max(...lines.map(({ right }) => right));
  const paragraphs: string[] = [];
  let previous: VisualLine | undefined;
  for (const line of lines) {
    const continues =
      previous !== undefined &&
      right - previous.right < RIGHT_EDGE_SLACK * previous.size &&
      line.x - left < LEFT_EDGE_SLACK * line.size &&
      Math.abs(line.size - previous.size) < 0.5 &&
      !previous.text.includes('\t') &&
      !line.text.includes('\t');
    if (continues) paragraphs[paragraphs.length - 1] = joinPageBrokenLines(paragraphs.at(-1)!, line.text);
    else paragraphs.push(line.text);
    previous = line;
  }
  return paragraphs;
}

/** Pages of text items as the importer's text: a paragraph per line, pages separated by form feeds. */
function pagesToText(pages: readonly (readonly PdfTextItem[])[]): string {
  return pages.map((items) => pageParagraphs(visualLines(items)).map((paragraph) => `${paragraph}\n`).join('')).join('\f');
}

/** Where pdfjs-dist keeps the CMaps that CJK fonts with predefined encodings need. */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

/** Reads every page's text items. Throws when the data is not a readable PDF. */
export async function readPdfItems(data: Uint8Array): Promise<PdfTextItem[][]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // PDF.js takes ownership of (and detaches) the buffer it is given, and refuses Node Buffers: copy.
  const task = getDocument({ data: new Uint8Array(data), ...pdfjsAssets(), cMapPacked: true, verbosity: 0 });
  try {
    const pdf = await task.promise;
    const pages: PdfTextItem[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items.flatMap((item) => {
          if (!('str' in item)) return [];
          const [a, b, , , x, y] = item.transform as number[];
          return [{ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || item.height }];
        }),
      );
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The text of a PDF, ready for the importer. */
export async function extractPdfText(data: Uint8Array): Promise<string> {
  return pagesToText(await readPdfItems(data));
}
