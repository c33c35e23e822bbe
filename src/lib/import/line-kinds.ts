/**
 * What a single extracted line can be told to be from its text alone: a document number, a
 * signature date, an organ's name, a numbered item, the end of a sentence. The structural
 * modules (TOC, heads, paragraphs, signatures) combine these.
 */
import { normalizeCjkSpacing, normalizeParagraph } from '../cjk-text';
import { parseChineseDate, toIsoDate } from '../dates';
import { parseDocNumber } from '../doc-number';

/**
 * A line ending in one of these ends its paragraph; any other line was cut by the page or
 * column width and continues on the next line.
 */
const TERMINAL = new Set(['。', '；', '：', '！', '？', '”', '）', '】', '〕', '》', '」', '』', ';', ':', '!', '?', ')']);

export function endsParagraph(text: string): boolean {
  return TERMINAL.has(Array.from(text.trimEnd()).at(-1) ?? '');
}

/** Commas, stops, colons and marks: a head or a name has none of them. */
export const SENTENCE_PUNCTUATION = /[，。；：！？,;:!?]/u;

/** The canonical number when the whole line is one 发文字号 (淄政办发〔2020〕5 号). */
export function docNumberLine(text: string): string | null {
  return parseDocNumber(normalizeCjkSpacing(text))?.canonical ?? null;
}

const WHOLE_DATE = /^(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零ＯO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$/u;

/** The ISO date when the whole line is a date (2020年5月24日, 二〇二〇年五月二十四日). */
export function dateLine(text: string): string | null {
  const compact = text.replace(/\s+/gu, '');
  if (!WHOLE_DATE.test(compact)) return null;
  const date = parseChineseDate(compact);
  return date ? toIsoDate(date) : null;
}

// Organs end in the word for what they are: 人民政府, 办公室, 局, 委员会, 中心支行, 分局 …
const ORGAN_NAME = /^[\u3400-\u9fff（）()]{2,40}(?:政府|办公室|办公厅|委员会|委|局|厅|部|院|署|行|中心|公司|会|办|处|室|所|组|站|社|团|馆|队)$/u;

export function isOrganName(name: string): boolean {
  return ORGAN_NAME.test(normalizeParagraph(name));
}

/** Names printed side by side, separated by spaces ("市大数据局 市商务局"), when all are organs. */
export function organNames(text: string): string[] | null {
  const names = text.trim().split(/[\s\u3000]+/u).filter(Boolean);
  return names.length > 0 && names.every(isOrganName) ? names.map(normalizeParagraph) : null;
}

/** 一、 items (heads of the first level) and （一） items (second level). */
export const FIRST_LEVEL_ITEM = /^[一二三四五六七八九十百]+、/u;
export const SECOND_LEVEL_ITEM = /^[（(][一二三四五六七八九十百]+[)）]/u;

/**
 * Splits a list at its top-level commas: "各区县人民政府，高新区、经济开发区管委会，市政府各部门"
 * gives three names; commas inside brackets or quotes do not split.
 */
export function splitTopLevel(text: string, separators = '，,'): string[] {
  const open = '（(《〔【“‘「『';
  const close = '）)》〕】”’」』';
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (open.includes(char)) depth++;
    else if (close.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(char)) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}
