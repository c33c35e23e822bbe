/**
 * The numbers of gazette heads (第十二条, 三、, （一）, 第3条) as integers, for ids derived from
 * a head's number. Chinese numerals are decoded by nzh (a maintained converter, also used for
 * amounts); this module only decides what counts as a numeral, so that nzh never guesses at
 * text that is not one.
 */
import Nzh from 'nzh';

/** The characters gazettes number heads with: 〇/零 for zeros inside, 十/百/千 as units. */
export const CHINESE_NUMERAL = '[〇零一二三四五六七八九十百千]+';
/** Arabic digits, half or full width. */
export const ARABIC_NUMERAL = '[0-9０-９]+';

const WHOLE_CHINESE = new RegExp(`^${CHINESE_NUMERAL}$`, 'u');
const WHOLE_ARABIC = new RegExp(`^${ARABIC_NUMERAL}$`, 'u');

/**
 * Numerals already read: nzh's decoding was a third of rehype-stable-ids' time, and a body's
 * heads use a few dozen numerals, the same in every body.
 */
const parsed = new Map<string, number | null>();
/** Past this many numerals the table stops growing (numbers in running text are unbounded). */
const MAX_REMEMBERED = 10_000;

/** 十二 → 12, 一百零三 → 103, 3 → 3, ３ → 3; null for anything else (or zero). */
export function parseNumeral(text: string): number | null {
  let value = parsed.get(text);
  if (value === undefined) {
    value = decodeNumeral(text);
    if (parsed.size < MAX_REMEMBERED) parsed.set(text, value);
  }
  return value;
}

function decodeNumeral(text: string): number | null {
  let value: number;
  if (WHOLE_ARABIC.test(text)) {
    value = Number(text.replace(/[０-９]/gu, (digit) => String(digit.charCodeAt(0) - 0xff10)));
  } else if (WHOLE_CHINESE.test(text)) {
    // nzh reads 〇 as a zero but not as a digit of a whole number written digit by digit.
    value = Number(Nzh.cn.decodeS(text.replace(/〇/gu, '零')));
  } else {
    return null;
  }
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
