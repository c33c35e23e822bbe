/**
 * What a single extracted line can be told to be from its text alone: a document number, a
 * signature date, an organ's name, a numbered item, the end of a sentence. The structural
 * modules (TOC, heads, paragraphs, signatures) combine these.
 */
import { normalizeCjkSpacing, normalizeParagraph } from '../domain/cjk-text';
import { parseChineseDate, toIsoDate } from '../domain/dates';
import { parseDocNumber } from '../domain/doc-number';

/**
 * A line ending in one of these ends its paragraph; any other line was cut by the page or
 * column width and continues on the next line.
 */
const TERMINAL = new Set([
  '。',
  '；',
  '：',
  '！',
  '？',
  '”',
  '）',
  '】',
  '〕',
  '》',
  '」',
  '』',
  ';',
  ':',
  '!',
  '?',
  ')',
]);

export function endsParagraph(text: string): boolean {
  return TERMINAL.has(Array.from(text.trimEnd()).at(-1) ?? '');
}

/** Commas, stops, colons and marks: a head or a name has none of them. */
export const SENTENCE_PUNCTUATION = /[，。；：！？,;:!?]/u;

/**
 * A 公告's number, printed under its title and listed after it in the TOC, with or without
 * the issuer: 国家税务总局公告2019年第1号, 2019年第1号. It is not a 发文字号: the body keeps it.
 */
export const ANNOUNCEMENT_NUMBER = /^(?:\S{2,24}公告)?\d{4}年第\d{1,4}号$/u;

/** The canonical number when the whole line is one 发文字号 (淄政办发〔2020〕5 号). */
export function docNumberLine(text: string): string | null {
  return parseDocNumber(normalizeCjkSpacing(text))?.canonical ?? null;
}

