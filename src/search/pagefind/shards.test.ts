import { describe, expect, it } from 'vitest';
import {
  addFilterCounts,
  dateOrderWindow,
  openPartDocuments,
  firstAnswerShards,
  planShards,
  sortedCounts,
  type ShardManifest,
  type ShardPage,
} from './shards';

/** `count` pages dated evenly through `year` (ISO dates), URLs unique. */
function year(y: number, count: number, prefix = 'd'): ShardPage[] {
  return Array.from({ length: count }, (_, i) => {
    const month = 1 + Math.floor((i * 12) / count);
    const day = 1 + (i % 28);
    return {
      url: `/${y}/${prefix}-${i}/`,
      date: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    };
  });
}

function ranges(shards: { from: string; to: string }[]): [string, string][] {
  return shards.map((s) => [s.from, s.to]);
}

/** An issue: `count` documents published on `date`. */
function issue(date: string, count: number): ShardPage[] {
  return Array.from({ length: count }, (_, i) => ({ url: `/${date}/${i}/`, date }));
}

/** The ids and paths a build would give the closed shards (all but the newest). */
function closed(shards: { id: string; pages: ShardPage[] }[]): { id: string; urls: string[] }[] {
  return shards.slice(1).map((s) => ({ id: s.id, urls: s.pages.map((p) => p.url) }));
}

describe('planShards', () => {
  it('cuts the documents in date order into blocks of the limit, the open one in halves, newest first', () => {
    const pages = [2015, 2016, 2017, 2018].flatMap((y) => year(y, 100));
    const shards = planShards(pages, 150);
    expect(shards.map((s) => s.pages.length).reduce((a, b) => a + b)).toBe(400);
    // Each block closes at the first change of date after 150 documents; the open block's 100
    // (2018) are cut the same way at 75, half a shard.
    expect(shards.map((s) => s.pages.length)).toEqual([25, 75, 150, 150]);
    expect(shards.map((s) => s.id)).toEqual([
      '2018-10-20-2018-12-16',
      '2018-01-01-2018-09-19',
      '2016-07-01-2017-12-16',
      '2015-01-01-2016-06-22',
    ]);
  });

  it('appends an issue of the newest year to the open shard only', () => {
    const pages = [2018, 2019, 2020].flatMap((y) => year(y, 60));
    const before = planShards(pages, 100);
    const after = planShards([...pages, ...issue('2020-12-31', 10)], 100);
    expect(closed(after)).toEqual(closed(before));
    expect(after).toHaveLength(before.length);
    expect(after[0]!.pages.length).toBe(before[0]!.pages.length + 10);
  });

  it('appends the first issue of a new year to the open shard while it has room', () => {
    const pages = [2018, 2019, 2020].flatMap((y) => year(y, 60));
    const before = planShards(pages, 100);
    expect(before[0]!.pages.length).toBeLessThan(100);
    const after = planShards([...pages, ...issue('2021-01-15', 10)], 100);
    expect(closed(after)).toEqual(closed(before));
    expect(after[0]!.id).toBe(`${before[0]!.from}-2021-01-15`);
    expect(after[0]!.pages.length).toBe(before[0]!.pages.length + 10);
  });

  it('re-plans only the newest part of the open block for a new issue, and never moves a closed block', () => {
    const shardIds = (shards: { id: string }[]) => shards.map((s) => s.id);
    let pages = issue('2020-01-01', 10);
    let previous = planShards(pages, 30);
    let closings = 0;
    // Issues of ten through two years, in shards of 30: the open block's parts hold 15 or more.
    for (let day = 2; day <= 40; day += 1) {
      const date =
        day <= 20 ? `2020-02-${String(day).padStart(2, '0')}` : `2021-01-${String(day - 20).padStart(2, '0')}`;
      pages = [...pages, ...issue(date, 10)];
      const next = planShards(pages, 30);
      const changed = shardIds(next).filter((id) => !shardIds(previous).includes(id));
      const full = previous.filter((s) => s.pages.length < 30).reduce((sum, s) => sum + s.pages.length, 0) >= 30;
      if (full) {
        // The open block closes: its parts give way to one shard, and the issue starts the next block.
        closings += 1;
        expect(next.slice(2).map((s) => s.pages.length)).toEqual(next.slice(2).map(() => 30));
        expect(next[1]!.pages.length).toBe(30);
        expect(changed).toEqual([next[0]!.id, next[1]!.id]);
      } else {
        // Only the newest part changes (or a new part starts beside the one that filled up).
        expect(changed).toEqual([next[0]!.id]);
        const urls = new Map(closed(next).map((s) => [s.id, s.urls]));
        for (const shard of closed(previous)) expect(urls.get(shard.id)).toEqual(shard.urls);
      }
      previous = next;
    }
    expect(closings).toBe(13);
    expect(previous.map((s) => s.pages.length)).toEqual([10, ...Array<number>(13).fill(30)]);
  });

  it('gives every shard a date range of its own, newest first, never splitting a date', () => {
    // A January issue carries documents of the previous December: dates, not issues, decide.
    const pages = [...year(2019, 300), ...year(2020, 300), { url: '/2020/01/late/', date: '2019-12-30' }];
    const shards = planShards(pages, 100);
    for (let i = 1; i < shards.length; i += 1) expect(shards[i]!.to < shards[i - 1]!.from).toBe(true);
    expect(shards.flatMap((s) => s.pages).length).toBe(pages.length);
    expect(shards.find((s) => s.pages.some((p) => p.url === '/2020/01/late/'))!.id.startsWith('2019')).toBe(true);
    const day = Array.from({ length: 5 }, (_, i) => ({ url: `/x/${i}/`, date: '2021-03-05' }));
    const split = planShards([...day, ...day.map((p) => ({ ...p, url: `${p.url}b/`, date: '2021-03-06' }))], 4);
    // A single day is never split (its documents would otherwise sort across two shards).
    expect(split.map((s) => s.id)).toEqual(['2021-03-06', '2021-03-05']);
  });

  it('is deterministic and lists pages in URL order', () => {
    const pages = year(2020, 50);
    const a = planShards(pages, 20);
    const b = planShards([...pages].reverse(), 20);
    expect(b).toEqual(a);
    for (const shard of a) expect(shard.pages.map((p) => p.url)).toEqual(shard.pages.map((p) => p.url).sort());
  });

  it('refuses a page without an ISO date or listed twice', () => {
    expect(() => planShards([{ url: '/a/', date: '2020-5-1' }])).toThrow(
      /\/a\/: sort date "2020-5-1" is not YYYY-MM-DD/,
    );
    expect(() =>
      planShards([
        { url: '/a/', date: '2020-05-01' },
        { url: '/a/', date: '2020-05-02' },
      ]),
    ).toThrow(/indexed twice/);
    expect(planShards([])).toEqual([]);
  });

  it('keeps ranges exact', () => {
    expect(ranges(planShards(year(2020, 10)))).toEqual([['2020-01-01', '2020-11-10']]);
  });
});

