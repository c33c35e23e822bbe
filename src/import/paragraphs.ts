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
import { joinPageBrokenLines, normalizeCjkSpacing, normalizeParagraph } from '../domain/cjk-text';
import {
  dateLine,
  endsParagraph,
  FIRST_LEVEL_ITEM,
  isOrganName,
  organNames,
  SECOND_LEVEL_ITEM,
  SENTENCE_PUNCTUATION,
} from './line-kinds';
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
const CONTACT_LINE =
  /^(?:联系人|联系电话|电话|传真|手机|邮箱|电子邮箱|电子信箱|地址|通讯地址|邮编|邮政编码|网址)\s*[:：]/u;
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

/** 第一章 总则, 第二节 …: chapter and section heads of regulations and plans. */
const CHAPTER = /^第[一二三四五六七八九十百零〇]+([编章节])(?:[\s\u3000]*(\S.*))?$/u;
/** 第一条: an article starts a paragraph, its number first (a later change may anchor it). */
const ARTICLE = /^第[一二三四五六七八九十百零〇]+条(?:[\s\u3000]|$)/u;
/** Numbered heads: 1. / 1.1 / 1.1.1 followed by a short text without sentence punctuation. */
const NUMBERED_HEAD = /^\d{1,2}(?:[.．]\d{1,2}){0,3}(?:[.．、]|[\s\u3000])\s*\S/u;
/** The start of a list of names: 召集人：…, 副主任：…, 成员：… (labels may be spaced out: 成    员：). */
const NAME_LIST_LABEL = /^(?:副?召集人|副?组长|副?主任|副?主席|秘书长|副秘书长|成员|委员|联络员|办公室主任)[:：]/u;
/** A line of a names list: a name, a wide gap, a position ("丁向阳　　国务院副秘书长"). */
const NAME_AND_POSITION = /^\S{1,6}[\u3000]{2,}\S|^\S{1,6} {2,}\S/u;
/** A person's name, a space, an organ: "李育洪　耒阳市林业局". */
const NAME_AND_ORGAN = /^[\u3400-\u9fff·]{2,4}[\s\u3000]+(\S+)$/u;

function isNameLine(text: string): boolean {
  const organ = NAME_AND_ORGAN.exec(text);
  return (NAME_AND_POSITION.test(text) && isShortUnpunctuated(text)) || (organ !== null && isOrganName(organ[1]!));
}
/** A figure's or table's caption: 图5　汽车前号牌, 表1. */
const CAPTION = /^[图表]\s*\d{1,3}(?:[.．-]\d{1,3})?(?:[\s\u3000]|$)/u;
/** A 目录 heading inside a document: the lines after it, up to the first line printed again, are its entries. */
const CONTENTS = /^目\s*录$/u;

/** A paragraph's first line is indented (two full-width spaces, or spaces in pdftotext's layout). */
const INDENTED = /^(?:\u3000{2,3}| {2,7})(?=[^\s\u3000])/u;
/** Centred or right-aligned lines: titles, heads, signatures. */
const CENTRED = /^(?:\u3000{4,}| {8,})/u;
/** Text that indents its paragraphs has at least this share of indented lines (long paragraphs make it low). */
const MIN_INDENTED_SHARE = 0.05;

/**
 * Whether the lines indent each paragraph's first line, as printed issues do: then an indented
 * line starts a paragraph and any other line continues it, whatever it ends with.
 */
function indentsParagraphs(lines: readonly SourceLine[]): boolean {
  const indented = lines.filter(({ text }) => INDENTED.test(text)).length;
  return indented >= 2 && indented >= MIN_INDENTED_SHARE * lines.length;
}

/**
 * No paragraph starts with a comma or a closing mark: a line starting so continues the one
 * before, even after a closing bracket or quote ("…《条例》" + "，制定本办法。").
 */
const CONTINUATION_START = /^[，。、；：？！）》」』”’】〕]/u;
/**
 * The organs an item of a plan assigns, in brackets after its last sentence: "（市商务局主办，
 * 市税务局协办）", "（省发展改革委牵头负责）". The note belongs to its item, whatever the line before ends with.
 */
const RESPONSIBILITY_NOTE = /^[（(][^（()）]*(?:负责|主办|协办|牵头|配合)[)）]$/u;
/** Lines that start an item: 一、, （一）, 1., 第一条. */
const ITEM = new RegExp(
  `${FIRST_LEVEL_ITEM.source}|${SECOND_LEVEL_ITEM.source}|^\\d{1,2}(?:[.．]\\d{1,2}){0,3}[.．、]|${ARTICLE.source}`,
  'u',
);
/** In text wrapped at a fixed width, at least this share of the lines run to the margin. */
const MIN_MARGIN_SHARE = 0.3;
const MIN_MARGIN_LINES = 4;

