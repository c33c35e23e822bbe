import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBadBodiesArchive } from '../../tests/helpers/edge-archives';
import { checkContent } from './check';
import { markdownProblems, type MarkdownProblem } from './markdown-check';
import { CHECK_CACHE_FOLDER, markdownCache, verdictFingerprint, verdictSources } from './markdown-cache';

let dir: string;
let judged: string[];
const cacheFile = () => join(dir, CHECK_CACHE_FOLDER, 'markdown.json');
const judge = (text: string): MarkdownProblem[] => {
  judged.push(text);
  return text.includes('bad') ? [{ line: 1, column: 2, message: `bad in ${text}` }] : [];
};
/** One run of check: every text through a fresh cache, then saved. */
const run = (texts: string[], fingerprint: string | null = 'v1') => {
  const cache = markdownCache(dir, fingerprint, judge);
  const problems = texts.map((text) => cache.problems(text));
  cache.save();
  return problems;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gazette-markdown-cache-'));
  judged = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('markdownCache', () => {
  it('judges a text once, and gives the same verdict from the cache in the next run', () => {
    const first = run(['good', 'bad one']);
    judged = [];
    expect(run(['good', 'bad one'])).toEqual(first);
    expect(judged).toEqual([]);
    expect(first[1]).toEqual([{ line: 1, column: 2, message: 'bad in bad one' }]);
  });

  it('judges a changed text again', () => {
    run(['good', 'bad one']);
    judged = [];
    run(['good', 'bad two']);
    expect(judged).toEqual(['bad two']);
  });

  it('judges everything again when the code that judged it changed', () => {
    run(['good', 'bad one']);
    judged = [];
    run(['good', 'bad one'], 'v2');
    expect(judged).toEqual(['good', 'bad one']);
  });

  it('ignores a corrupt cache file and rewrites it', () => {
    run(['good']);
    writeFileSync(cacheFile(), '{"fingerprint":"v1","entries":{');
    judged = [];
    expect(run(['good', 'bad one'])).toEqual([[], [{ line: 1, column: 2, message: 'bad in bad one' }]]);
    expect(judged).toEqual(['good', 'bad one']);
    expect(Object.keys(JSON.parse(readFileSync(cacheFile(), 'utf8')).entries)).toHaveLength(2);
  });

  it('judges again an entry of the wrong shape', () => {
    run(['bad one']);
    const stored = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    for (const key of Object.keys(stored.entries)) stored.entries[key] = [{ line: '1', message: 'forged' }];
    writeFileSync(cacheFile(), JSON.stringify(stored));
    judged = [];
    expect(run(['bad one'])).toEqual([[{ line: 1, column: 2, message: 'bad in bad one' }]]);
    expect(judged).toEqual(['bad one']);
  });

  it('keeps only the texts of the last run, in the same bytes whatever their order', () => {
    run(['a', 'b', 'c']);
    run(['c', 'a']);
    const two = readFileSync(cacheFile(), 'utf8');
    expect(Object.keys(JSON.parse(two).entries)).toHaveLength(2);
    rmSync(cacheFile());
    run(['a', 'c']);
    expect(readFileSync(cacheFile(), 'utf8')).toBe(two);
  });

  it('hands out copies, so a caller cannot change a cached verdict', () => {
    const cache = markdownCache(dir, 'v1', judge);
    cache.problems('bad one')[0].line = 99;
    expect(cache.problems('bad one')[0].line).toBe(1);
  });

  it('keeps nothing without a fingerprint', () => {
    run(['good'], null);
    run(['good'], null);
    expect(judged).toEqual(['good', 'good']);
    expect(existsSync(join(dir, CHECK_CACHE_FOLDER))).toBe(false);
  });

  it('gives what markdownProblems gives', () => {
    const text = '正文。\n\n:::warning\n注意\n:::\n';
    const cache = markdownCache(dir, 'v1');
    expect(cache.problems(text)).toEqual(markdownProblems(text));
    cache.save();
    expect(markdownCache(dir, 'v1').problems(text)).toEqual(markdownProblems(text));
  });
});

describe('verdictFingerprint', () => {
  it('covers the checker, its limits, the remark plugins and the installed packages', () => {
    const sources = verdictSources().map((source) => source.replace(/\\/g, '/'));
    for (const name of [
      'src/content/markdown-check.ts',
      'src/content/body-limits.ts',
      'src/markdown/markdown-pipeline.ts',
      'src/markdown/remark-content-is-data.ts',
      'src/markdown/remark-gazette-blocks.ts',
    ]) {
      expect(sources.some((source) => source.endsWith(`/${name}`))).toBe(true);
    }
    expect(sources.some((source) => /package-lock\.json$/.test(source))).toBe(true);
    expect(verdictFingerprint()).toMatch(/^[\w-]{43}$/);
  });

  it('changes when a source changes (a plugin, a limit), and is null when one is missing', () => {
    const plugin = join(dir, 'plugin.ts');
    const limits = join(dir, 'limits.ts');
    writeFileSync(plugin, 'export default 1;');
    writeFileSync(limits, 'export const MAX = 16;');
    const before = verdictFingerprint([plugin, limits]);
    expect(verdictFingerprint([plugin, limits])).toBe(before);
    writeFileSync(limits, 'export const MAX = 17;');
    const after = verdictFingerprint([plugin, limits]);
    expect(after).not.toBe(before);
    writeFileSync(plugin, 'export default 2;');
    expect(verdictFingerprint([plugin, limits])).not.toBe(after);
    expect(verdictFingerprint([plugin, join(dir, 'missing.ts')])).toBeNull();
  });
});

describe('checkContent with the cache', () => {
  it('prints the same lines uncached, cold and warm', () => {
    const content = join(dir, 'content');
    writeBadBodiesArchive(content);
    const check = (cacheDir?: string) => checkContent({ contentDir: content, cwd: dir, cacheDir }).lines;
    const uncached = check();
    expect(uncached.filter((line) => line.includes(': body: '))).toHaveLength(5);
    const cacheDir = join(dir, 'cache');
    expect(check(cacheDir)).toEqual(uncached);
    expect(existsSync(join(cacheDir, CHECK_CACHE_FOLDER, 'markdown.json'))).toBe(true);
    expect(check(cacheDir)).toEqual(uncached);
  });
});