const WHOLE_DATE =
  /^(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零ＯO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$/u;

/** Typesetters print the zero of Chinese dates as ○ (a circle), not 〇: 二○一○年. */
export function chineseZero(text: string): string {
  return text.replace(/[○◯]/gu, '〇');
}

/** The ISO date when the whole line is a date (2020年5月24日, 二〇二〇年五月二十四日). */
export function dateLine(text: string): string | null {
  const compact = chineseZero(text.replace(/\s+/gu, ''));
  if (!WHOLE_DATE.test(compact)) return null;
  const date = parseChineseDate(compact);
  return date ? toIsoDate(date) : null;
}

// Organs end in the word for what they are: 人民政府, 办公室, 局, 委员会, 中心支行, 分局 …
const ORGAN_NAME =
  /^[\u3400-\u9fff（）()]{2,40}(?:政府|办公室|办公厅|委员会|委|局|厅|部|院|署|行|中心|公司|会|办|处|室|所|组|站|社|团|馆|队)$/u;

/** Words that start a title's 事由: an organ's name never holds them ("…办公室转发市发展改革委"). */
const TITLE_WORDS = /关于|转发|批转|印发|贯彻|落实/u;

export function isOrganName(name: string): boolean {
  const normalized = normalizeParagraph(name);
  return ORGAN_NAME.test(normalized) && !TITLE_WORDS.test(normalized);
}

/**
 * Names printed side by side, separated by spaces or 、 ("市大数据局 市商务局"), when all are
 * organs. A name letter-spaced to fill its line ("国 务 院") is one name.
 */
export function organNames(text: string): string[] | null {
  const parts = text
    .trim()
    .split(/[\s\u3000、]+/u)
    .filter(Boolean);
  const names = parts.length > 1 && parts.every((part) => Array.from(part).length === 1) ? [parts.join('')] : parts;
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

/**
 * Where a full official title (GB/T 9704: 发文机关 + 事由 + 文种) may hand over from the issuers
 * to the title: 关于…, 转发/批转/印发…, 对…的答复, 任免…, 公告…. Without 关于 the title still
 * starts here: 国务院办公厅转发国家发展改革委关于…的通知 is 转发…, never split at the inner 关于.
 */
const TITLE_START = /^(?:关于|转发|批转|印发|贯彻|落实|对|任免|公告|通告)/u;
/** Titles that are the issuer's name and a kind of list or notice keep the name: 国务院任免…, 国家税务总局公告2019年第1号. */
const WHOLE_TITLE = /^(?:任免|公告|通告)/u;

/**
 * The issuers and the title of a full official title ("国务院关于…的通知", "国务院、中央军委
 * 关于…", "X市人民政府办公室转发市发展改革委关于…意见的通知"); null when the title does not
 * start with an organ's name (a title printed without its issuer: "关于…的通知").
 */
export function splitOfficialTitle(text: string): { issuers: string[]; title: string } | null {
  const chars = Array.from(normalizeParagraph(text));
  for (let cut = 2; cut < chars.length - 1; cut++) {
    const rest = chars.slice(cut).join('');
    if (!TITLE_START.test(rest)) continue;
    const split = chars
      .slice(0, cut)
      .join('')
      .split(/[、\s\u3000]+/u)
      .filter(Boolean);
    const names = split.length === 1 && !isOrganName(split[0]!) ? (organRun(split[0]!) ?? split) : split;
    if (names.length > 0 && names.every(isOrganName))
      return { issuers: names, title: WHOLE_TITLE.test(rest) ? chars.join('') : rest };
  }
  return null;
}

/**
 * Organs' names run together, the spaces that set them apart lost (a TOC entry of four
 * departments: 成都市住房和城乡建设局中共成都市委社会工作部…), or null. Of the ways to cut the text
 * into names, the one whose longest name is shortest wins (names run together are of a kind, no
 * one holding two), then the one with fewer names (中共成都市委社会工作部 stays whole, not
 * 中共成都市委 + 社会工作部).
 */
function organRun(text: string): string[] | null {
  const chars = Array.from(text);
  type Cut = { longest: number; names: string[] };
  // Per start, the cuts of the rest that no other beats on both counts (longest name, names):
  // few enough to keep, so no text of many names takes exponential time.
  const memo = new Map<number, Cut[]>();
  const cuts = (start: number): Cut[] => {
    if (start === chars.length) return [{ longest: 0, names: [] }];
    const known = memo.get(start);
    if (known) return known;
    const options: Cut[] = [];
    for (let end = start + 2; end <= chars.length; end++) {
      const name = chars.slice(start, end).join('');
      if (!isOrganName(name)) continue;
      for (const rest of cuts(end))
        options.push({ longest: Math.max(end - start, rest.longest), names: [name, ...rest.names] });
    }
    const better = (a: Cut, b: Cut) =>
      a.longest < b.longest || (a.longest === b.longest && a.names.length < b.names.length);
    const front = options.filter(
      (option) =>
        !options.some(
          (other) =>
            other.longest <= option.longest && other.names.length <= option.names.length && better(other, option),
        ),
    );
    memo.set(start, front);
    return front;
  };
  const [best] = cuts(0)
    .filter(({ names }) => names.length > 1)
    .sort((a, b) => a.longest - b.longest || a.names.length - b.names.length);
  return best?.names ?? null;
}

/** A title with any issuers in front removed: how TOC entries and printed heads are compared. */
export function titleKey(text: string): string {
  const normalized = normalizeParagraph(text);
  return splitOfficialTitle(normalized)?.title ?? normalized;
}

/**
 * A decree's head (令): the order's name ("中华人民共和国国务院令", "淄博市人民政府令") and its
 * number, on one line or two. The number is written as printed (中华人民共和国国务院令第709号);
 * the issuer is the organ that gives the order, without 中华人民共和国 (国务院).
 */
const DECREE_NAME = /^([\u3400-\u9fff]{2,24}?)(令)$/u;
/** 第707号; some provinces number decrees per year, 〔2010〕第15号, and ministries too: 2019年第32号. */
const DECREE_NUMBER = /^(?:([〔［[（(]\s*\d{4}\s*[〕］\]）)])|(\d{4})\s*年)?\s*第\s*(\d{1,5})\s*号$/u;
/** An order's name and number on one line (中华人民共和国国务院令第707号, 交通运输部令（2019年第32号）), then anything. */
const DECREE_ON_ONE_LINE = /^([\u3400-\u9fff]{2,24}?)令[\s\u3000]*[（(]?(?:(\d{4})\s*年)?第\s*(\d{1,5})\s*号[)）]?/u;
const STATE_PREFIX = /^中华人民共和国(?=.)/u;

export interface DecreeHead {
  /** Lines the head takes (1 or 2). */
  lines: number;
  issuer: string;
  number: string;
  /** The order's sequence number: a TOC citing 市政府令第102号 means 淄博市人民政府令 第102号. */
  seq: number;
  /** The year of an order numbered per year (2019年第32号). */
  year?: number;
}

export function decreeHead(first: string, second: string | undefined): DecreeHead | null {
  const name = DECREE_NAME.exec(normalizeCjkSpacing(first));
  const seq = second === undefined ? null : DECREE_NUMBER.exec(normalizeCjkSpacing(second));
  if (name && seq && isOrganName(name[1]!)) {
    return decree(name[1]!, Number(seq[3]), 2, seq[1]?.replace(/\s+/gu, '') ?? optionalYear(seq[2]));
  }
  // Some governments print the organ, then the order's short number under it (重庆市人民政府 /
  // 渝府令第 121 号): a 令 number is only ever a decree's.
  const organ = normalizeParagraph(first);
  const short = second === undefined ? null : parseDocNumber(normalizeParagraph(second));
  if (
    short?.kind === 'order' &&
    DECREE_NAME.exec(organ) === null &&
    isOrganName(organ) &&
    organNames(first)?.length === 1
  ) {
    return { lines: 2, issuer: organ.replace(STATE_PREFIX, ''), number: short.canonical, seq: short.seq };
  }
  const text = normalizeCjkSpacing(first).replace(/\u3000/gu, ' ');
  const oneLine = DECREE_ON_ONE_LINE.exec(text);
  if (oneLine && oneLine[0].length === text.length && isOrganName(oneLine[1]!))
    return decree(oneLine[1]!, Number(oneLine[3]), 1, optionalYear(oneLine[2]));
  return null;
}

function optionalYear(year: string | undefined): number | undefined {
  return year === undefined ? undefined : Number(year);
}

function decree(organ: string, seq: number, lines: number, year: string | number = ''): DecreeHead {
  const head = {
    lines,
    issuer: organ.replace(STATE_PREFIX, ''),
    number: `${organ}令${typeof year === 'number' ? `${year}年` : year}第${seq}号`,
    seq,
  };
  return typeof year === 'number' ? { ...head, year } : head;
}

/**
 * A TOC entry for a decree: its name and number, then the title of what it promulgates, if the
 * TOC gives it ("中华人民共和国国务院令（第706号）　专利代理条例").
 */
export function decreeEntry(text: string): { number: string; title: string } | null {
  const normalized = normalizeParagraph(text);
  const match = DECREE_ON_ONE_LINE.exec(normalized);
  if (!match || !isOrganName(match[1]!)) return null;
  const number = `${match[1]}令${match[2] === undefined ? '' : `${match[2]}年`}第${match[3]}号`;
  const rest = normalized.slice(match[0].length).trim();
  return { number, title: rest === '' ? normalized : normalizeParagraph(rest) };
}

/**
 * A decree signed by the head of government: its office and name on a line ("总理　李克强",
 * "代市长　陈如桂", or the office alone: "省长"), then the date. The office may carry its
 * jurisdiction or organ in front, as autonomous regions and ministries print it: "自治区主席　乌力吉",
 * "交通运输部部长　李小鹏".
 */
const OFFICE =
  /^(.*?)代?(?:总理|主席|省长|市长|区长|县长|州长|盟长|旗长|主任|部长|署长|局长|行长|院长|检察长|委员长)$/u;
const JURISDICTION = /^(?:国务院|自治区|自治州|自治县|自治旗|特别行政区|省|市|区|县|州|盟|旗)$/u;
const SIGNER_NAME = /^[\u3400-\u9fff·]{2,6}$/u;

export function isOfficialSignature(text: string): boolean {
  const parts = text.trim().split(/[\s\u3000]+/u);
  // The office letter-spaced, without a name: "市　长".
  const [office, ...names] =
    parts.length > 1 && parts.every((part) => Array.from(part).length === 1) ? [parts.join('')] : parts;
  if (names.length > 1 || (names.length === 1 && !SIGNER_NAME.test(names[0]!))) return false;
  const prefix = OFFICE.exec(office ?? '')?.[1];
  return prefix !== undefined && (prefix === '' || JURISDICTION.test(prefix) || isOrganName(prefix));
}
