/**
 * Body text to blocks: paragraphs rejoined across page breaks, 一、/（一） heads, tables, and
 * the lines that always stand alone (contact details, 附件说明).
 *
 * Page-break rule: a line continues onto the next line unless it ends a sentence (。；：！？
 * ”）】〕》」』 or ASCII ;:!?)), or either line stands alone. A 一、 or （一） line is a head
 * when it is short and has no sentence punctuation, but only when all its siblings (items of
 * the same level under the same 一、) are short too: "六、市政府重大行政决策草案应当" among long
 * 一、 paragraphs is the start of a paragraph cut by a page break, not a head.
 */
import { joinPageBrokenLines, normalizeCjkSpacing, normalizeParagraph } from '../cjk-text';
import { endsParagraph, FIRST_LEVEL_ITEM, SECOND_LEVEL_ITEM, SENTENCE_PUNCTUATION } from './line-kinds';
import type { Findings } from './report';
import { isTableLine, parseTable } from './table';
import type { SourceLine } from './text-lines';

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; depth: 2 | 3 | 4; text: string }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'signature'; lines: string[] }
  | { kind: 'issuers'; names: string[] };

/** Heads are short: longer 一、 lines are paragraphs that start with a number. */
const MAX_HEAD_LENGTH = 30;
/** Contact details stay one per line: 电话：3183683. */
const CONTACT_LINE = /^(?:联系人|联系电话|电话|传真|手机|邮箱|电子邮箱|电子信箱|地址|通讯地址|邮编|邮政编码|网址)\s*[:：]/u;
/** 附件说明: "附件：…", "附件1：…", "附件1.…"; further attachments follow as numbered lines. */
export const ATTACHMENT_NOTE = /^附\s*件\s*(?:\d+(?!\d)\s*[:：.．、]?|[:：])\s*(.+)$/u;
const NUMBERED_LINE = /^\d{1,2}\s*[.．、]\s*(\S.*)$/u;

function isShortHead(text: string, marker: RegExp): boolean {
  const rest = text.replace(marker, '');
  return !SENTENCE_PUNCTUATION.test(rest) && Array.from(normalizeParagraph(text)).length <= MAX_HEAD_LENGTH;
}

/** Head depth (3 for 一、, 4 for （一）) by line index. */
function headDepths(texts: readonly string[]): Map<number, 3 | 4> {
  const depths = new Map<number, 3 | 4>();
  const first = texts.flatMap((text, index) => (FIRST_LEVEL_ITEM.test(text) && !isTableLine(text) ? [index] : []));
  if (first.length > 0 && first.every((index) => isShortHead(texts[index]!, FIRST_LEVEL_ITEM))) {
    for (const index of first) depths.set(index, 3);
  }
  const siblings = new Map<number, number[]>();
  texts.forEach((text, index) => {
    if (!SECOND_LEVEL_ITEM.test(text) || isTableLine(text)) return;
    const parent = first.filter((candidate) => candidate < index).at(-1) ?? -1;
    siblings.set(parent, [...(siblings.get(parent) ?? []), index]);
  });
  for (const group of siblings.values()) {
    if (group.every((index) => isShortHead(texts[index]!, SECOND_LEVEL_ITEM))) {
      for (const index of group) depths.set(index, 4);
    }
  }
  return depths;
}

/** Indexes of lines that stand alone: contact details and 附件说明 with its numbered lines. */
function standaloneLines(texts: readonly string[]): Set<number> {
  const standalone = new Set<number>();
  texts.forEach((text, index) => {
    if (CONTACT_LINE.test(text) || ATTACHMENT_NOTE.test(text)) standalone.add(index);
    else if (standalone.has(index - 1) && ATTACHMENT_NOTE.test(texts[index - 1]!) && NUMBERED_LINE.test(text)) standalone.add(index);
    else if (standalone.has(index - 1) && NUMBERED_LINE.test(texts[index - 1]!) && NUMBERED_LINE.test(text)) standalone.add(index);
  });
  return standalone;
}

/** The text of lines that form one paragraph, rejoined and normalised. */
function paragraphText(lines: readonly SourceLine[]): string {
  return normalizeParagraph(lines.map(({ text }) => text).reduce(joinPageBrokenLines));
}

/** Turns a run of body lines into blocks. */
export function buildBlocks(lines: readonly SourceLine[], findings: Findings): Block[] {
  const texts = lines.map(({ text }) => normalizeCjkSpacing(text));
  const depths = headDepths(texts);
  const standalone = standaloneLines(texts);
  const alone = (index: number) => depths.has(index) || standalone.has(index) || isTableLine(lines[index]!.text);
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    if (isTableLine(lines[index]!.text)) {
      const table = parseTable([...lines], index, findings);
      blocks.push({ kind: 'table', rows: table.rows });
      index = table.end;
      continue;
    }
    const depth = depths.get(index);
    if (depth) {
      blocks.push({ kind: 'heading', depth, text: normalizeParagraph(texts[index]!) });
      index++;
      continue;
    }
    let end = index + 1;
    if (!standalone.has(index)) {
      while (end < lines.length && !alone(end) && !endsParagraph(lines[end - 1]!.text)) end++;
    }
    blocks.push({ kind: 'paragraph', text: paragraphText(lines.slice(index, end)) });
    index = end;
  }
  return blocks;
}
