/**
 * Document numbers (发文字号) and order numbers (令号).
 *
 * GB/T 9704-2012 §7.2.4 writes a document number as 机关代字 + 〔年份〕 + 发文顺序号 + 号,
 * e.g. 淄政办字〔2020〕54号. Text extracted from PDFs, typed by readers or cited in other
 * documents uses many look-alike brackets and stray spaces; this module is the one place
 * that understands all of them and produces the canonical 〔〕 form.
 */

export type DocNumberKind = 'document' | 'order';

export interface DocNumber {
  kind: DocNumberKind;
  /** 机关代字 (淄政办字) or, for order numbers, the issuing organ's order name (市政府令). */
  prefix: string;
  /** Year in the brackets; order numbers have none. */
  year?: number;
  /** 发文顺序号 or order number. */
  seq: number;
  /** Canonical spelling: 淄政办字〔2020〕54号, 市政府令第102号. */
  canonical: string;
}

export interface FoundDocNumber extends DocNumber {
  /** Offset of the match in the searched text. */
  start: number;
  end: number;
  /** The text as written. */
  raw: string;
}

/**
 * Pieces of the number patterns, as RegExp source, for modules that look for near misses
 * (src/lib/content/citations.ts): character classes of brackets and CJK, and optional spaces.
 */
export const OPEN = '〔［\\[（(【';
export const CLOSE = '〕］\\]）)】';
export const CJK = '\\u3400-\\u9fff';
export const SPACE = '[ \\t\\u00a0\\u3000]*';

// 机关代字: two to eight CJK characters (国办发, 鲁政办字, 淄政发, 淄政字 all occur). Running
// text may put other words right before it; see stripLeadingNoise.
const DOCUMENT_NUMBER = new RegExp(
  `([${CJK}]{2,8}?)${SPACE}[${OPEN}]${SPACE}((?:19|20)\\d{2})${SPACE}[${CLOSE}]${SPACE}第?${SPACE}(\\d{1,5})${SPACE}号`,
  'gu',
);
const ORDER_NUMBER = new RegExp(`([${CJK}]{1,12}?令)${SPACE}第${SPACE}(\\d{1,5})${SPACE}号`, 'gu');

/**
 * Words that can stand before a number in running text but are not part of its 代字, and the
 * 号 that ends a number cited just before (…51号和市政府令第102号).
 */
const LEADING_NOISE =
  /^(?:号|的|和|与|及|或|按照|根据|依据|依照|遵照|参照|对照|结合|执行|继续|贯彻|落实|关于|印发|转发|见|即|为|以|经)+/u;

function documentNumber(prefix: string, year: number, seq: number): DocNumber {
  return { kind: 'document', prefix, year, seq, canonical: `${prefix}〔${year}〕${seq}号` };
}

function orderNumber(prefix: string, seq: number): DocNumber {
  return { kind: 'order', prefix, seq, canonical: `${prefix}第${seq}号` };
}

/**
 * Parses a string that is exactly one document or order number (surrounding spaces allowed).
 * Returns null for anything else.
 */
export function parseDocNumber(text: string): DocNumber | null {
  const trimmed = text.trim();
  const found = findDocNumbers(trimmed, { keepLeadingWords: true });
  if (found.length !== 1) return null;
  const [only] = found;
  if (only.start !== 0 || only.end !== trimmed.length) return null;
  const { start: _start, end: _end, raw: _raw, ...number } = only;
  return number;
}

/** Canonical spelling of a number, or null when the text is not one. */
export function normalizeDocNumber(text: string): string | null {
  return parseDocNumber(text)?.canonical ?? null;
}

/**
 * Finds every document and order number cited in running text, in order of appearance.
 * Dates (2020年5月24日), phone numbers and bare years are not numbers: a document number
 * needs its bracketed year and 号, an order number its 令第…号.
 */
export function findDocNumbers(
  text: string,
  options: { keepLeadingWords?: boolean } = {},
): FoundDocNumber[] {
  const results: FoundDocNumber[] = [];
  for (const match of text.matchAll(DOCUMENT_NUMBER)) {
    const [raw, rawPrefix, year, seq] = match;
    const prefix = options.keepLeadingWords ? rawPrefix : stripLeadingNoise(rawPrefix);
    const start = match.index + (rawPrefix.length - prefix.length);
    results.push({
      ...documentNumber(prefix, Number(year), Number(seq)),
      start,
      end: match.index + raw.length,
      raw: raw.slice(rawPrefix.length - prefix.length),
    });
  }
  for (const match of text.matchAll(ORDER_NUMBER)) {
    const [raw, rawPrefix, seq] = match;
    const prefix = options.keepLeadingWords ? rawPrefix : stripLeadingNoise(rawPrefix);
    if (prefix.length < 2) continue;
    const start = match.index + (rawPrefix.length - prefix.length);
    results.push({
      ...orderNumber(prefix, Number(seq)),
      start,
      end: match.index + raw.length,
      raw: raw.slice(rawPrefix.length - prefix.length),
    });
  }
  return results.sort((a, b) => a.start - b.start);
}

function stripLeadingNoise(prefix: string): string {
  // In running text the lazy match can still swallow a preceding word such as 按照 or 的;
  // a 代字 never starts with these, so they are dropped (unless that would leave nothing).
  const stripped = prefix.replace(LEADING_NOISE, '');
  return stripped.length >= 2 ? stripped : prefix;
}

/**
 * A bracket-free key for short-link URLs: 淄政办字〔2020〕54号 → "淄政办字-2020-54",
 * 市政府令第102号 → "市政府令-102". Stable for a given canonical number.
 */
export function docNumberKey(number: DocNumber): string {
  return number.kind === 'document'
    ? `${number.prefix}-${number.year}-${number.seq}`
    : `${number.prefix}-${number.seq}`;
}

/** Sort order for lists of numbers: by prefix, then year, then sequence. */
export function compareDocNumbers(a: DocNumber, b: DocNumber): number {
  return (
    a.prefix.localeCompare(b.prefix, 'zh-Hans-CN') ||
    (a.year ?? 0) - (b.year ?? 0) ||
    a.seq - b.seq
  );
}
