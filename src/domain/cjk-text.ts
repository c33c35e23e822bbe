/**
 * Rule-based normalisation of Chinese text extracted from gazette PDFs.
 *
 * Every function here is pure and deterministic: the importer runs the same rules over the same
 * extracted text and must reproduce the committed content files byte for byte. Nothing here
 * guesses at wording; only layout artefacts (spacing, ASCII punctuation typed in CJK context,
 * lines broken at a page break) change.
 *
 * Character classes used throughout:
 * - CJK ideographs: CJK Unified Ideographs and Extension A, the supplementary ideographic
 *   planes, Compatibility Ideographs, Kangxi and supplementary radicals.
 * - CJK punctuation: the CJK Symbols and Punctuation block (、。〈〉《》「」『』【】〔〕〖〗 and the
 *   ideographic space U+3000), the Halfwidth and Fullwidth Forms block (，：；（）！？．％ …),
 *   CJK Compatibility Forms, and the punctuation Chinese text borrows from General Punctuation:
 *   “ ” ‘ ’ — … and the middle dot ·.
 * - "CJK" means either of the two.
 * - Digit-like: ASCII digits, % and the Roman numerals of the Number Forms block (Ⅱ, Ⅲ).
 * - Whitespace: ASCII whitespace, no-break and other Unicode spaces, zero-width space, BOM.
 *   The ideographic space U+3000 is NOT whitespace for these rules: it is a deliberate
 *   full-width character (e.g. between the names of joint issuers), except at the very start or
 *   end of a string, where trimming removes it like any other indentation.
 */

const IDEOGRAPH = /[\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef\ufe30-\ufe4f\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;
const DIGIT_LIKE = /[0-9%\u2160-\u217f]/u;
const WHITESPACE = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\ufeff]/u;

/** True for a CJK ideograph. */
export function isCjkIdeograph(char: string | undefined): boolean {
  return char !== undefined && IDEOGRAPH.test(char);
}

/** True for CJK or full-width punctuation (see the module comment for the exact set). */
export function isCjkPunctuation(char: string | undefined): boolean {
  return char !== undefined && CJK_PUNCTUATION.test(char);
}

/** True for a CJK ideograph or CJK punctuation. */
export function isCjk(char: string | undefined): boolean {
  return isCjkIdeograph(char) || isCjkPunctuation(char);
}

function isDigitLike(char: string | undefined): boolean {
  return char !== undefined && DIGIT_LIKE.test(char);
}

function isWhitespace(char: string | undefined): boolean {
  return char !== undefined && WHITESPACE.test(char);
}

/** The characters of `s` without leading or trailing whitespace or ideographic spaces. */
function trimmedChars(s: string): string[] {
  const chars = Array.from(s);
  const blank = (char: string | undefined) => isWhitespace(char) || char === '\u3000';
  let start = 0;
  let end = chars.length;
  while (start < end && blank(chars[start])) start++;
  while (end > start && blank(chars[end - 1])) end--;
  return chars.slice(start, end);
}

/** Whether a run of whitespace between `before` and `after` is a layout artefact to delete. */
function dropsSpaceBetween(before: string, after: string): boolean {
  // Full-width punctuation carries its own spacing: no space on either side of it.
  if (isCjkPunctuation(before) || isCjkPunctuation(after)) return true;
  // 中 文, 2020 年, 第 67 次, 增长 30% 以上
  if (isCjkIdeograph(before) && (isCjkIdeograph(after) || isDigitLike(after))) return true;
  if (isDigitLike(before) && isCjkIdeograph(after)) return true;
  return false;
}

/**
 * Removes the spaces a PDF extraction leaves in Chinese text.
 *
 * - A whitespace run between two CJK characters is deleted ("田间 互联网" → "田间互联网"), and
 *   so is one between a CJK character and a digit-like character, in either order
 *   ("政府 2020 年度" → "政府2020年度", "增长 30% 以上" → "增长30%以上").
 * - A whitespace run next to CJK punctuation is deleted, whatever is on the other side
 *   ("“云闪付” APP" → "“云闪付”APP").
 * - Any other run (between an ideograph and a Latin letter, between Latin words, between two
 *   numbers) becomes one ASCII space: "手机 PAY", "疫情防控 and 宏观", "0533-3183683 3182579".
 * - The result is trimmed.
 */
export function normalizeCjkSpacing(s: string): string {
  const chars = trimmedChars(s);
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const char = chars[i]!;
    if (!isWhitespace(char)) {
      out += char;
      i++;
      continue;
    }
    let end = i;
    while (end < chars.length && isWhitespace(chars[end])) end++;
    // After trimming, a run always has a non-whitespace character on both sides.
    const before = chars[i - 1]!;
    const after = chars[end]!;
    if (!dropsSpaceBetween(before, after)) out += ' ';
    i = end;
  }
  return out;
}