/** Width as printed: a CJK character takes two columns. */
function printedWidth(text: string): number {
  let width = 0;
  for (const char of text.trim()) width += /[\u1100-\uffff]/u.test(char) ? 2 : 1;
  return width;
}

/**
 * In text wrapped at a fixed width (pdftotext without layout), the lines that run to the right
 * margin: a sentence ending there may go on in the next line ("…加工。" + "（海关总署负责）").
 * Text whose lines are whole paragraphs has no margin, and gives none.
 */
function marginLines(lines: readonly SourceLine[]): Set<number> {
  const widths = lines.map(({ text }) => printedWidth(text));
  const margin = Math.max(0, ...widths);
  const atMargin = widths.flatMap((width, index) => (width >= margin - 2 ? [index] : []));
  const wrapped = atMargin.length >= MIN_MARGIN_LINES && atMargin.length >= MIN_MARGIN_SHARE * lines.length;
  return new Set(wrapped ? atMargin : []);
}

/** The names of a row typed apart with full-width spaces ("市财政局　市水务局"), else null. */
function rowNames(text: string | undefined): string[] | null {
  const cells = text?.split(/\u3000+/u).filter(Boolean) ?? [];
  return cells.length >= 2 ? cells : null;
}

/**
 * A row of organs' names typed apart ("市财政局　市水务局　市交通运输局") ends where it ends: the next
 * row is not its continuation, unless the row before breaks inside a name ("…桂阳县林业局　保靖" /
 * "县林业局　花垣县林业局"), which makes the names one run wrapped at the page width.
 */
function isNameRow(text: string, previous: string | undefined): boolean {
  const cells = rowNames(text);
  if (!cells || !cells.every(isOrganName)) return false;
  const before = rowNames(previous);
  return !before || isOrganName(before.at(-1)!);
}

/** Names of a list of names, spaces between characters of a label removed (召 集 人 → 召集人). */
function compactLabel(text: string): string {
  const colon = text.search(/[:：]/u);
  return colon === -1 ? text : text.slice(0, colon).replace(/[\s\u3000]+/gu, '') + text.slice(colon);
}

/** A short line without sentence punctuation: what heads and names look like. */
function isShortUnpunctuated(text: string): boolean {
  return (
    !SENTENCE_PUNCTUATION.test(text.replace(/^[^:：]{1,8}[:：]/u, '')) && Array.from(text).length <= MAX_HEAD_LENGTH
  );
}

/**
 * Lines that stand alone whatever the page-break rule says: chapter heads, numbered heads,
 * lists of names (label, then one name per line), the entries of a 目录, signatures of a
 * forwarded report (organ's name above a date), centred lines in printed layout.
 */
function structuralLines(lines: readonly SourceLine[], texts: readonly string[]): Set<number> {
  const alone = new Set<number>();
  let inNames = false;
  let contents: { first: string } | null | 'open' = null;
  texts.forEach((text, index) => {
    const trimmed = text.trim();
    // The 目录's entries run to the first one printed again as a head (spacing aside), or to
    // the first line that is not a short entry.
    const key = trimmed.replace(/[\s\u3000]+/gu, '');
    if (contents === 'open' && isShortUnpunctuated(trimmed)) {
      contents = { first: key };
      alone.add(index);
      return;
    }
    if (contents !== null && contents !== 'open' && key !== contents.first && isShortUnpunctuated(trimmed)) {
      alone.add(index);
      return;
    }
    contents = null;
    if (CONTENTS.test(trimmed)) {
      contents = 'open';
      alone.add(index);
      return;
    }
    const label = NAME_LIST_LABEL.test(compactLabel(trimmed));
    if (label) inNames = true;
    else if (inNames && !(isShortUnpunctuated(trimmed) || NAME_AND_POSITION.test(trimmed))) inNames = false;
    if (inNames || isNameLine(trimmed) || isNameRow(trimmed, texts[index - 1]?.trim())) alone.add(index);
    if (CHAPTER.test(trimmed) && isShortUnpunctuated(trimmed)) alone.add(index);
    if (NUMBERED_HEAD.test(trimmed) && isShortUnpunctuated(trimmed) && !endsParagraph(trimmed)) alone.add(index);
    if (
      dateLine(trimmed) ||
      (organNames(trimmed) && texts[index + 1] !== undefined && dateLine(texts[index + 1]!.trim()))
    )
      alone.add(index);
    if (CENTRED.test(lines[index]!.text) || CAPTION.test(trimmed)) alone.add(index);
  });
  return alone;
}

