/**
 * `npm run import`: one issue from a PDF or its extracted text into the content folder.
 *
 * Exit codes: 0 imported; 1 imported, but the TOC and the documents disagree, something could
 * not be classified, or the archive reader found problems; 2 nothing written (bad arguments,
 * unreadable input, or files that would be overwritten without --force).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { load } from 'js-yaml';
import { GAZETTE_FILE, GAZETTE_ID, ISSUE_FILE, issueFolderName } from '../content/schema';
import { formatProblem, type ContentProblem } from '../content/errors';
import { importIssueText, type ImportResult } from './import-issue';
import { extractPdfText, PdfReadError } from './pdf-text';
import { formatFinding } from './report';
import { validateInPlace, validateStaged, type IssueLocation } from './validate-issue';
import { gazetteDifferences, planFiles, strayDocuments, writePlannedFiles, type PlannedFile } from './write-issue';

export interface ImportOptions {
  /** The issue: a .pdf, or text extracted from one (UTF-8). */
  input: string;
  /** The content folder. */
  content: string;
  /** The gazette's folder name; default the content folder's only gazette. */
  gazette?: string;
  /** The issue folder; default <content>/<gazette>/<year>/<NN>. */
  out?: string;
  force?: boolean;
  dryRun?: boolean;
  /** Where to save the text extracted from a PDF (the line numbers in reports refer to it). */
  saveText?: string;
  /** The cache folder for the check's Markdown verdicts (GAZETTE_CACHE_DIR); none when absent. */
  cacheDir?: string;
}

export interface ImportIo {
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

class ImportUsageError extends Error {}

/** A path as the editor would type it: relative inside the working folder, else absolute. */
function shownPath(cwd: string, path: string): string {
  const inside = relative(cwd, path);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? resolve(path) : inside;
}

function isPdf(path: string, bytes: Uint8Array): boolean {
  return /\.pdf$/iu.test(path) || new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-';
}

async function readInput(path: string): Promise<{ text: string; pdf: boolean }> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ImportUsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (isPdf(path, bytes)) {
    try {
      return { text: await extractPdfText(bytes), pdf: true };
    } catch (error) {
      if (error instanceof PdfReadError) throw new ImportUsageError(`${path}: ${error.message}`);
      throw new ImportUsageError(`${path} is not a readable PDF: ${(error as Error).message}`);
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), pdf: false };
  } catch {
    throw new ImportUsageError(
      `${path} is not UTF-8 text (GBK?); convert it, e.g. \`iconv -f GBK -t UTF-8\`, or import the PDF itself`,
    );
  }
}

function gazetteFolders(content: string): string[] {
  return existsSync(content)
    ? readdirSync(content).filter((name) => GAZETTE_ID.test(name) && statSync(join(content, name)).isDirectory())
    : [];
}

function gazetteFolder(content: string, requested: string | undefined): string {
  if (requested !== undefined) {
    if (!GAZETTE_ID.test(requested))
      throw new ImportUsageError(`--gazette "${requested}" must be lower-case ASCII letters, digits and hyphens`);
    return requested;
  }
  const folders = gazetteFolders(content);
  if (folders.length === 1) return folders[0]!;
  throw new ImportUsageError(
    folders.length === 0
      ? `no gazette folder in ${content}; name the new one with --gazette <id> (lower-case ASCII, e.g. zibo)`
      : `${content} holds several gazette folders (${folders.join(', ')}); choose one with --gazette <id>`,
  );
}

/** `<gazette>/<year>/<NN>` when `dir` is an issue folder's place in the content folder. */
function issuePlace(content: string, dir: string): { gazetteId: string; year: string; issue: string } | null {
  const parts = relative(content, dir).split(sep);
  if (parts.length !== 3 || parts[0] === '..' || isAbsolute(relative(content, dir))) return null;
  const [gazetteId, year, issue] = parts as [string, string, string];
  return GAZETTE_ID.test(gazetteId) && /^\d{4}$/u.test(year) && /^\d{2}$/u.test(issue)
    ? { gazetteId, year, issue }
    : null;
}

/**
 * Why an issue written with --out outside the content folder's issue places is checked on its
 * own, or null when it belongs to the gazette the import chose: named by --gazette, or the
 * content folder's only gazette when that one has no gazette.yaml yet or the same name as the cover.
 */
function standaloneReason(
  content: string,
  shownContent: string,
  options: ImportOptions,
  coverName: string | undefined,
): string | null {
  if (options.gazette !== undefined) return null;
  const folders = gazetteFolders(content);
  if (folders.length !== 1)
    return `${shownContent} holds ${folders.length === 0 ? 'no gazette folder' : 'several gazette folders'} and no --gazette was given`;
  const file = join(content, folders[0]!, GAZETTE_FILE);
  let name: unknown;
  try {
    name = (load(readFileSync(file, 'utf8')) as { name?: unknown } | null)?.name;
  } catch {
    return null; // No readable gazette.yaml: the check against the gazette reports what is wrong with it.
  }
  return name === undefined || coverName === undefined || String(name).trim() === coverName.trim()
    ? null
    : `the cover names ${coverName}, not ${String(name)} (${join(shownContent, folders[0]!)}); give --gazette ${folders[0]} to check it against that gazette`;
}

