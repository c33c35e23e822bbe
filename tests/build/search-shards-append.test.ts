/**
 * Stable search shards (src/search/pagefind/shards.ts) on a generated archive of 250 documents
 * (2024 and the first issue of 2025) in shards of 100: adding the next issue of 2025, then the
 * first issue of 2026, re-indexes only the parts of the open block its documents are dated in
 * (the newest part, and the one before it when they reach back past that part's first date),
 * the closed blocks keep their ids and folders, and the result equals a clean build of the same
 * content, and what the search step run alone on the built pages writes (scripts/search-index.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  generateArchive,
  generateIssue,
  planArchive,
  type BenchArchiveOptions,
  type GeneratedFile,
} from '../../src/bench/generate';
import { readArchiveTexts } from '../../src/bench/text-source';
import type { ShardEntry, ShardManifest } from '../../src/search/pagefind/shards';
import { astroBuild, REPO_ROOT } from '../helpers/astro-build';
import { digests } from '../helpers/built-site';
import { childEnv } from '../helpers/child-env';

const work = join(dirname(inject('outRoot')), 'search-shards-append');
const contentDir = join(work, 'content');
const out = join(work, 'incremental');
const options: BenchArchiveOptions = { documents: 250, texts: readArchiveTexts(join(REPO_ROOT, 'content')) };
const plan = planArchive(options);
/** Documents per search shard: 250 documents make two closed blocks and an open one in parts. */
const SHARD_SIZE = 100;

function write(files: Iterable<GeneratedFile>): void {
  for (const file of files) {
    mkdirSync(dirname(join(contentDir, file.path)), { recursive: true });
    writeFileSync(join(contentDir, file.path), file.content);
  }
}

/** Builds with the shard cache in `cache`; returns the shards Pagefind indexed (the others came from the cache). */
async function build(outDir: string, cache: string): Promise<string[]> {
  process.env.GAZETTE_SEARCH_CACHE_DIR = cache;
  const result = await astroBuild({ base: '/', outDir, contentDir });
  expect(result.code, result.output.split('\n').slice(-40).join('\n')).toBe(0);
  return [...result.output.matchAll(/Indexed shard (\S+) \(/gu)].map((match) => match[1]!);
}

function manifest(outDir: string): ShardManifest {
  return JSON.parse(readFileSync(join(outDir, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
}

/** The closed blocks: shards of a whole block's documents, which an added issue must leave alone. */
function closed(shards: ShardEntry[]): ShardEntry[] {
  return shards.filter((shard) => shard.documents >= SHARD_SIZE);
}

/**
 * The shards an added issue re-indexes: the open block's parts its documents are dated in. An
 * issue's documents are dated before it, so they may reach back past the newest part's first date.
 */
function landedIn(shards: ShardEntry[], added: GeneratedFile[]): string[] {
  const dates = added.flatMap((file) => file.content.match(/^date: (\S+)$/mu)?.[1] ?? []);
  expect(dates.length).toBe(added.length - 1); // every file but the issue's own
  return shards.filter((shard) => dates.some((date) => date >= shard.from && date <= shard.to)).map((s) => s.id);
}

let first: ShardManifest;

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  write(generateArchive(options));
  process.env.GAZETTE_SEARCH_SHARD_SIZE = String(SHARD_SIZE);
  process.env.GAZETTE_BUILD_DATE = '2026-06-30';
  const indexed = await build(out, join(work, 'cache'));
  first = manifest(out);
  expect(indexed).toHaveLength(first.shards.length);
  expect(first.shards.length).toBeGreaterThanOrEqual(3);
}, 300_000);

afterAll(() => {
  delete process.env.GAZETTE_SEARCH_SHARD_SIZE;
  delete process.env.GAZETTE_SEARCH_CACHE_DIR;
  delete process.env.GAZETTE_BUILD_DATE;
});

describe('stable search shards', () => {
  let second: ShardManifest;

  it('re-indexes only the open block’s parts the next issue of the newest year lands in', async () => {
    const added = generateIssue(options, plan, plan.issues);
    expect(added[0]!.path).toMatch(/^shili\/2025\/02\//u);
    write(added);
    const indexed = await build(out, join(work, 'cache'));
    second = manifest(out);
    expect(indexed.sort()).toEqual(landedIn(second.shards, added).sort());
    expect(indexed).toContain(second.shards[0]!.id);
    expect(closed(second.shards)).toEqual(closed(first.shards));
    expect(closed(second.shards).length).toBeGreaterThanOrEqual(2);
    const open = (m: ShardManifest) => m.shards.length - closed(m.shards).length;
    expect(open(second)).toBeLessThanOrEqual(2);
    const documents = (m: ShardManifest) => m.shards.reduce((sum, shard) => sum + shard.documents, 0);
    expect(documents(second)).toBe(documents(first) + added.length - 1);
  }, 300_000);

  it('re-indexes only the open block’s parts the first issue of a new year lands in', async () => {
    const added = generateIssue(options, plan, 2 * plan.issuesPerYear);
    expect(added[0]!.path).toMatch(/^shili\/2026\/01\//u);
    write(added);
    const indexed = await build(out, join(work, 'cache'));
    const third = manifest(out);
    expect(indexed.sort()).toEqual(landedIn(third.shards, added).sort());
    expect(indexed).toContain(third.shards[0]!.id);
    expect(closed(third.shards)).toEqual(closed(second.shards));
    expect(third.shards[0]!.to.startsWith('2026-')).toBe(true);
  }, 300_000);

  it('builds the same search index as a clean build of the same content', async () => {
    const clean = join(work, 'clean');
    const indexed = await build(clean, join(work, 'cache-clean'));
    expect(indexed).toHaveLength(manifest(clean).shards.length);
    expect(digests(join(clean, 'pagefind'))).toEqual(digests(join(out, 'pagefind')));
  }, 300_000);

  it('is rebuilt the same by the search step alone (scripts/search-index.ts), shards side by side', () => {
    const copy = join(work, 'search-index');
    rmSync(copy, { recursive: true, force: true });
    cpSync(out, copy, { recursive: true });
    rmSync(join(copy, 'pagefind'), { recursive: true });
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/search-index.ts', copy, '--shard-size', String(SHARD_SIZE)],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: childEnv({ NO_COLOR: '1' }),
      },
    );
    expect(run.status, run.stderr).toBe(0);
    // One Pagefind service per core, each shard small enough for the memory budget.
    const shards = manifest(out).shards.length;
    const atOnce = Math.min(shards, availableParallelism());
    expect(run.stdout).toContain(`${shards} shards, at most ${atOnce} at once`);
    expect(digests(join(copy, 'pagefind'))).toEqual(digests(join(out, 'pagefind')));
  }, 300_000);
});
