import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lookupContext } from '../../domain/number-lookup';
import { classifyNumberQuery, lookupNumber } from '../state';
import { SEARCH_GLOBAL } from './files';
import type { SearchRecord } from '../records';
import { buildSearchIndex, searchIndexFiles, writeSearchIndex, type WriteSearchIndexOptions } from './offline-index';
import { decodePostings, shardOf } from './terms';

function doc(url: string, text: string, extra: Partial<SearchRecord> = {}): SearchRecord {
  const id = url.replace(/\/index\.html$/u, '');
  return {
    id,
    meta: { title: text.split('\n')[0]! },
    filters: {},
    sort: { date: '2020-01-01' },
    text,
    weights: [],
    ...extra,
  };
}

describe('buildSearchIndex', () => {
  const docs = [
    doc('b/index.html', '人才贷\n人才'),
    doc('a/index.html', '人才\n贷款', { filters: { year: ['2020年'] } }),
  ];

  it('orders documents by URL and stores bigram positions and character counts in their shards', () => {
    const index = buildSearchIndex(docs);
    expect(index.manifest.documents.map((d) => d.url)).toEqual(['a/index.html', 'b/index.html']);
    expect(index.texts).toEqual(['人才\n贷款', '人才贷\n人才']);
    const shard = (term: string) => index.shards[shardOf(term, index.manifest.shardCount)]!;
    expect(decodePostings(shard('人才')['人才']!, true)).toEqual([
      { doc: 0, values: [0] },
      { doc: 1, values: [0, 4] },
    ]);
    expect(decodePostings(shard('贷')['贷']!, false)).toEqual([
      { doc: 0, values: [1] },
      { doc: 1, values: [1] },
    ]);
    expect(index.manifest.averageLength).toBe(6);
  });

  it('weights a character count by the weighted range it stands in', () => {
    const index = buildSearchIndex([doc('a/index.html', '贷\n贷', { weights: [[0, 1, 10]] })]);
    expect(decodePostings(index.shards[shardOf('贷', index.manifest.shardCount)]!['贷']!, false)).toEqual([
      { doc: 0, values: [11] },
    ]);
  });

  it('spreads terms over more shards as the index grows', () => {
    const text = Array.from({ length: 4000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join('');
    const small = buildSearchIndex([doc('a/index.html', text)], { targetShardBytes: 1_000_000 });
    const sharded = buildSearchIndex([doc('a/index.html', text)], { targetShardBytes: 4096 });
    expect(small.manifest.shardCount).toBe(1);
    expect(sharded.manifest.shardCount).toBeGreaterThan(8);
    expect(Number.isInteger(Math.log2(sharded.manifest.shardCount))).toBe(true);
  });

  it('builds the document-number table with mirror-relative URLs', () => {
    const index = buildSearchIndex([
      doc('2020/07/x/index.html', '标题', {
        meta: { title: '标题', number: '淄政办字[2020]56号', date: '2020-05-26' },
        filters: { issuer: ['市政府'] },
      }),
    ]);
    expect(index.manifest.numbers).toEqual({
      '淄政办字〔2020〕56号': {
        url: '2020/07/x/index.html',
        title: '标题',
        number: '淄政办字〔2020〕56号',
        date: '2020-05-26',
        issuers: ['市政府'],
      },
    });
  });

  it("keys orders for the archive's gazette and carries that context, so an order cited in short is found", () => {
    const order = doc('2020/02/szfl-103/index.html', '规定', {
      meta: { title: '规定', number: '淄博市人民政府令第103号', date: '2020-02-01' },
    });
    const index = buildSearchIndex([order], { numberContext: lookupContext('淄博市人民政府公报') });
    expect(index.manifest.numberContext).toEqual({ locality: { name: '淄博市', level: '市' } });
    for (const query of ['市政府令第103号', '淄博市人民政府令103号', '淄博市政府令第103号']) {
      const found = lookupNumber(classifyNumberQuery(query)!, index.manifest.numbers, index.manifest.numberContext);
      expect([query, found?.url]).toEqual([query, '2020/02/szfl-103/index.html']);
    }
    // Without the gazette, 市 names no government: the short form stays unresolved.
    const bare = buildSearchIndex([order]);
    expect(bare.manifest.numberContext).toEqual({});
    expect(
      lookupNumber(classifyNumberQuery('市政府令第103号')!, bare.manifest.numbers, bare.manifest.numberContext),
    ).toBeNull();
  });

  it('is deterministic: the same documents in any order give the same files', () => {
    const files = (input: SearchRecord[]) => [...searchIndexFiles(buildSearchIndex(input))];
    expect(files([...docs].reverse())).toEqual(files(docs));
  });
});

describe('searchIndexFiles', () => {
  it('writes classic scripts that store the index in the global registry', () => {
    const index = buildSearchIndex([doc('a/index.html', '人才贷\u2028')]);
    const files = searchIndexFiles(index);
    expect([...files.keys()]).toEqual(['manifest.js', 'shards/0.js', 'texts/0.js']);
    const sandbox: Record<string, unknown> = {};
    sandbox.self = sandbox;
    for (const source of files.values()) runInNewContext(source, sandbox);
    const registry = sandbox[SEARCH_GLOBAL] as Record<string, unknown>;
    expect(registry.manifest).toEqual(index.manifest);
    expect(registry['shard/0']).toEqual(index.shards[0]);
    expect(registry['text/0']).toBe('人才贷\u2028');
    expect(files.get('texts/0.js')).toContain('\\u2028');
  });
});

describe('writeSearchIndex', () => {
  // Han text from a fixed sequence, with words, numbers and a weighted title, in no URL order.
  const han = (seed: number, length: number) =>
    Array.from({ length }, (_, i) => String.fromCodePoint(0x4e00 + (((seed + i) * 7919) % 3000))).join('');
  const records = Array.from({ length: 12 }, (_, n) =>
    doc(
      `2020/${String((n * 5) % 12).padStart(2, '0')}/d-${n}/index.html`,
      `${han(n, 20)}\n${han(n * 3, 300)} APP 2020 ${n}号`,
      {
        meta: { title: han(n, 20), number: `淄政字〔2020〕${n}号`, date: '2020-05-26' },
        weights: [[0, 20, 10]],
      },
    ),
  );

  async function written(options: WriteSearchIndexOptions): Promise<[string, string][]> {
    const files = new Map<string, string>();
    async function* read() {
      yield* records;
    }
    await writeSearchIndex(read, async (path, content) => void files.set(path, content), options);
    return [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  it('writes the same files as the one-pass build, with more or fewer shards than term groups', async () => {
    for (const targetShardBytes of [1_000_000, 4096, 256]) {
      const expected = [...searchIndexFiles(buildSearchIndex(records, { targetShardBytes }))];
      const shardCount = buildSearchIndex(records, { targetShardBytes }).manifest.shardCount;
      for (const groups of [1, 4, 32]) {
        expect([targetShardBytes, groups, shardCount, await written({ targetShardBytes, groups })]).toEqual([
          targetShardBytes,
          groups,
          shardCount,
          expected,
        ]);
      }
    }
  });
});
