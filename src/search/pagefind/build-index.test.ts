import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import type { ShardManifest } from './shards';
import { buildPagefindIndex } from './build-index';

const work = mkdtempSync(join(tmpdir(), 'gazette-pagefind-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const logger = { info: () => {}, warn: () => {}, error: () => {} } as unknown as AstroIntegrationLogger;

const DOCUMENTS = [
  { id: '2019/03/a', date: '2019-03-01', title: '关于人才贷的意见', type: '意见' },
  { id: '2020/07/b', date: '2020-05-26', title: '关于融资服务的通知', type: '通知' },
  { id: '2020/08/c', date: '2020-08-02', title: '关于防汛工作的通知', type: '通知' },
];

function site(): string {
  const dir = join(work, 'site');
  mkdirSync(join(dir, 'data'), { recursive: true });
  const lines = DOCUMENTS.map(({ id, date, title, type }) => {
    const year = date.slice(0, 4);
    mkdirSync(join(dir, id), { recursive: true });
    writeFileSync(
      join(dir, id, 'index.html'),
      `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><article data-pagefind-body data-pagefind-sort="date:${date}">` +
        `<h1 data-pagefind-meta="title">${title}</h1><span data-pagefind-filter="type">${type}</span><p>推动业务发展。</p></article></body></html>`,
    );
    const record = {
      id,
      title,
      number: null,
      issuers: ['市政府'],
      date,
      type,
      section: null,
      issue: { year: Number(year) },
      status: '有效',
      text: '推动业务发展。',
    };
    return `${JSON.stringify(record)}\n`;
  });
  writeFileSync(join(dir, 'data/documents.jsonl'), lines.join(''));
  return dir;
}

describe('buildPagefindIndex', () => {
  it('indexes the records’ pages in date shards, counts their filters, and reuses unchanged shards', async () => {
    const dir = site();
    const cacheDir = join(work, 'cache');
    const first = await buildPagefindIndex(dir, logger, { cacheDir, shardDocuments: 2 });
    expect(first).toMatchObject({ indexedPages: 3, shards: 2, rebuiltShards: 2 });
    const manifest = JSON.parse(readFileSync(join(dir, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
    expect(manifest.shards.map(({ id, from, to, documents }) => ({ id, from, to, documents }))).toEqual([
      { id: '2020-08-02', from: '2020-08-02', to: '2020-08-02', documents: 1 },
      { id: '2019-03-01-2020-05-26', from: '2019-03-01', to: '2020-05-26', documents: 2 },
    ]);
    expect(manifest.shards[0]!.path).toBe('');
    expect(manifest.shards[1]!.path).toMatch(/^shards\/2019-03-01-2020-05-26-[0-9a-f]{10}\/$/u);
    expect(manifest.filters).toEqual({
      issuer: { 市政府: 3 },
      status: { 有效: 3 },
      type: { 意见: 1, 通知: 2 },
      year: { '2019年': 1, '2020年': 2 },
    });
    // Both shards were indexed at once, each by a Pagefind service of its own.
    expect(first.parallel).toBe(Math.min(2, availableParallelism()));
    expect(existsSync(join(dir, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(dir, 'pagefind', manifest.shards[1]!.path, 'pagefind-entry.json'))).toBe(true);

    const before = readFileSync(join(dir, 'pagefind/shards.json'), 'utf8');
    const again = await buildPagefindIndex(dir, logger, { cacheDir, shardDocuments: 2 });
    expect(again).toMatchObject({
      indexedPages: 3,
      shards: 2,
      rebuiltShards: 0,
      bytes: first.bytes,
      files: first.files,
    });
    expect(readFileSync(join(dir, 'pagefind/shards.json'), 'utf8')).toBe(before);
  }, 60_000);
});
