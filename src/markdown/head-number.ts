/**
 * What number a head of a gazette text carries, read from its printed form:
 *
 *   第二章 / 第一节 / 第三条    chapters, sections and articles of rules (规章、条例、办法)
 *   三、 （二） 1.             the numbered heads of GB/T 9704 §7.3.3, in this order of rank
 *   附件 / 附件2 / 附：         an attachment's label, on a heading of its own
 *
 * The kinds name the parts as Chinese legal drafting cites them (第三部分, 第（二）项, 第1目),
 * spelt in pinyin because they become parts of URLs: zhang, jie, tiao, bufen, xiang, mu, fujian.
 */
import { ARABIC_NUMERAL, CHINESE_NUMERAL, parseNumeral } from './chinese-numeral';

export type HeadKind = 'zhang' | 'jie' | 'tiao' | 'bufen' | 'xiang' | 'mu' | 'fujian';

export interface HeadNumber {
  kind: HeadKind;
  /** Null for an attachment label without a number (附件). */
  number: number | null;
  /** The number as printed: 第三条, 三、, （二）, 1., 附件2. */
  marker: string;
  /** The text after the number, without the spaces that set it off. */
  rest: string;
}

const NUMERAL = `${CHINESE_NUMERAL}|${ARABIC_NUMERAL}`;
const SPACE = '[\\s\\u3000]*';
const LEADING_SPACE = new RegExp(`^${SPACE}`, 'u');
const RULE_PART = new RegExp(`^第(${NUMERAL})(章|节|条)`, 'u');
const RULE_KINDS = { 章: 'zhang', 节: 'jie', 条: 'tiao' } as const;
/** 一、 but not 一、二季度 (a list of numbers, not a head). */
const FIRST_LEVEL = new RegExp(`^(${CHINESE_NUMERAL})、(?!${CHINESE_NUMERAL})`, 'u');
const SECOND_LEVEL = new RegExp(`^[（(](${CHINESE_NUMERAL})[)）]`, 'u');
/** 1. 1． 1、 but not 1.5 or 2020年. */
const THIRD_LEVEL = /^([0-9０-９]{1,3})[.．、](?![0-9０-９])/u;
/**
 * An attachment label heading: 附件, 附件1, 附件1., 附件2：, 附：, 附件一, and the label with the
 * title after it on the same line (附件一：禁止倾倒的物质), as older texts print it.
 */
const ATTACHMENT_LABEL = new RegExp(
  `^附${SPACE}(?:件${SPACE}(${ARABIC_NUMERAL}|${CHINESE_NUMERAL})?(${SPACE}[.．:：]?${SPACE})|[:：]${SPACE})`,
  'u',
);

function head(kind: HeadKind, number: number | null, marker: string, text: string): HeadNumber {
  return { kind, number, marker, rest: text.slice(marker.length).replace(LEADING_SPACE, '') };
}

/** The number a head's text starts with, or null when it starts with none. */
export function headNumberOf(text: string, { heading = false }: { heading?: boolean } = {}): HeadNumber | null {
  const trimmed = text.replace(LEADING_SPACE, '').trimEnd();
  const label = ATTACHMENT_LABEL.exec(trimmed);
  if (label) {
    const rest = trimmed.slice(label[0].length);
    // A label with a title is a heading (附件2：名单); a paragraph with one is the 附件说明. And
    // 附件材料清单 is a title, not the label 附件 and a title.
    if (rest === '' || (heading && (label[1] || label[2] !== ''))) {
      const number = label[1] ? parseNumeral(label[1]) : null;
      return { kind: 'fujian', number, marker: label[0].trimEnd(), rest };
    }
  }
  const rule = RULE_PART.exec(trimmed);
  if (rule) {
    const number = parseNumeral(rule[1]!);
    return number === null ? null : head(RULE_KINDS[rule[2] as keyof typeof RULE_KINDS], number, rule[0], trimmed);
  }
  for (const [kind, pattern] of [
    ['bufen', FIRST_LEVEL],
    ['xiang', SECOND_LEVEL],
    ['mu', THIRD_LEVEL],
  ] as const) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const number = parseNumeral(match[1]!);
    return number === null ? null : head(kind, number, match[0], trimmed);
  }
  return null;
}