/**
 * The files to write, with gazette.yaml only when the gazette has none yet (never for a
 * standalone issue: `gazetteFile` null); and how many
 * warnings were printed (fields of an existing gazette.yaml that the 简介 page gives otherwise).
 */
function targetFiles(
  result: ImportResult,
  gazetteFile: string | null,
  issueDir: string,
  io: ImportIo,
): { files: { path: string; content: string }[]; warnings: number } {
  const files: { path: string; content: string }[] = [];
  let warnings = 0;
  const gazette = result.gazette!;
  if (gazetteFile !== null && existsSync(gazetteFile)) {
    const differences = gazette.aboutPage ? gazetteDifferences(readFileSync(gazetteFile, 'utf8'), gazette.values) : [];
    for (const difference of differences) {
      io.err(`${shownPath(io.cwd, gazetteFile)}: warning: ${difference} (edit gazette.yaml by hand if it changed)`);
    }
    warnings = differences.length;
  } else if (gazetteFile !== null) {
    files.push({ path: gazetteFile, content: gazette.content });
  }
  files.push({ path: join(issueDir, ISSUE_FILE), content: result.issue!.content });
  for (const document of result.documents)
    files.push({ path: join(issueDir, `${document.slug}.md`), content: document.content });
  return { files, warnings };
}

/**
 * The placeholders of a gazette.yaml this import creates are the editor's to-do list, not
 * import errors: they are set apart and reported as fields to fill.
 */
function fieldsToFill(
  problems: ContentProblem[],
  plan: readonly PlannedFile[],
  result: ImportResult,
  shownGazetteFile: string,
  gazetteFile: string,
) {
  const created = plan.some(({ path, action }) => path === gazetteFile && action === 'create');
  const fields = new Set(created ? result.gazette!.toFill.map(({ field }) => field) : []);
  const isToFill = (problem: ContentProblem) =>
    problem.file === shownGazetteFile &&
    fields.has(problem.field as 'name') &&
    problem.message.startsWith('placeholder ');
  return { toFill: problems.filter(isToFill), rest: problems.filter((problem) => !isToFill(problem)) };
}

/** The gazette folder's name a standalone issue is checked under (any valid one: nothing else is there). */
const STANDALONE_GAZETTE = 'standalone';

function validate(
  plan: readonly PlannedFile[],
  location: IssueLocation,
  issueDir: string,
  gazetteFile: string,
  standalone: { gazetteYaml: string } | null,
  options: ImportOptions,
  io: ImportIo,
): ContentProblem[] {
  const canonical = resolve(io.cwd, location.contentDir, location.gazetteId, location.year, location.issue);
  // The cache keeps only the verdicts of its last run, so only a check of the whole content folder may save it.
  if (!options.dryRun && resolve(io.cwd, issueDir) === canonical)
    return validateInPlace(location, io.cwd, { cacheDir: options.cacheDir });
  const issueFiles = new Map(
    plan.filter(({ path }) => path !== gazetteFile).map(({ path, content }) => [basename(path), content]),
  );
  const shown = { issueDir: shownPath(io.cwd, issueDir), gazetteFile: shownPath(io.cwd, gazetteFile) };
  if (standalone) {
    // The gazette.yaml from the cover is not written: only the issue's own problems are the editor's.
    return validateStaged({ ...location, contentDir: null }, issueFiles, standalone.gazetteYaml, shown).filter(
      ({ file }) => file !== shown.gazetteFile,
    );
  }
  const gazette = plan.find(({ path }) => path === gazetteFile)?.content ?? null;
  return validateStaged({ ...location, contentDir: resolve(io.cwd, location.contentDir) }, issueFiles, gazette, shown);
}

