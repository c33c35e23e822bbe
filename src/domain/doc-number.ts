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
  /** Year in the brackets; for order numbers, the year a ministry numbers its orders in (交通运输部令2019年第32号), if any. */
  year?: number;
  /** 发文顺序号 or order number. */
  seq: number;
  /** Canonical spelling: 淄政办字〔2020〕54号, 市政府令第102号, 交通运输部令2019年第32号. */
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
 * (src/content/citations.ts): character classes of brackets and CJK, and optional spaces.
 */
export const OPEN = '〔［\\[（(【';
export const CLOSE = '〕］\\]）)】';
export const CJK = '\\u3400-\\u9fff';
export const SPACE = '[ \\t\\u00a0\\u3000]*';

// The fixed part of a number, after its 代字: a bracketed year and a sequence number with 号,
// or an order's 令 and 第N号. The 代字 is read backwards from here (see organPrefix).
const DOCUMENT_TAIL = new RegExp(
  `${SPACE}[${OPEN}]${SPACE}((?:19|20)\\d{2})${SPACE}[${CLOSE}]${SPACE}第?${SPACE}(\\d{1,5})${SPACE}号`,
  'gu',
);
// Ministries number their orders per year: 交通运输部令2019年第32号.
const ORDER_TAIL = new RegExp(`令${SPACE}(?:((?:19|20)\\d{2})${SPACE}年${SPACE})?第${SPACE}(\\d{1,5})${SPACE}号`, 'gu');

/** 代字 are abbreviations: 国办发, 鲁政办字, 温国土资发, 国办发明电, and the court's 法 (以法〔1998〕86号). */
const DOCUMENT_PREFIX = { min: 1, max: 8, window: 12 };
/** An order names its organ in full (中华人民共和国国家工商行政管理局令, eighteen characters), 令 included. */
const ORDER_PREFIX = { min: 2, window: 24 };

const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');
const JOINER = /^[、 \t\u00a0\u3000]$/u;
/** The last character of an organ's name: 国务院, 中央军事委员会, 民政部, 海关总署, 人民政府… */
const ORGAN_END = /[院会部局署府委行办厅室]$/u;
const NUMERAL = /[\d０-９〇零一二三四五六七八九十]/u;

/**
 * Where a 代字 can start. Running text puts words right before a cited number (根据国务院令第N号,
 * （以下简称京政办字〔2017〕20号）, 局作出温国土资发〔2018〕366号, 1994年8月18日国务院令第164号),
 * and nothing but CJK separates them from it. A 代字 or an organ's name starts with a place or an
 * organ (京, 温, 国, 中华人民共和国, 原国家工商行政管理总局…), never with a verb, preposition or
 * particle, nor with the end of a date or of a previous number; so the 代字 starts right after the
 * last such word before the number.
 */
const BOUNDARY_WORDS = [
  // Verbs and phrases that introduce a citation.
  '以下简称',
  '以下称',
  '简称',
  '作出',
  '做出',
  '印发',
  '转发',
  '批转',
  '下发',
  '下达',
  '发出',
  '签发',
  '出台',
  '制定',
  '发布',
  '公布',
  '颁布',
  '根据',
  '按照',
  '依据',
  '依照',
  '遵照',
  '参照',
  '对照',
  '结合',
  '执行',
  '继续',
  '贯彻',
  '落实',
  '关于',
  '废止',
  '撤销',
  '修改',
  '修订',
  '施行',
  '实施',
  '适用',
  '明确',
  '要求',
  '通过',
  '审议',
  '同意',
  '批准',
  '批示',
  '提请',
  '报请',
  '报送',
  '参见',
  '详见',
  // Days named in words (同日原国家工商行政管理总局令).
  '同日',
  '当日',
  '次日',
  '本日',
  // Document types: a printed head puts the number right after the title (…的通知国办发〔1999〕79号).
  '通知',
  '意见',
  '决定',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '纪要',
  '公告',
  '通告',
  '决议',
  '公报',
  '命令',
  '办法',
  '规定',
  '条例',
  '细则',
  '方案',
  // Particles and prepositions that no organ name or 代字 contains.
  '的',
  '了',
  '是',
  '把',
  '被',
  '按',
  '据',
  '请',
  '并',
  '或',
  '均',
  '已',
  '该',
  '其',
  '与',
  '及',
  '等',
  '为',
  '由',
  '在',
  '向',
  '以',
  '之',
  '第',
  '见',
  '对',
  '经',
  // 我院, 你局, 本部: the organ a document speaks of or to, not a 代字 (我院法〔1998〕86号).
  ...['我', '你', '本'].flatMap((pronoun) => [...'院部局委厅办省市区县署行会司处'].map((organ) => pronoun + organ)),
  // The 号 of a number cited just before (…51号和市政府令第102号).
  '号',
];
/**
 * An organ's name before a 代字 (市人民政府京政发〔1985〕167号, 省政府鲁政发): 代字 abbreviate these words,
 * but an order names its organ in full (北京市人民政府令), so they end the text before document
 * numbers only.
 */
