/**
 * Calendar dates as gazettes write them. Content stores ISO dates (YYYY-MM-DD); pages show
 * them the Chinese way (2020年5月24日); signatures may be written in Arabic figures or in
 * Chinese numerals (二〇二〇年五月二十四日).
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

export function isValidCalendarDate({ year, month, day }: CalendarDate): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses YYYY-MM-DD, rejecting impossible dates such as 2020-02-30. */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidCalendarDate(date) ? date : null;
}

/** Parses YYYY-MM (a month, e.g. when a gazette was founded). */
export function parseIsoMonth(text: string): { year: number; month: number } | null {
  const match = ISO_MONTH.exec(text);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 2020-05-24 → 2020年5月24日 */
export function formatChineseDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`Not a date: ${iso}`);
  return `${date.year}年${date.month}月${date.day}日`;
}

/** 2003-01 → 2003年1月 */
export function formatChineseMonth(isoMonth: string): string {
  const month = parseIsoMonth(isoMonth);
  if (!month) throw new Error(`Not a month: ${isoMonth}`);
  return `${month.year}年${month.month}月`;
}

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  Ｏ: 0,
  O: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二十四 → 24, 十二 → 12, 三十一 → 31, 五 → 5 (numbers below 100, as in months and days). */
function chineseNumeralBelow100(text: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!match || text === '') return null;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? CHINESE_DIGITS[tens] : null;
  return (tens ? CHINESE_DIGITS[tens] : 1) * 10 + (units ? CHINESE_DIGITS[units] : 0);
}

const ARABIC_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const CHINESE_DATE =
  /([〇零ＯO一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/u;

/**
 * Reads a date written the Chinese way: 2020年5月24日 or 二〇二〇年五月二十四日.
 * Returns null when the text holds no valid date.
 */
export function parseChineseDate(text: string): CalendarDate | null {
  const arabic = ARABIC_DATE.exec(text);
  if (arabic) {
    const date = { year: Number(arabic[1]), month: Number(arabic[2]), day: Number(arabic[3]) };
    return isValidCalendarDate(date) ? date : null;
  }
  const chinese = CHINESE_DATE.exec(text);
  if (chinese) {
    const year = Number([...chinese[1]].map((digit) => CHINESE_DIGITS[digit]).join(''));
    const month = chineseNumeralBelow100(chinese[2]);
    const day = chineseNumeralBelow100(chinese[3]);
    if (month === null || day === null) return null;
    const date = { year, month, day };
    return isValidCalendarDate(date) ? date : null;
  }
  return null;
}

/** Compares ISO dates as strings compare: they sort chronologically. */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
