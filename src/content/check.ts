/**
 * `npm run check`: validates content with the same reader as the build, and reports every
 * problem and warning in one run, one line each, then a summary.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { readArchive } from './archive';
import { compareProblems, displayPath, formatProblem, type ContentProblem } from './errors';
import { markdownCache } from './markdown-cache';

export interface CheckOptions {
  contentDir: string;
  /** Paths (files or folders, relative to `cwd` or absolute) to report on; all when empty. */
  paths?: string[];
  cwd?: string;
  /** Folders besides the content folder that its symbolic links may lead into. */
  linkRoots?: string[];
  /** Where to keep the Markdown verdicts between runs (markdown-cache.ts); none when absent. */
  cacheDir?: string;
}

export interface CheckResult {
  errors: ContentProblem[];
  warnings: ContentProblem[];
  /** Content files in the checked paths. */
  files: number;
  /** Lines to print: one per problem, in file order. */
  lines: string[];
}

/**
 * Cross-document rules (unique numbers and slugs, cumulative issue numbers) need the whole
 * archive, so it is always read; `paths` narrows what is reported, not what is checked.
 */
export function checkContent({ contentDir, paths = [], cwd = process.cwd(), linkRoots, cacheDir }: CheckOptions): CheckResult {
  const absoluteContent = resolve(cwd, contentDir);
  const projectRoot = resolve(absoluteContent, '..');
  const scopes = paths.map((path) => {
    const absolute = resolve(cwd, path);
    const inContent = relative(absoluteContent, absolute);
    if (inContent.startsWith('..') || isAbsolute(inContent)) {
      throw new CheckUsageError(`${path} is not inside the content folder ${absoluteContent}`);
    }
    return displayPath(absolute, cwd);
  });
  const inScope = (file: string) =>
    scopes.length === 0 || scopes.some((scope) => scope === '.' || file === scope || file.startsWith(`${scope}/`));
  const cache = cacheDir === undefined ? undefined : markdownCache(cacheDir);
  const result = readArchive(absoluteContent, projectRoot, { cwd, markdown: cache ? (text) => cache.problems(text) : true, linkRoots });
  cache?.save();
  const errors = result.problems.filter((problem) => inScope(problem.file));
  const warnings = result.warnings.filter((problem) => inScope(problem.file));
  return {
    errors,
    warnings,
    files: result.files.filter(inScope).length,
    lines: [...errors, ...warnings].sort(compareProblems).map(formatProblem),
  };
}

export class CheckUsageError extends Error {}

export function summary({ errors, warnings, files }: CheckResult, seconds: number): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(files, 'file')} checked, ${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')} (${seconds.toFixed(2)} s)`;
}
