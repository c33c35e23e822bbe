/**
 * Splits the issue's body into its documents, guided by the TOC: each entry's 发文字号 is
 * looked up as a line of its own (or, for an entry without number, its title), its head is
 * read back from there, and the document runs to the next one's head. The TOC and what is
 * found must agree: a missing document, a number line that no entry lists, documents out of
 * TOC order and (for paged input) a first page other than the TOC's are errors.
 */
import { joinPageBrokenLines, normalizeParagraph } from '../domain/cjk-text';
import { parseDocNumber } from '../domain/doc-number';
import type { TocEntry } from './cover-and-toc';
import { parseHead, type DocumentHead } from './document-head';
import { decreeHead, docNumberLine, titleKey, type DecreeHead } from './line-kinds';
import type { Findings } from './report';
import type { SourceLine } from './text-lines';

export interface DocumentSpan {
  entry: TocEntry;
  head: DocumentHead;
  /** Index after the document's last line. */
  end: number;
}

interface Anchor {
  entry: TocEntry;
  /** Index of the number line, or of the line after the title for documents without one. */
  titleEnd: number;
  /** Index of the first line after the number (or title). */
  afterNumber: number;
  /** For a decree (令), its head: the order's name and number, on one or two lines. */
  decree?: DecreeHead;
}

const MAX_TITLE_LINES = 3;

/**
 * The line after a title of one to three lines reading as `title`, with or without its issuers
 * in front, whichever form the TOC uses.
 */
function findTitle(lines: readonly SourceLine[], from: number, to: number, title: string): number | null {
  const key = titleKey(title);
  for (let index = from; index < to; index++) {
    let text = '';
    for (let end = index; end < Math.min(to, index + MAX_TITLE_LINES); end++) {
      text = end === index ? lines[end]!.text : joinPageBrokenLines(text, lines[end]!.text);
      if (normalizeParagraph(text).endsWith(key)) return end + 1;
    }
  }
  return null;
}

function findAnchors(
  lines: readonly SourceLine[],
  bodyStart: number,
  bodyEnd: number,
  entries: readonly TocEntry[],
  findings: Findings,
): Anchor[] {
  const numberLines = new Map<number, string>();
  const decrees = new Map<number, DecreeHead>();
  for (let index = bodyStart; index < bodyEnd; index++) {
    const decree = decreeHead(lines[index]!.text, lines[index + 1]?.text);
    if (decree) decrees.set(index, decree);
    // Compared canonically: the TOC's 河北省人民政府令〔2010〕第15号 is the head's 〔2010〕第15号.
    const number = decree
      ? (parseDocNumber(decree.number)?.canonical ?? decree.number)
      : docNumberLine(lines[index]!.text);
    if (number) numberLines.set(index, number);
    if (decree) index += decree.lines - 1;
  }
  const anchors: Anchor[] = [];
  const used = new Set<number>();
  let cursor = bodyStart;
  for (const entry of entries) {
    const where = `"${entry.title}"${entry.number ? ` (${entry.number})` : ''}, page ${entry.page} in the TOC`;
    if (entry.number) {
      // A TOC may cite a decree by a shorter order name: 市政府令第102号 for 淄博市人民政府令 第102号.
      const order = parseDocNumber(entry.number);
      const same = (index: number, number: string) =>
        number === entry.number ||
        (order?.kind === 'order' &&
          decrees.get(index)?.seq === order.seq &&
          (order.year === undefined || decrees.get(index)?.year === order.year));
      const matches = [...numberLines]
        .filter(([index, number]) => same(index, number) && !used.has(index))
        .map(([index]) => index);
      const index = matches.find((candidate) => candidate >= cursor);
      if (index === undefined) {
        if (matches.length > 0) {
          findings.error(`${where} is printed out of the TOC's order`, lines[matches[0]!]!.line);
        } else {
          findings.error(
            `missing document: ${where}: no line holds its number ${entry.number}`,
            entry.line,
            entry.endLine,
          );
        }
        continue;
      }
      used.add(index);
      const decree = decrees.get(index);
      anchors.push({
        entry,
        titleEnd: index,
        afterNumber: index + (decree?.lines ?? 1),
        ...(decree ? { decree } : {}),
      });
      cursor = index + 1;
      continue;
    }
    const titleEnd = findTitle(lines, cursor, bodyEnd, entry.title);
    if (titleEnd === null) {
      findings.error(
        `missing document: ${where}: its title is not printed after the previous document`,
        entry.line,
        entry.endLine,
      );
      continue;
    }
    // A TOC may list a document by its title alone while its head prints the number under it.
    const printed = numberLines.get(titleEnd);
    if (printed !== undefined && !used.has(titleEnd) && !decrees.has(titleEnd)) {
      used.add(titleEnd);
      anchors.push({ entry: { ...entry, number: printed }, titleEnd, afterNumber: titleEnd + 1 });
      cursor = titleEnd + 1;
      continue;
    }
    anchors.push({ entry, titleEnd, afterNumber: titleEnd });
    cursor = titleEnd;
  }
  for (const [index, number] of numberLines) {
    if (!used.has(index)) {
      findings.error(
        `extra document: the number ${number} heads a document that the TOC does not list`,
        lines[index]!.line,
      );
    }
  }
  return anchors;
}

/**
 * Finds the documents of `lines[bodyStart..bodyEnd)`. With `paged` input each document's
 * first page is checked against its TOC entry.
 */
export function splitDocuments(
  lines: readonly SourceLine[],
  {
    bodyStart,
    bodyEnd,
    entries,
    paged,
  }: { bodyStart: number; bodyEnd: number; entries: readonly TocEntry[]; paged: boolean },
  findings: Findings,
): DocumentSpan[] {
  const anchors = findAnchors(lines, bodyStart, bodyEnd, entries, findings);
  const spans: DocumentSpan[] = [];
  anchors.forEach((anchor, position) => {
    const previous = anchors[position - 1];
    const next = anchors[position + 1];
    const head = parseHead(
      lines,
      {
        regionStart: previous ? previous.afterNumber : bodyStart,
        titleEnd: anchor.titleEnd,
        afterNumber: anchor.afterNumber,
        documentEnd: next ? next.titleEnd : bodyEnd,
        tocTitle: anchor.entry.title,
        ...(anchor.decree ? { decree: anchor.decree } : {}),
      },
      findings,
    );
    if (head) spans.push({ entry: anchor.entry, head, end: bodyEnd });
  });
  spans.forEach((span, index) => {
    if (index > 0) spans[index - 1]!.end = span.head.start;
  });
  const first = spans[0]?.head.start ?? bodyEnd;
  if (first > bodyStart) {
    findings.error(
      'lines between the TOC and the first document belong to no document',
      lines[bodyStart]!.line,
      lines[first - 1]!.line,
    );
  }
  if (paged) {
    for (const { entry, head } of spans) {
      const { page, line } = lines[head.start]!;
      if (page === undefined) {
        findings.warn(`cannot check the page of "${entry.title}": its page shows no page number`, line);
      } else if (page !== entry.page) {
        findings.error(`"${entry.title}" starts on page ${page}, but the TOC says page ${entry.page}`, line);
      }
    }
  }
  return spans;
}
