/**
 * Document numbers cited in a document's body. Bodies keep the spelling printed, so a cited
 * number is not normalised or rejected; but a citation that is almost a number (a bracketed
 * year without 号, a year without brackets) is usually a typo or an extraction error, and a
 * number from a later year than the citing document cannot be right. Both are warnings: the
 * editor checks them against the printed page.
 */
import { CJK, CLOSE, findDocNumbers, OPEN, SPACE } from '../domain/doc-number';

export interface CitationWarning {
  /** Offset and length in the body. */
  index: number;
  text: string;
  message: string;
}

// Each captures the 代字 as the first group, the year as the second, the sequence as the third.
const NEAR_MISSES: { pattern: RegExp; message: (text: string) => string }[] = [
  {
    // 淄政办字〔2020〕54 — the sequence number without 号.
    pattern: new RegExp(`([${CJK}]{2,8}?)${SPACE}[${OPEN}]${SPACE}((?:19|20)\\d{2})${SPACE}[${CLOSE}]${SPACE}第?${SPACE}(\\d{1,5})(?![\\d号])`, 'gu'),
    message: (text) => `"${text}" looks like a document number without 号; write it as printed, e.g. 淄政办字〔2020〕54号`,
  },
  {
    // 淄政办字2020年54号, 淄政发2020第3号 — the year without its brackets.
    pattern: new RegExp(`([${CJK}]{1,7}?[发字函])${SPACE}((?:19|20)\\d{2})${SPACE}年?${SPACE}第?${SPACE}(\\d{1,5})${SPACE}号`, 'gu'),
    message: (text) => `"${text}" looks like a document number without brackets around its year; write it as printed, e.g. 淄政办字〔2020〕54号`,
  },
];

/**
 * How many characters of a near miss's 代字 are running text (根据, 按照…): findDocNumbers
 * knows these words, so it is asked about the number the near miss was meant to be.
 */
function leadingWords([, prefix, year, seq]: RegExpMatchArray): number {
  return findDocNumbers(`${prefix}〔${year}〕${seq}号`)[0]?.start ?? 0;
}

/**
 * Warnings about the numbers cited in `body` of a document dated in `year`.
 *
 * No number spans a line break, and every pattern needs a 号 or a bracketed year, so only the
 * lines holding one are searched: the patterns start with a lazy run of CJK characters, which
 * is slow on long paragraphs, and most lines of a body cite nothing.
 */
export function checkCitations(body: string, year: number): CitationWarning[] {
  const warnings: CitationWarning[] = [];
  for (let start = 0; start < body.length; ) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    const line = body.slice(start, end);
    if (line.includes('号') || BRACKETED_YEAR.test(line)) {
      for (const warning of checkLine(line, year)) warnings.push({ ...warning, index: warning.index + start });
    }
    start = end + 1;
  }
  return warnings;
}

const BRACKETED_YEAR = new RegExp(`(?:19|20)\\d{2}${SPACE}[${CLOSE}]`, 'u');

function checkLine(line: string, year: number): CitationWarning[] {
  const warnings: CitationWarning[] = [];
  const found = findDocNumbers(line);
  for (const number of found) {
    if (number.year !== undefined && number.year > year) {
      warnings.push({
        index: number.start,
        text: number.raw,
        message: `cites ${number.canonical}, a number of ${number.year}, but the document is dated ${year}; check the year`,
      });
    }
  }
  const covered = (start: number, end: number) => found.some((number) => start < number.end && end > number.start);
  for (const { pattern, message } of NEAR_MISSES) {
    for (const match of line.matchAll(pattern)) {
      const skip = leadingWords(match);
      const text = match[0].slice(skip);
      const index = match.index + skip;
      if (covered(index, index + text.length)) continue;
      warnings.push({ index, text, message: message(text) });
    }
  }
  return warnings.sort((a, b) => a.index - b.index);
}
