/**
 * Content problems, reported the way compilers do so that editors and their editors' tools can
 * jump to them: `path:line:column: field: message`.
 */
import { isAbsolute, relative, sep } from 'node:path';

export interface ContentProblem {
  /** Path as displayed: see displayPath. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file or folder. */
  line: number;
  column: number;
  /** Dotted field path (issuers.1, forwards.title), or empty for file-level problems. */
  field: string;
  message: string;
  /**
   * Errors stop the build; warnings (something that looks wrong but may be as printed, such
   * as a citation that is almost a document number) are reported and let it through.
   */
  severity?: 'warning';
}

/**
 * A path as the editor can open it from where the command ran: relative to `cwd` (forward
 * slashes) when inside it, else absolute.
 */
export function displayPath(absolute: string, cwd: string): string {
  const path = relative(cwd, absolute);
  if (path === '') return '.';
  return path.startsWith('..') || isAbsolute(path) ? absolute : path.split(sep).join('/');
}

export function formatProblem({ file, line, column, field, message, severity }: ContentProblem): string {
  const where = line > 0 ? `${file}:${line}:${column}` : file;
  const text = severity === 'warning' ? `warning: ${message}` : message;
  return field ? `${where}: ${field}: ${text}` : `${where}: ${text}`;
}

export function compareProblems(a: ContentProblem, b: ContentProblem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

/** Thrown by the build when content is invalid; its message lists every problem. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `${problems.length} content problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
  }
}
