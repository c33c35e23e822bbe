/**
 * Bounds on the shape of a Markdown text, checked on its lines before anything parses it, so
 * that one file cannot overflow the build's stack or stall it (figures measured on this
 * project's pipeline are in README "Check"):
 *
 * - nesting: the Markdown parser recurses once per list or block-quote level, and overflows
 *   the stack near 1,000 levels (10,000 `- ` or `>` markers took 25 s to fail); its cost also
 *   grows with the square of the depth;
 * - unbroken runs: Pagefind's Chinese segmentation is quadratic in a run of characters
 *   without a space or punctuation mark (100,000 characters: 15 s; 630,000: several minutes);
 * - inline markup: emphasis and link delimiters (`*`, `_`, `[`, `]`) are resolved in time
 *   quadratic in their number within a paragraph (200 KB of `[*` took minutes).
 *
 * Gazette texts come nowhere near these limits: a real document nests lists two or three levels
 * deep, puts a punctuation mark every few dozen characters and uses almost no inline markup.
 */

/** List and block-quote levels on one line (each two columns of indentation count as one). */
export const MAX_NESTING = 16;
/** Characters in a row without white space or a punctuation mark. */
export const MAX_UNBROKEN_RUN = 1000;
/** Unescaped `*`, `_`, `[`, `]` in one paragraph (lines between blank lines). */
export const MAX_MARKUP_PER_PARAGRAPH = 200;

export interface LimitProblem {
  /** Offset in the text where the problem starts. */
  index: number;
  message: string;
}

/** Container levels a line opens: leading indentation (2 columns a level), `>` and list markers. */
function lineNesting(line: string): number {
  let depth = 0;
  let indent = 0;
  let position = 0;
  let markers = true;
  while (position < line.length && markers) {
    const char = line[position];
    if (char === ' ' || char === '\t') {
      if (depth === 0) indent += char === '\t' ? 4 : 1;
      position++;
    } else if (char === '>') {
      depth++;
      position++;
    } else {
      const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(position, position + 11));
      if (marker) {
        depth++;
        position += marker[0].length;
      } else markers = false;
    }
  }
  return depth + Math.floor(indent / 2);
}

const UNBROKEN_RUN = new RegExp(`[^\\s\\p{P}\\p{S}]{${MAX_UNBROKEN_RUN + 1},}`, 'u');
const MARKUP = /\\.|[*_[\]]/g;

/** The first problem of each kind (one is enough to fix the file; more would flood the report). */
export function bodyLimitProblems(text: string): LimitProblem[] {
  const problems: LimitProblem[] = [];
  let nesting = false;
  let run = false;
  let markup = false;
  let paragraphStart = 0;
  let paragraphMarkup = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    if (!nesting) {
      const depth = lineNesting(line);
      if (depth > MAX_NESTING) {
        nesting = true;
        problems.push({
          index: offset,
          message: `nested ${depth} levels deep (lists, block quotes or indentation); at most ${MAX_NESTING} are allowed: remove the extra "-" or ">" markers or indentation`,
        });
      }
    }
    if (!run) {
      const found = UNBROKEN_RUN.exec(line);
      if (found) {
        run = true;
        problems.push({
          index: offset + found.index,
          message: `${[...found[0]].length} characters without a space or punctuation mark; at most ${MAX_UNBROKEN_RUN} are allowed (search indexing slows down with the square of the length): break the text where it belongs`,
        });
      }
    }
    if (line.trim() === '') {
      paragraphMarkup = 0;
      paragraphStart = offset + line.length + 1;
    } else if (!markup) {
      for (const match of line.matchAll(MARKUP)) if (match[0].length === 1) paragraphMarkup++;
      if (paragraphMarkup > MAX_MARKUP_PER_PARAGRAPH) {
        markup = true;
        problems.push({
          index: paragraphStart,
          message: `more than ${MAX_MARKUP_PER_PARAGRAPH} Markdown markup characters (* _ [ ]) in one paragraph; write them as \\* \\_ \\[ \\] or split the paragraph (parsing slows down with the square of their number)`,
        });
      }
    }
    offset += line.length + 1;
  }
  return problems;
}
