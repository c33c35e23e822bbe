/**
 * The build's machine-readable outputs must parse: every XML file (feeds, sitemap) is
 * well-formed (namespaces included), every JSON and JSON Lines file is JSON, every CSV file has one field per column
 * in every record. A file that does not is a bug the build must not publish: the build fails
 * naming it (src/build/build-guard.ts), and the build tests run the same check.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';

export interface OutputProblem {
  /** Absolute path. */
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The problem with the file at this path, if any. */
type Checker = (file: string) => Omit<OutputProblem, 'file'> | null;

/** Well-formedness by a conforming XML parser (saxes): a lenient one lets `<` in attributes pass. */
function xmlProblem(text: string): Omit<OutputProblem, 'file'> | null {
  const parser = new SaxesParser({ xmlns: true });
  let found: Omit<OutputProblem, 'file'> | null = null;
  parser.on('error', (error) => {
    found ??= { line: parser.line, column: parser.column, message: `invalid XML: ${error.message}` };
  });
  parser.write(text).close();
  return found;
}

function jsonProblem(text: string, line = 1): Omit<OutputProblem, 'file'> | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return { line, column: 1, message: `invalid JSON: ${(error as Error).message}` };
  }
}

/**
 * The lines of a file, read a megabyte at a time: a JSON Lines dump of a large archive
 * (data/documents.jsonl holds every document's text) is longer than V8's longest string. UTF-8
 * never uses the newline byte inside a character, so splitting the bytes is safe.
 */
function* fileLines(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    let rest = Buffer.alloc(0);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const data = Buffer.concat([rest, chunk.subarray(0, read)]);
      let start = 0;
      for (let end = data.indexOf(0x0a); end >= 0; end = data.indexOf(0x0a, start)) {
        yield data.toString('utf8', start, end);
        start = end + 1;
      }
      rest = data.subarray(start);
    }
    if (rest.length > 0) yield rest.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Every line JSON; a newline after the last one, as the dumps write it, starts no line. */
function jsonLinesProblem(file: string): Omit<OutputProblem, 'file'> | null {
  let number = 0;
  for (const line of fileLines(file)) {
    const problem = jsonProblem(line, ++number);
    if (problem) return problem;
  }
  return null;
}

function csvProblem(text: string): Omit<OutputProblem, 'file'> | null {
  try {
    parseCsv(text, { bom: true });
    return null;
  } catch (error) {
    const { lines = 1 } = error as { lines?: number };
    return { line: lines, column: 1, message: `invalid CSV: ${(error as Error).message}` };
  }
}

/** A checker of a file's whole text. */
const ofText =
  (check: (text: string) => Omit<OutputProblem, 'file'> | null): Checker =>
  (file) =>
    check(readFileSync(file, 'utf8'));

const CHECKERS: [RegExp, Checker][] = [
  [/\.xml$/, ofText(xmlProblem)],
  [/\.jsonl$/, jsonLinesProblem],
  [/\.json$/, ofText((text) => jsonProblem(text))],
  [/\.csv$/, ofText(csvProblem)],
];

/**
 * What a check saw of each file it found well-formed: size and modification time (ms, the file
 * system's clock), by path relative to the output folder.
 */
export type CheckedFiles = Record<string, [size: number, mtimeMs: number]>;

/**
 * Every output file under `dir` of a checked kind that does not parse, and what was seen of
 * those that do. A file listed in `unchanged` with the same size and modification time (the
 * files a rebuild kept from the previous build, whose check passed) is not read again: it is
 * the file that was checked then.
 */
export function checkOutputs(
  dir: string,
  unchanged: Readonly<CheckedFiles> = {},
): { problems: OutputProblem[]; checked: CheckedFiles } {
  const problems: OutputProblem[] = [];
  const checked: CheckedFiles = {};
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  for (const name of names) {
    const checker = CHECKERS.find(([pattern]) => pattern.test(name))?.[1];
    if (!checker) continue;
    const file = join(dir, name);
    const { size, mtimeMs } = statSync(file);
    const seen = Object.hasOwn(unchanged, name) ? unchanged[name] : undefined;
    const problem = seen?.[0] === size && seen[1] === mtimeMs ? null : checker(file);
    if (problem) problems.push({ file, ...problem });
    else checked[name] = [size, mtimeMs];
  }
  return { problems, checked };
}

/** Every output file under `dir` of a checked kind that does not parse. */
export function outputProblems(dir: string): OutputProblem[] {
  return checkOutputs(dir).problems;
}
