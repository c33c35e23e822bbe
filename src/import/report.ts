/**
 * What the importer tells the editor. Every finding names the input lines it is about, so the
 * editor can look at the extracted text rather than trust a guess.
 */

export interface Finding {
  /** Errors make the import exit non-zero; warnings are printed and let it through. */
  severity: 'error' | 'warning';
  /** 1-based input line numbers the finding is about (first and last); absent for the whole input. */
  line?: number;
  endLine?: number;
  message: string;
}

export class Findings {
  readonly list: Finding[] = [];

  error(message: string, line?: number, endLine?: number): void {
    this.list.push(at({ severity: 'error', message }, line, endLine));
  }

  warn(message: string, line?: number, endLine?: number): void {
    this.list.push(at({ severity: 'warning', message }, line, endLine));
  }
}

function at(finding: Finding, line?: number, endLine?: number): Finding {
  if (line !== undefined) finding.line = line;
  if (endLine !== undefined && endLine !== line) finding.endLine = endLine;
  return finding;
}

/** `input:12-14: error: message`, the way compilers print, so editors' tools can jump there. */
export function formatFinding(input: string, { severity, line, endLine, message }: Finding): string {
  const where = line === undefined ? input : `${input}:${line}${endLine === undefined ? '' : `-${endLine}`}`;
  return `${where}: ${severity}: ${message}`;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (a.line ?? 0) - (b.line ?? 0);
}
