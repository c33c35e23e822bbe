import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleDir, placeTree, pruneCache, settle, shardKey, type ShardKeyInput } from './bundle-cache';

const work = mkdtempSync(join(tmpdir(), 'gazette-bundle-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const INPUT: ShardKeyInput = {
  pagefindVersion: '1.6.0',
  indexOptions: {},
  chunkSize: 4000,
  pages: [
    { url: '/2020/07/a/', hash: 'aa' },
    { url: '/2020/07/b/', hash: 'bb' },
  ],
};

describe('shardKey', () => {
  it('is the same for the same pages and settings', () => {
    expect(shardKey(INPUT)).toBe(shardKey({ ...INPUT, pages: INPUT.pages.map((page) => ({ ...page })) }));
    expect(shardKey(INPUT)).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('changes with a page, its hash, the Pagefind version, the chunk size or the indexing options', () => {
    const keys = [
      shardKey(INPUT),
      shardKey({ ...INPUT, pages: INPUT.pages.slice(1) }),
      shardKey({ ...INPUT, pages: [INPUT.pages[0]!, { url: '/2020/07/b/', hash: 'bc' }] }),
      shardKey({ ...INPUT, pagefindVersion: '1.6.1' }),
      shardKey({ ...INPUT, chunkSize: 1500 }),
      shardKey({ ...INPUT, indexOptions: { forceLanguage: 'zh-cn' } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the keys of earlier builds, which name the output folders of older shards', () => {
    // sha256 of {"format":1,"pagefind":"x","indexOptions":{},"chunkSize":"4000"} then "\n/a/\taa".
    expect(
      shardKey({ pagefindVersion: 'x', indexOptions: {}, chunkSize: 4000, pages: [{ url: '/a/', hash: 'aa' }] }),
    ).toBe('b06231b42c188a5823a0f144dbbfb5c03383550866581134a2e01809e663e43e');
  });
});

describe('placeTree', () => {
  it('places every file of a bundle, in its folders, and counts files and bytes', async () => {
    const from = join(work, 'bundle');
    mkdirSync(join(from, 'index'), { recursive: true });
    writeFileSync(join(from, 'pagefind-entry.json'), '{}');
    writeFileSync(join(from, 'index/en_1.pf_index'), 'abcdef');
    const to = join(work, 'site/pagefind/shards/2019');
    expect(await placeTree(from, to)).toEqual({ bytes: 8, files: 2 });
    expect(readFileSync(join(to, 'index/en_1.pf_index'), 'utf8')).toBe('abcdef');
  });
});

describe('settle', () => {
  it('moves a finished folder into place, or keeps the copy another build settled first', async () => {
    const staging = join(work, 'staging');
    mkdirSync(staging);
    writeFileSync(join(staging, 'f'), '1');
    await settle(staging, join(work, 'final'));
    expect(readFileSync(join(work, 'final/f'), 'utf8')).toBe('1');
    mkdirSync(staging);
    writeFileSync(join(staging, 'g'), '2');
    mkdirSync(join(work, 'final/not-empty'), { recursive: true });
    await settle(staging, join(work, 'final'));
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(join(work, 'final/f'))).toBe(true);
  });
});

describe('pruneCache', () => {
  it('removes cached shards unused for two weeks and nothing else', async () => {
    const cache = join(work, 'cache');
    const old = bundleDir(cache, 'old');
    const recent = bundleDir(cache, 'recent');
    mkdirSync(old, { recursive: true });
    mkdirSync(recent, { recursive: true });
    mkdirSync(join(cache, 'runtime-1.6.0'));
    const now = statSync(recent).mtimeMs;
    const longAgo = new Date(now - 15 * 24 * 60 * 60 * 1000);
    utimesSync(old, longAgo, longAgo);
    utimesSync(join(cache, 'runtime-1.6.0'), longAgo, longAgo);
    await pruneCache(cache, now);
    expect([existsSync(old), existsSync(recent), existsSync(join(cache, 'runtime-1.6.0'))]).toEqual([
      false,
      true,
      true,
    ]);
  });
});