const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/** The nearest character before index `i` that is not whitespace. */
function previousVisible(chars: readonly string[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (!isWhitespace(chars[j])) return chars[j];
  return undefined;
}

/** The nearest character after index `i` that is not whitespace. */
function nextVisible(chars: readonly string[], i: number): string | undefined {
  for (let j = i + 1; j < chars.length; j++) if (!isWhitespace(chars[j])) return chars[j];
  return undefined;
}

const OPENING_CJK_PUNCTUATION = new Set(['“', '‘', '《', '〈', '（', '【', '〔', '「', '『', '〖']);

/**
 * Turns ASCII punctuation typed (or extracted) in Chinese text into its full-width form.
 *
 * Rules, applied in this order; "neighbour" means the nearest non-whitespace character:
 * 1. Parentheses. Matching pairs are found with a stack. A pair becomes （ ） when its content
 *    contains a CJK character or the neighbour before "(" or after ")" is CJK:
 *    "(第一批)" → "（第一批）", "(一)统一流程标准" → "（一）统一流程标准". An unmatched "(" or ")"
 *    becomes full-width when a neighbour is CJK ("…分公司)" closing a "（").
 * 2. , ; : ? ! become ， ； ： ？ ！ when a neighbour is CJK: "电话:3183683" → "电话：3183683";
 *    "12:30" is left alone.
 * 3. An item marker, 1 to 3 ASCII digits and "." at the start of the string or after a character
 *    that is neither a letter, a digit nor ".", followed by a CJK ideograph or opening CJK
 *    punctuation, takes the full-width stop U+FF0E (GB/T 9704): "1. 现场检查" → "1．现场检查".
 *    Decimals ("0.5%") never match: a digit follows their ".".
 * Whitespace on either side of a character converted by these rules is deleted, as full-width
 * punctuation carries its own spacing. Square brackets and 〔〕 (document numbers) are never
 * touched: "[2015]" stays as printed.
 */
export function toFullWidthPunctuation(s: string): string {
  const chars = Array.from(s);
  const converted = new Set<number>();
  const convert = (i: number, to: string) => {
    chars[i] = to;
    converted.add(i);
  };

  // 1. Parentheses, innermost pairs first (in order of their closing parenthesis).
  const open: number[] = [];
  const unmatched: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '(') open.push(i);
    else if (chars[i] === ')') {
      const start = open.pop();
      if (start === undefined) {
        unmatched.push(i);
        continue;
      }
      const content = chars.slice(start + 1, i);
      if (content.some(isCjk) || isCjk(previousVisible(chars, start)) || isCjk(nextVisible(chars, i))) {
        convert(start, '（');
        convert(i, '）');
      }
    }
  }
  unmatched.push(...open);
  unmatched.sort((a, b) => a - b);
  for (const i of unmatched) {
    if (isCjk(previousVisible(chars, i)) || isCjk(nextVisible(chars, i))) convert(i, FULL_WIDTH[chars[i]!]!);
  }

  // 2. Stops and marks.
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (!',;:?!'.includes(char)) continue;
    if (isCjk(previousVisible(chars, i)) || isCjk(nextVisible(chars, i))) convert(i, FULL_WIDTH[char]!);
  }

  // 3. Numeric item markers.
  for (let i = 0; i < chars.length; i++) {
    if (!/[0-9]/.test(chars[i]!)) continue;
    const before = chars[i - 1];
    if (before !== undefined && /[\p{L}\p{N}.]/u.test(before)) continue;
    let end = i;
    while (end < chars.length && /[0-9]/.test(chars[end]!)) end++;
    const digits = end - i;
    if (digits <= 3 && chars[end] === '.') {
      const next = nextVisible(chars, end);
      if (isCjkIdeograph(next) || OPENING_CJK_PUNCTUATION.has(next ?? '')) convert(end, '．');
    }
    i = end - 1;
  }

  // Full-width punctuation carries its own spacing.
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    if (isWhitespace(chars[i])) {
      let end = i;
      while (end < chars.length && isWhitespace(chars[end])) end++;
      if (!converted.has(i - 1) && !converted.has(end)) out += chars.slice(i, end).join('');
      i = end - 1;
      continue;
    }
    out += chars[i];
  }
  return out;
}

/** The one normalisation content paragraphs (and table cells, titles, names) go through. */
export function normalizeParagraph(s: string): string {
  return toFullWidthPunctuation(normalizeCjkSpacing(s));
}

const LATIN_LETTER = /[A-Za-z]/;

/**
 * Joins two fragments of one paragraph that a page break split ("…听证" + "会，委托…").
 * Trailing and leading whitespace at the break is dropped. The fragments are joined with no
 * space, as Chinese text has none between words; only two Latin letters meeting at the break
 * (a word boundary in Latin text, "and" + "the") are joined with one space.
 */
export function joinPageBrokenLines(a: string, b: string): string {
  const head = a.trimEnd();
  const tail = b.trimStart();
  if (head === '' || tail === '') return head + tail;
  const last = Array.from(head).at(-1);
  const first = Array.from(tail)[0];
  const space = LATIN_LETTER.test(last ?? '') && LATIN_LETTER.test(first ?? '') ? ' ' : '';
  return head + space + tail;
}
