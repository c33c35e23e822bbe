/**
 * The verdicts of markdown-check.ts, kept between runs of `npm run check`: the parse of every
 * body is most of check's time (README "Check" gives the figures),
 * and an edit touches a few bodies. A verdict depends on the text and on the code that judged
 * it, so an entry is keyed by the hash of the text, and the whole cache by a fingerprint of
 * that code: the sources of markdown-check.ts, of the limits and of the remark plugins, the
 * installed packages (npm's record of node_modules) and Node's version. A cache written under
 * another fingerprint, or one that cannot be read, is ignored and rebuilt, never trusted.
 *
 * One file, rewritten aside and renamed (no reader sees half of it), with only the entries of
 * the last run in key order: it stays the size of one archive and the same archive writes the
 * same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownProblems, type MarkdownProblem } from './markdown-check';

/** The folder in the cache folder (GAZETTE_CACHE_DIR, default node_modules/.astro) that holds it. */
export const CHECK_CACHE_FOLDER = 'gazette-check';
const CACHE_FILE = 'markdown.json';

export interface MarkdownCache {
  /** markdownProblems(text), from the cache when this code has judged this text before. */
  problems(text: string): MarkdownProblem[];
  /** Writes the entries used since the cache was opened, if anything changed. */
  save(): void;
}

type Entries = Record<string, MarkdownProblem[]>;

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What a verdict depends on besides the text. Project sources are listed by path: the plugin
 * folder whole (a plugin's helpers live beside it), the checker and what it imports.
 */
export function verdictSources(root = PROJECT_ROOT): string[] {
  const plugins = join(root, 'src/markdown');
  return [
    ...['markdown-check.ts', 'body-limits.ts', 'yaml-source.ts'].map((name) => join(root, 'src/content', name)),
    ...readdirSync(plugins)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .sort()
      .map((name) => join(plugins, name)),
    // npm's record of what is installed (remark-parse, micromark, … and their versions); the
    // lock file when node_modules has none.
    installedPackages(root),
  ];
}

function installedPackages(root: string): string {
  const hidden = join(root, 'node_modules/.package-lock.json');
  try {
    readFileSync(hidden);
    return hidden;
  } catch {
    return join(root, 'package-lock.json');
  }
}

/** The hash of the sources' contents and Node's version; null when one cannot be read (no cache then). */
export function verdictFingerprint(sources = verdictSources()): string | null {
  const hash = createHash('sha256').update(process.version);
  try {
    for (const source of sources) hash.update(`\0${source}\0`).update(readFileSync(source));
  } catch {
    return null;
  }
  return hash.digest('base64url');
}

const textKey = (text: string) => createHash('sha256').update(text).digest('base64url');

function isProblem(value: unknown): value is MarkdownProblem {
  const problem = value as MarkdownProblem;
  return (
    typeof problem === 'object' &&
    problem !== null &&
    Number.isInteger(problem.line) &&
    Number.isInteger(problem.column) &&
    typeof problem.message === 'string' &&
    (problem.severity === undefined || problem.severity === 'warning')
  );
}

function readEntries(file: string, fingerprint: string): Entries {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { fingerprint?: unknown; entries?: unknown };
    if (stored?.fingerprint === fingerprint && typeof stored.entries === 'object' && stored.entries !== null) {
      return stored.entries as Entries;
    }
  } catch {
    // Missing or unreadable: judged afresh and rewritten.
  }
  return {};
}

/**
 * A cache in `cacheDir`; with a null fingerprint (sources unreadable, e.g. in a bundle) it
 * judges every text and saves nothing.
 */
export function markdownCache(
  cacheDir: string,
  fingerprint: string | null = verdictFingerprint(),
  judge: (text: string) => MarkdownProblem[] = markdownProblems,
): MarkdownCache {
  if (fingerprint === null) return { problems: judge, save() {} };
  const file = join(cacheDir, CHECK_CACHE_FOLDER, CACHE_FILE);
  const stored = readEntries(file, fingerprint);
  const used: Entries = {};
  let changed = false;
  return {
    problems(text) {
      const key = textKey(text);
      const cached = Object.hasOwn(stored, key) ? stored[key] : undefined;
      if (Array.isArray(cached) && cached.every(isProblem)) {
        used[key] = cached;
        return cached.map((problem) => ({ ...problem }));
      }
      changed = true;
      used[key] = judge(text);
      return used[key].map((problem) => ({ ...problem }));
    },
    save() {
      const keys = Object.keys(used).sort();
      if (!changed && keys.length === Object.keys(stored).length) return;
      const entries = Object.fromEntries(keys.map((key) => [key, used[key]]));
      const staging = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(staging, JSON.stringify({ fingerprint, entries }));
        renameSync(staging, file);
      } catch {
        // A cache that cannot be written (read-only folder, full disk) only costs time next run.
        rmSync(staging, { force: true });
      }
    },
  };
}