/** Runs an import; returns the exit code. */
export async function runImport(options: ImportOptions, io: ImportIo): Promise<number> {
  const at = (path: string) => resolve(io.cwd, path);
  try {
    const input = await readInput(at(options.input));
    if (options.saveText !== undefined && options.dryRun) {
      io.err(`${options.saveText}: note: not saved, as a dry run writes nothing`);
    } else if (options.saveText !== undefined) {
      if (existsSync(at(options.saveText)) && !options.force)
        throw new ImportUsageError(`${options.saveText} exists; use --force to overwrite it`);
      writeFileSync(at(options.saveText), input.text);
    }
    const result = importIssueText(input.text);
    // Line numbers refer to the text: for a PDF, the text extracted from it.
    const shownInput = input.pdf && options.saveText !== undefined ? options.saveText : options.input;
    for (const finding of result.findings) io.err(formatFinding(shownInput, finding));
    if (input.pdf && options.saveText === undefined && result.findings.some(({ line }) => line !== undefined)) {
      io.err(
        `${options.input}: note: line numbers refer to the text extracted from the PDF; save it with --save-text <file> to look them up`,
      );
    }
    if (!result.paged && result.documents.length > 0) {
      io.err(`${shownInput}: note: the text has no page breaks, so the documents' pages come from the TOC unchecked`);
    }
    if (!result.issue) return 1;

    // --out at an issue's place in the content folder puts it in that gazette; elsewhere, it is
    // the chosen gazette's issue unless the cover names another gazette.
    const place = options.out === undefined ? null : issuePlace(at(options.content), at(options.out));
    if (place && options.gazette !== undefined && place.gazetteId !== options.gazette) {
      throw new ImportUsageError(
        `--out ${options.out} is in the gazette folder ${place.gazetteId}, not ${options.gazette}`,
      );
    }
    const standalone =
      options.out !== undefined && !place
        ? standaloneReason(
            at(options.content),
            shownPath(io.cwd, at(options.content)),
            options,
            result.gazette!.values.name,
          )
        : null;
    const gazetteId =
      place?.gazetteId ??
      (standalone === null ? gazetteFolder(at(options.content), options.gazette) : STANDALONE_GAZETTE);
    const year = place?.year ?? String(result.issue.values.year);
    const issue = place?.issue ?? issueFolderName(result.issue.values.number);
    const gazetteFile = join(options.content, gazetteId, GAZETTE_FILE);
    const issueDir = options.out ?? join(options.content, gazetteId, year, issue);
    const targets = targetFiles(result, standalone === null ? at(gazetteFile) : null, at(issueDir), io);
    const plan = planFiles(targets.files);
    const show = (path: string) => shownPath(io.cwd, path);
    const conflicts = plan.filter(({ action }) => action === 'overwrite');
    if (conflicts.length > 0 && !options.force) {
      io.err(
        `refusing to overwrite ${conflicts.length === 1 ? 'an existing file that differs' : `${conflicts.length} existing files that differ`} from the import (use --force to overwrite):`,
      );
      for (const { path } of conflicts) io.err(`  ${show(path)}`);
      return 2;
    }
    const strays = strayDocuments(
      at(issueDir),
      result.documents.map(({ slug }) => slug),
    );
    for (const stray of strays) {
      io.err(
        `${show(stray)}: warning: already in the issue folder but not produced by this import; remove it if it is a leftover`,
      );
    }
    if (options.dryRun) {
      for (const { path, content, action } of plan) {
        io.out(
          `=== ${show(path)} (${action === 'create' ? 'would create' : action === 'overwrite' ? 'would overwrite' : 'unchanged'})`,
        );
        io.out(content.replace(/\n$/u, ''));
      }
    } else {
      writePlannedFiles(plan);
    }
    const location: IssueLocation = { contentDir: options.content, gazetteId, year, issue };
    if (standalone !== null) {
      io.err(
        `${show(at(issueDir))}: note: checked on its own (schema and the rules within the issue), not against a gazette's other issues: ${standalone}`,
      );
    }
    const checked = validate(
      plan,
      location,
      at(issueDir),
      at(gazetteFile),
      standalone === null ? null : { gazetteYaml: result.gazette!.content },
      options,
      io,
    );
    const { toFill, rest: problems } = fieldsToFill(checked, plan, result, show(at(gazetteFile)), at(gazetteFile));
    for (const problem of problems) io.err(formatProblem(problem));
    const whatOf = new Map(result.gazette!.toFill.map(({ field, what }) => [field as string, what]));
    for (const { file, line, column, field } of toFill) {
      io.err(
        `${file}:${line}:${column}: ${field}: to fill in: the issue does not print the ${whatOf.get(field)}; replace the placeholder (npm run check and the build refuse it until then)`,
      );
    }

    // The drop list: what the import left out as layout, so the editor can see nothing else was.
    for (const { line, text, reason } of result.accounting.dropped)
      io.out(`${shownInput}:${line}: dropped (${reason}): ${text}`);
    const count = (action: PlannedFile['action']) => plan.filter((file) => file.action === action).length;
    const errors =
      result.findings.filter(({ severity }) => severity === 'error').length +
      problems.filter(({ severity }) => severity !== 'warning').length;
    const warnings = result.findings.length + problems.length - errors + targets.warnings + strays.length;
    io.out(
      `${options.dryRun ? 'dry run: would import' : 'imported'} ${result.documents.length} document${result.documents.length === 1 ? '' : 's'} into ${show(at(issueDir))}: ` +
        `${count('create')} new, ${count('overwrite')} overwritten, ${count('unchanged')} unchanged` +
        `${result.furniture > 0 ? `; dropped ${result.furniture} running-header and page-number lines` : ''}; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` +
        `${toFill.length > 0 ? `; ${show(at(gazetteFile))}: ${toFill.length} field${toFill.length === 1 ? '' : 's'} to fill in (${toFill.map(({ field }) => field).join(', ')})` : ''}`,
    );
    return errors > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ImportUsageError) {
      io.err(`npm run import: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