describe('firstAnswerShards', () => {
  const manifest = (documents: number[]): ShardManifest => ({
    version: 1,
    shardFilter: '_shard',
    shards: documents.map((n, i) => ({ id: `s${i}`, path: i ? `shards/s${i}/` : '', from: '', to: '', documents: n })),
    filters: {},
    firstAnswerDocuments: openPartDocuments(1500),
  });
  const ids = (documents: number[]) => firstAnswerShards(manifest(documents)).map((s) => s.id);

  it('covers the newest shards until they hold half a shard', () => {
    expect(openPartDocuments(1500)).toBe(750);
    // The open block's newest part holds enough on its own.
    expect(ids([760, 750, 1500])).toEqual(['s0']);
    // It holds the last issue alone: the part before it joins.
    expect(ids([12, 750, 1500])).toEqual(['s0', 's1']);
    expect(ids([12, 700, 40, 1500])).toEqual(['s0', 's1', 's2']);
    // A small archive: all of it.
    expect(ids([12, 30])).toEqual(['s0', 's1']);
    expect(ids([])).toEqual([]);
  });
});

describe('filter counts', () => {
  it('counts each value once per page, in code-point order', () => {
    const counts = {};
    addFilterCounts(counts, { type: ['通知'], issuer: ['乙', '甲', '甲'] });
    addFilterCounts(counts, { type: ['意见'], issuer: ['甲'] });
    expect(JSON.stringify(sortedCounts(counts))).toBe(
      JSON.stringify({ issuer: { 乙: 1, 甲: 2 }, type: { 意见: 1, 通知: 1 } }),
    );
  });
});

describe('dateOrderWindow', () => {
  const counts = [
    { id: 'new', results: 3 },
    { id: 'empty', results: 0 },
    { id: 'mid', results: 5 },
    { id: 'old', results: 4 },
  ];

  it('takes a window from consecutive shards, newest first', () => {
    expect(dateOrderWindow(counts, 0, 10)).toEqual([
      { id: 'new', from: 0, to: 3 },
      { id: 'mid', from: 0, to: 5 },
      { id: 'old', from: 0, to: 2 },
    ]);
    expect(dateOrderWindow(counts, 10, 10)).toEqual([{ id: 'old', from: 2, to: 4 }]);
    expect(dateOrderWindow(counts, 4, 2)).toEqual([{ id: 'mid', from: 1, to: 3 }]);
    expect(dateOrderWindow(counts, 12, 10)).toEqual([]);
  });
});
