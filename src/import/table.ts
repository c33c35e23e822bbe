/**
 * Tables as extracted text gives them: one row per line, cells separated by tabs. A cell that
 * wraps continues on the next line (the row has too few cells until it is complete); page
 * breaks leave blank lines (already dropped) and stray rows of dashes; cells copied from HTML
 * keep their <p> tags.
 */
import { joinPageBrokenLines, normalizeParagraph } from '../domain/cjk-text';
import type { Findings } from './report';
import type { SourceLine } from './text-lines';

/** A line with a tab between two cells' text starts (or continues) a table. */
export function isTableLine(text: string): boolean {
  return /\S\t+\S/u.test(text);
}

const DASHES_ONLY = /^[\s\-—–]*$/u;

function cellsOf(text: string): string[] {
  return text.split('\t').map((cell) => cell.trim());
}

function isRuleRow(cells: string[]): boolean {
  return cells.every((cell) => DASHES_ONLY.test(cell)) && cells.some((cell) => cell.includes('-'));
}

function normalizeCell(cell: string): string {
  return normalizeParagraph(cell.replace(/<\/?p\s*>/giu, ''));
}

/** Whether `cells` start the row after the one numbered `first`: 1 then 2, A1 then A2. */
function startsNextRow(first: string, cells: readonly string[]): boolean {
  const current = /^(\D{0,2})(\d{1,4})$/u.exec(first.trim());
  const next = /^(\D{0,2})(\d{1,4})$/u.exec(cells[0]!.trim());
  return (
    cells.length > 1 &&
    current !== null &&
    next !== null &&
    current[1] === next[1] &&
    Number(next[2]) === Number(current[2]) + 1
  );
}

/**
 * Reads the table starting at `lines[start]` (its header row). Returns the rows, header first,
 * with normalised cells, and the index of the first line after the table.
 */
export function parseTable(lines: SourceLine[], start: number, findings: Findings): { rows: string[][]; end: number } {
  const header = cellsOf(lines[start]!.text);
  const width = header.length;
  const rows: string[][] = [header];
  let open: { cells: string[]; line: number } | null = null;
  const close = (endLine: number) => {
    if (!open) return;
    if (open.cells.length !== width) {
      findings.error(
        `a table row has ${open.cells.length} cells but the header has ${width}; check the tabs between cells`,
        open.line,
        endLine,
      );
    }
    rows.push(open.cells);
    open = null;
  };
  let index = start + 1;
  for (; index < lines.length; index++) {
    const { text, line } = lines[index]!;
    const cells = cellsOf(text);
    if (open && startsNextRow(open.cells[0]!, cells)) {
      // A row printed with its last cells empty, and no tabs for them: the next row begins.
      findings.warn(
        `a table row has ${open.cells.length} cells but the header has ${width}; the last ones are left empty`,
        open.line,
      );
      open.cells.push(...Array.from({ length: width - open.cells.length }, () => ''));
      close(line);
    }
    if (open) {
      // A wrapped cell: the line's first part ends the open cell, the rest are further cells.
      const cell = open.cells.length - 1;
      open.cells[cell] = joinPageBrokenLines(open.cells[cell]!, cells[0]!);
      open.cells.push(...cells.slice(1));
      if (open.cells.length >= width) close(line);
      continue;
    }
    // Inside a table, a row whose last cells are empty ends in tabs.
    if (!text.includes('\t')) break;
    if (isRuleRow(cells)) continue;
    open = { cells, line };
    if (cells.length >= width) close(line);
  }
  close(lines[index - 1]!.line);
  return { rows: rows.map((row) => row.map(normalizeCell)), end: index };
}
