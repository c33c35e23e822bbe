/**
 * How precisely findDocNumbers reads the numbers cited in real running text: the measure behind
 * `npm run citations:precision` (scripts/citation-precision.ts).
 *
 * There is no ground truth for a corpus of regulations, so two measures are made:
 * - a shape check over every number found: a 代字 or organ name that contains a verb, a document
 *   type or a date, that starts with a particle or a numeral, that is longer than any real one, or
 *   a joint order part that does not end like an organ's name, is flagged as doubtful (this check
 *   uses its own word lists, wider than the finder's, and flags; it does not decide);
 * - a seeded random sample of found numbers, read and verified by hand and committed as a fixture
 *   (tests/fixtures/citations/), with every number its sentence cites: precision and recall on it.
 */
import { mulberry32 } from '../bench/generate';
import { findDocNumbers, type DocNumber, type FoundDocNumber } from '../domain/doc-number';

export interface FoundInFile {
  file: string;
  /** 1-based line. */
  line: number;
  /** The clause around the number, as a short sentence for the sample fixture. */
  sentence: string;
  number: FoundDocNumber;
}

/** One verified sentence: every number it cites, canonical, in order. */
export interface SampleEntry {
  file: string;
  sentence: string;
  expected: string[];
}

const CLAUSE_END = /[。；！？]/u;
const CONTEXT = { before: 40, after: 20 };

/**
 * The clause holding text[start, end): from the previous 。；！？ to the next one, within
 * CONTEXT characters either side, so that the sentence holds the words the finder looks back at
 * before a number (doc-number.ts, ORDER_PREFIX.window, is shorter than CONTEXT.before).
 */
export function clauseAround(line: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < CONTEXT.before && !CLAUSE_END.test(line[from - 1])) from--;
  let to = end;
  while (to < line.length && to - end < CONTEXT.after && !CLAUSE_END.test(line[to])) to++;
  if (to < line.length && CLAUSE_END.test(line[to])) to++;
  return line.slice(from, to).trim();
}

/** Every number findDocNumbers finds in a file's text, line by line. */
export function numbersInText(file: string, text: string): FoundInFile[] {
  const found: FoundInFile[] = [];
  text.split('\n').forEach((line, index) => {
    for (const number of findDocNumbers(line)) {
      found.push({ file, line: index + 1, sentence: clauseAround(line, number.start, number.end), number });
    }
  });
  return found;
}

/** Words that no 代字 or organ name contains: verbs, document types, references. */
const NOT_IN_AN_ORGAN_NAME = [
  '简称', '作出', '做出', '印发', '转发', '批转', '下发', '下达', '发出', '发布', '公布', '颁布', '制定', '出台', '根据',
  '按照', '依据', '依照', '遵照', '参照', '对照', '结合', '执行', '贯彻', '落实', '关于', '废止', '撤销', '修改', '修订',
  '修正', '施行', '实施', '适用', '通过', '同意', '批准', '决定', '规定', '通知', '意见', '办法', '条例', '细则', '文件',
  '精神', '有关', '相关', '要求', '明确', '的', '了', '是', '把', '被', '并', '或', '均', '已', '该', '其', '号',
];
/** Characters that do not begin a place or an organ: particles, prepositions, numerals. */
const NOT_A_START = /^[与及等为由在向以之第见按据请年月日一二三四五六七八九十〇零]/u;
/** The last character of an organ's name, and 主席 (中华人民共和国主席令). */
const ORGAN_END = /[院会部局署府委行办厅室席]$/u;
const LONGEST = { document: 7, order: 20 };

/** Why a found number's 代字 or organ is doubtful, or null when its shape is plausible. */
export function doubt(number: DocNumber): string | null {
  const parts = number.kind === 'order' ? number.prefix.replace(/令$/u, '').split('、') : [number.prefix];
  for (const part of parts) {
    const word = NOT_IN_AN_ORGAN_NAME.find((candidate) => part.includes(candidate));
    if (word) return `contains "${word}"`;
    if (NOT_A_START.test(part)) return `starts with "${part[0]}"`;
    if (/^[发字函号令]$/u.test(part)) return 'only the last character of a 代字';
    if (/^(?:人民共和国|民共和国|共和国|和国)/u.test(part)) return 'starts inside 中华人民共和国';
    if (part.length > LONGEST[number.kind]) return `longer than ${LONGEST[number.kind]} characters`;
    if (number.kind === 'order' && !ORGAN_END.test(part)) return `"${part}" does not end like an organ's name`;
  }
  return null;
}

/** `size` items drawn without replacement, in their original order; the same seed draws the same items. */
export function seededSample<T>(items: readonly T[], size: number, seed: number): T[] {
  const next = mulberry32(seed);
  const indexes = items.map((_, index) => index);
  for (let index = indexes.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [indexes[index], indexes[other]] = [indexes[other], indexes[index]];
  }
  return indexes
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((index) => items[index]);
}

export interface SampleScore {
  expected: number;
  found: number;
  correct: number;
  /** Sentences where the finder and the verified numbers differ. */
  mismatches: { sentence: string; expected: string[]; found: string[] }[];
}

/** Precision (correct / found) and recall (correct / expected) of the finder on verified sentences. */
export function scoreSample(entries: readonly SampleEntry[]): SampleScore {
  const score: SampleScore = { expected: 0, found: 0, correct: 0, mismatches: [] };
  for (const entry of entries) {
    const found = findDocNumbers(entry.sentence).map((number) => number.canonical);
    const unmatched = [...entry.expected];
    let correct = 0;
    for (const number of found) {
      const at = unmatched.indexOf(number);
      if (at !== -1) {
        unmatched.splice(at, 1);
        correct++;
      }
    }
    score.expected += entry.expected.length;
    score.found += found.length;
    score.correct += correct;
    if (correct !== found.length || correct !== entry.expected.length) {
      score.mismatches.push({ sentence: entry.sentence, expected: entry.expected, found });
    }
  }
  return score;
}

/** Places where a number's fixed part stands (a bracketed year with 号, or 令第N号), found or not. */
const NUMBER_TAILS = /[〔［[（(【][ \t\u00a0\u3000]*(?:19|20)\d{2}[ \t\u00a0\u3000]*[〕］\]）)】][ \t\u00a0\u3000第]*\d{1,5}[ \t\u00a0\u3000]*号|令[ \t\u00a0\u3000]*第[ \t\u00a0\u3000]*\d{1,5}[ \t\u00a0\u3000]*号/gu;

/** Number tails in `text` that no found number covers: numbers without a 代字, or missed. */
export function unreadTails(text: string): string[] {
  const unread: string[] = [];
  for (const line of text.split('\n')) {
    const found = findDocNumbers(line);
    for (const match of line.matchAll(NUMBER_TAILS)) {
      const end = match.index + match[0].length;
      if (!found.some((number) => number.end === end)) unread.push(clauseAround(line, match.index, end));
    }
  }
  return unread;
}
