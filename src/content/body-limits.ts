/**
 * Bounds on the shape of a Markdown text, checked on its lines before anything parses it, so
 * that one file cannot overflow the build's stack or stall it (the measured costs are in README
 * "Content model", its table of limits, and "Check"):
 *
 * - nesting: the Markdown parser recurses once per list or block-quote level, so deep enough
 *   nesting overflows the stack; its cost also grows with the square of the depth;
 * - unbroken runs: Pagefind's Chinese segmentation is quadratic in a run of characters
 *   without a space or punctuation mark;
 * - inline markup: emphasis and link delimiters (`*`, `_`, `[`, `]`) are resolved in time
 *   quadratic in their number within a paragraph;
 * - size of the structure: the parser spends far more per list item, table row or inline
 *   delimiter than per character of plain text, and separate block quotes cost it quadratic
 *   time, so lines, container markers and delimiters per document are bounded too.
 *
 * Gazette texts come nowhere near these limits: a real document nests lists two or three levels
 * deep, puts a punctuation mark every few dozen characters and uses almost no inline markup.
 */

/** List and block-quote levels on one line (each two columns of indentation count as one). */
export const MAX_NESTING = 16;
/** Characters in a row without white space or a punctuation mark. */
export const MAX_UNBROKEN_RUN = 1000;
/** Unescaped `*`, `_`, `[`, `]`, `` ` ``, `~` in one paragraph (lines between blank lines). */
export const MAX_MARKUP_PER_PARAGRAPH = 200;
/** The same characters in a whole text. */
export const MAX_MARKUP = 20_000;
/** Lines in a text (each may open a list item, a table row, a heading). */
export const MAX_LINES = 20_000;
/** List item and block-quote markers in a text: the parser's cost grows with the square of their number. */
export const MAX_CONTAINER_MARKERS = 2_000;

export interface LimitProblem {
  /** Offset in the text where the problem starts. */
  index: number;
  message: string;
}

/**
 * Container levels a line opens (leading indentation, 2 columns a level, plus its `>` and list
 * markers), and the markers alone.
 */
function lineNesting(line: string): { depth: number; markers: number } {
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
  return { depth: depth + Math.floor(indent / 2), markers: depth };
}

// Runs are matched whole and measured: a bounded repetition ({1001,}) would backtrack from
// every position of a long line, taking seconds per megabyte.
const RUN = /[^\s\p{P}\p{S}]+/gu;
const MARKUP = /\\.|[*_[\]`~]/g;

/** The first problem of each kind (one is enough to fix the file; more would flood the report). */
export function bodyLimitProblems(text: string): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const lines = text.split('\n');
  if (lines.length > MAX_LINES) {
    // Alone: such a document must be split whatever else is wrong with it.
    return [{ index: 0, message: `${lines.length} lines; at most ${MAX_LINES} are allowed in one document: split it (or move long tables into an attachment)` }];
  }
  let documentMarkup = 0;
  let containerMarkers = 0;
  let containers = false;
  let nesting = false;
  let run = false;
  let markup = false;
  let paragraphStart = 0;
  let paragraphMarkup = 0;
  let offset = 0;
  for (const line of lines) {
    const { depth, markers } = lineNesting(line);
    // A line over the nesting limit is reported as such; its markers count up to the limit.
    containerMarkers += Math.min(markers, MAX_NESTING);
    if (!containers && containerMarkers > MAX_CONTAINER_MARKERS) {
      containers = true;
      problems.push({
        index: offset,
        message: `more than ${MAX_CONTAINER_MARKERS} list items and block-quote markers (- * + 1. >) in one document; split the document or write long lists as paragraphs`,
      });
    }
    if (!nesting) {
      if (depth > MAX_NESTING) {
        nesting = true;
        problems.push({
          index: offset,
          message: `nested ${depth} levels deep (lists, block quotes or indentation); at most ${MAX_NESTING} are allowed: remove the extra "-" or ">" markers or indentation`,
        });
      }
    }
    if (!run) {
      const found = line.length > MAX_UNBROKEN_RUN ? [...line.matchAll(RUN)].find((match) => [...match[0]].length > MAX_UNBROKEN_RUN) : undefined;
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
      for (const match of line.matchAll(MARKUP)) {
        if (match[0].length > 1) continue;
        paragraphMarkup++;
        documentMarkup++;
      }
      if (paragraphMarkup > MAX_MARKUP_PER_PARAGRAPH) {
        markup = true;
        problems.push({
          index: paragraphStart,
          message: `more than ${MAX_MARKUP_PER_PARAGRAPH} Markdown markup characters (* _ [ ] \` ~) in one paragraph; write them as \\* \\_ \\[ \\] or split the paragraph (parsing slows down with the square of their number)`,
        });
      } else if (documentMarkup > MAX_MARKUP) {
        markup = true;
        problems.push({
          index: offset,
          message: `more than ${MAX_MARKUP} Markdown markup characters (* _ [ ] \` ~) in one document; write them as \\* \\_ \\[ \\] or split the document (each costs the parser far more than plain text)`,
        });
      }
    }
    offset += line.length + 1;
  }
  return problems;
}