const DOCUMENT_BOUNDARY_WORDS = ['国务院', '政府', '办公厅', '办公室', '委员会'];
/**
 * Particles that also begin place names (即墨区 即政发, 和平区, 于都县, 从化区, 将乐县): a boundary
 * after other text (成果和国发…, 《方案》和测政发…), the place where a citation begins (（和政办发…）.
 */
const BOUNDARY_AFTER_TEXT = ['即', '和', '于', '从', '将'];
/** What ends a quoted title or a previous number just before a particle: 《方案》和测政发, 51号和. */
const CLOSING = /[）)》〕」』”’】\]号]/u;
/** Organ names that contain a boundary word; it is not a boundary there. */
const ORGAN_WORDS = [
  '共和国',
  '发展和改革',
  '和社会保障',
  '住房和城乡',
  '工业和信息化',
  '文化和旅游',
  '卫生和计划生育',
  '规划和自然资源',
  '规划和国土',
  '对外',
  '经济',
  '经贸',
  '经信',
  '经委',
  '经开',
];

/** Offset in `run` where the 代字 starts: after the last boundary word (0 when there is none). */
function organStart(run: string, before: string, kind: DocNumberKind): number {
  const afterNumeral = NUMERAL.test(before);
  const protectedAt = new Set<number>();
  for (const word of ORGAN_WORDS) {
    for (let at = run.indexOf(word); at !== -1; at = run.indexOf(word, at + 1)) {
      for (let k = at; k < at + word.length; k++) protectedAt.add(k);
    }
  }
  const free = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (protectedAt.has(k)) return false;
    return true;
  };
  let start = 0;
  for (let at = 0; at < run.length; at++) {
    for (const word of kind === 'document' ? [...BOUNDARY_WORDS, ...DOCUMENT_BOUNDARY_WORDS] : BOUNDARY_WORDS) {
      if (run.startsWith(word, at) && free(at, at + word.length)) start = Math.max(start, at + word.length);
    }
    // Right after a word that introduces a citation (根据和平区人民政府令) it begins the place; after
    // text, a closing bracket or a previous number (…51号和市政府令) it joins.
    const afterText = at > start || CLOSING.test(at === 0 ? before : run[at - 1]);
    if (afterText && BOUNDARY_AFTER_TEXT.includes(run[at]) && free(at, at + 1)) start = at + 1;
    // The end of a date: 年, 月 or 日 after a numeral (1994年8月18日国务院令, 二〇二〇年五月二十四日).
    const previousIsNumeral = at === 0 ? afterNumeral : NUMERAL.test(run[at - 1]);
    if ('年月日'.includes(run[at]) && previousIsNumeral) start = Math.max(start, at + 1);
  }
  return start;
}

/** A bracketed part inside a 代字: 法（研）发〔1987〕32号. */
const INNER_BRACKET = new RegExp(`[${CJK}][（(][${CJK}]{1,3}[）)]$`, 'u');

/**
 * The CJK run that ends at `end` in `text`, at most `window` characters long; its start offset.
 * A document's 代字 may hold a bracketed part (法（研）发), which is part of the run.
 */
function runBefore(text: string, end: number, window: number, kind: DocNumberKind): number {
  let start = end;
  for (;;) {
    while (start > 0 && end - start < window && CJK_CHAR.test(text[start - 1])) start--;
    const inner =
      kind === 'document' && start > 0 ? INNER_BRACKET.exec(text.slice(Math.max(0, start - 6), start)) : null;
    if (!inner) return start;
    start -= inner[0].length - 1;
  }
}

interface Prefix {
  start: number;
  /** As written, joiners included. */
  raw: string;
  /** Joint issuers joined by 、, spaces removed. */
  canonical: string;
}

/**
 * The 代字 or order organ that ends at `end` (the bracket, or the 令), or null when there is none.
 * Orders may be joint: organs joined by 、 or spaces (中华人民共和国国务院　中华人民共和国中央军事委员会令,
 * 民政部、总后勤部令); each joined part must end like an organ's name.
 */