/** Chapter heads become headings (### 第一章, #### 第一节), printed justification spaces removed. */
function chapterHeading(text: string): Block | null {
  const chapter = CHAPTER.exec(text);
  if (!chapter || !isShortUnpunctuated(text)) return null;
  const name = chapter[2] === undefined ? '' : `\u3000${chapter[2].replace(/[\s\u3000]+/gu, '')}`;
  const number = text.slice(0, text.indexOf(chapter[1]!) + 1);
  return { kind: 'heading', depth: chapter[1] === '节' ? 4 : 3, text: `${number}${name}` };
}

/** Indexes of lines that stand alone: contact details and 附件说明 with its numbered lines. */
function standaloneLines(texts: readonly string[]): Set<number> {
  const standalone = new Set<number>();
  texts.forEach((text, index) => {
    if (CONTACT_LINE.test(text) || ATTACHMENT_NOTE.test(text)) standalone.add(index);
    else if (standalone.has(index - 1) && ATTACHMENT_NOTE.test(texts[index - 1]!) && NUMBERED_LINE.test(text))
      standalone.add(index);
    else if (standalone.has(index - 1) && NUMBERED_LINE.test(texts[index - 1]!) && NUMBERED_LINE.test(text))
      standalone.add(index);
  });
  return standalone;
}

/** A wide gap inside a line: layout extraction's column gap (a name, then a post). */
const COLUMN_GAP = /(?<=\S) {4,}(?=\S)/gu;

/**
 * The text of lines that form one paragraph, rejoined and normalised. A line standing alone
 * keeps its columns apart with an ideographic space, as the printed list shows them; within a
 * paragraph of several lines wide gaps are justification.
 */
function paragraphText(lines: readonly SourceLine[]): string {
  // Letter-spacing (成    员, 总    则) leaves a single character beside a gap: no columns.
  const columns = lines.length === 1 ? lines[0]!.text.trim().split(COLUMN_GAP).map(normalizeParagraph) : [];
  if (columns.length > 1 && columns.every((column) => Array.from(column).length >= 2)) return columns.join('\u3000');
  return normalizeParagraph(lines.map(({ text }) => text).reduce(joinPageBrokenLines));
}

/** Turns a run of body lines into blocks. */
export function buildBlocks(lines: readonly SourceLine[], findings: Findings): Block[] {
  const texts = lines.map(({ text }) => normalizeCjkSpacing(text));
  const depths = headDepths(texts);
  const standalone = standaloneLines(texts);
  const structural = structuralLines(lines, texts);
  for (const index of structural) standalone.add(index);
  const indents = indentsParagraphs(lines);
  const full = marginLines(lines);
  const alone = (index: number) =>
    depths.has(index) ||
    standalone.has(index) ||
    isTableLine(lines[index]!.text) ||
    ARTICLE.test(texts[index]!) ||
    (indents && INDENTED.test(lines[index]!.text));
  // In printed layout an unindented line continues the paragraph; in plain text a line does
  // unless the one before ends a sentence.
  // A short item line without punctuation before another item is a head, whatever its siblings.
  // Its commas aside ("一、聚力挖掘内需潜力，不断巩固拓展经济稳中向好势头" + "1.…").
  const headBeforeItem = (index: number) =>
    ITEM.test(texts[index]!) &&
    ITEM.test(texts[index - 1]!) &&
    isShortUnpunctuated(texts[index - 1]!.replace(/[，,、]/gu, ''));
  const continues = (index: number) =>
    !alone(index) &&
    !headBeforeItem(index) &&
    (indents ||
      !endsParagraph(lines[index - 1]!.text) ||
      (full.has(index - 1) && !ITEM.test(texts[index]!)) ||
      CONTINUATION_START.test(texts[index]!) ||
      RESPONSIBILITY_NOTE.test(texts[index]!.trim()));
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
    const chapter = chapterHeading(texts[index]!);
    if (chapter) {
      blocks.push(chapter);
      index++;
      continue;
    }
    let end = index + 1;
    if (!standalone.has(index)) {
      while (end < lines.length && continues(end)) end++;
    }
    blocks.push({ kind: 'paragraph', text: paragraphText(lines.slice(index, end)) });
    index = end;
  }
  return blocks;
}