function organPrefix(text: string, end: number, kind: DocNumberKind, keepLeadingWords: boolean): Prefix | null {
  const limits = kind === 'document' ? DOCUMENT_PREFIX : ORDER_PREFIX;
  const cut = (runStart: number, runEnd: number) => {
    if (keepLeadingWords) return runStart;
    return runStart + organStart(text.slice(runStart, runEnd), text[runStart - 1] ?? '', kind);
  };
  let runEnd = end;
  let runStart = runBefore(text, runEnd, limits.window, kind);
  let start = cut(runStart, runEnd);
  if (kind === 'document' && end - start > DOCUMENT_PREFIX.max) start = end - DOCUMENT_PREFIX.max;
  const parts = [text.slice(start, end)];
  // Earlier joint issuers, while the part read so far fills its run (no boundary word before it).
  while (kind === 'order' && start === runStart) {
    let joinerStart = start;
    while (joinerStart > 0 && JOINER.test(text[joinerStart - 1])) joinerStart--;
    if (joinerStart === start) break;
    runEnd = joinerStart;
    runStart = runBefore(text, runEnd, limits.window, kind);
    const partStart = cut(runStart, runEnd);
    const part = text.slice(partStart, runEnd);
    if (part.length < 2 || !ORGAN_END.test(part)) break;
    parts.unshift(part);
    start = partStart;
  }
  const canonical = parts.join('、').replace(/\(/gu, '（').replace(/\)/gu, '）');
  if (canonical.length < limits.min) return null;
  // A one-character 代字 (the court's 法) is read in running text only after a boundary word
  // (以法〔1998〕86号): on its own it is more often the last character of a 代字 broken over two
  // lines (鲁政 / 字〔2019〕4号).
  if (canonical.length === 1 && start === runStart && !keepLeadingWords) return null;
  return { start, raw: text.slice(start, end), canonical };
}

function documentNumber(prefix: string, year: number, seq: number): DocNumber {
  return { kind: 'document', prefix, year, seq, canonical: `${prefix}〔${year}〕${seq}号` };
}

function orderNumber(prefix: string, seq: number, year?: number): DocNumber {
  return year === undefined
    ? { kind: 'order', prefix, seq, canonical: `${prefix}第${seq}号` }
    : { kind: 'order', prefix, year, seq, canonical: `${prefix}${year}年第${seq}号` };
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
 * needs its bracketed year and 号, an order number its 令第…号. Each number starts where its
 * 代字 starts (see BOUNDARY_WORDS), unless `keepLeadingWords` (for text that is one number).
 */
export function findDocNumbers(text: string, options: { keepLeadingWords?: boolean } = {}): FoundDocNumber[] {
  const keep = options.keepLeadingWords ?? false;
  const results: FoundDocNumber[] = [];
  for (const match of text.matchAll(DOCUMENT_TAIL)) {
    const prefix = organPrefix(text, match.index, 'document', keep);
    if (!prefix) continue;
    const end = match.index + match[0].length;
    results.push({
      ...documentNumber(prefix.canonical, Number(match[1]), Number(match[2])),
      start: prefix.start,
      end,
      raw: text.slice(prefix.start, end),
    });
  }
  for (const match of text.matchAll(ORDER_TAIL)) {
    // The organ ends with the 令 (国务院令, 市政府令).
    const prefix = organPrefix(text, match.index + 1, 'order', keep);
    if (!prefix) continue;
    const end = match.index + match[0].length;
    results.push({
      ...orderNumber(prefix.canonical, Number(match[2]), match[1] === undefined ? undefined : Number(match[1])),
      start: prefix.start,
      end,
      raw: text.slice(prefix.start, end),
    });
  }
  return results.sort((a, b) => a.start - b.start);
}

/**
 * A bracket-free key for short-link URLs: 淄政办字〔2020〕54号 → "淄政办字-2020-54",
 * 市政府令第102号 → "市政府令-102". Stable for a given canonical number.
 */
export function docNumberKey(number: DocNumber): string {
  return number.year === undefined ? `${number.prefix}-${number.seq}` : `${number.prefix}-${number.year}-${number.seq}`;
}

/** Sort order for lists of numbers: by prefix, then year, then sequence. */
export function compareDocNumbers(a: DocNumber, b: DocNumber): number {
  return a.prefix.localeCompare(b.prefix, 'zh-Hans-CN') || (a.year ?? 0) - (b.year ?? 0) || a.seq - b.seq;
}
