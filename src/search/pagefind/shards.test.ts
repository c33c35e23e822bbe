import { describe, expect, it } from 'vitest';
import { addFilterCounts, dateOrderWindow, planShards, sortedCounts, type ShardPage } from './shards';

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

describe('planShards', () => {
  it('keeps the newest year on its own and groups older years from the oldest, up to the limit', () => {
    const pages = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022].flatMap((y) => year(y, 100));
    const shards = planShards(pages, 250);
    expect(shards.map((s) => s.id)).toEqual(['2022', '2021', '2019-2020', '2017-2018', '2015-2016']);
    expect(shards.map((s) => s.pages.length)).toEqual([100, 100, 200, 200, 200]);
  });

  it('keeps older boundaries when a year closes and the next one starts', () => {
    const years = [2015, 2016, 2017, 2018, 2019, 2020];
    const before = planShards(
      years.flatMap((y) => year(y, 100)),
      250,
    );
    const after = planShards(
      [...years, 2021].flatMap((y) => year(y, 100)),
      250,
    );
    // 2020 was the open shard; it now joins the last older group, and the groups before stay.
    expect(before.map((s) => s.id)).toEqual(['2020', '2019', '2017-2018', '2015-2016']);
    expect(after.map((s) => s.id)).toEqual(['2021', '2019-2020', '2017-2018', '2015-2016']);
  });

  it('gives every shard a date range of its own, newest first', () => {
    // A January issue carries documents of the previous December: dates, not issues, decide.
    const pages = [...year(2019, 300), ...year(2020, 300), { url: '/2020/01/late/', date: '2019-12-30' }];
    const shards = planShards(pages, 100);
    for (let i = 1; i < shards.length; i += 1) expect(shards[i]!.to < shards[i - 1]!.from).toBe(true);
    expect(shards.flatMap((s) => s.pages).length).toBe(pages.length);
    expect(shards.find((s) => s.pages.some((p) => p.url === '/2020/01/late/'))!.id.startsWith('2019')).toBe(true);
  });

  it('splits a year larger than the limit by month, and a month by day', () => {
    const shards = planShards(year(2020, 1200), 150);
    expect(shards.every((s) => s.pages.length <= 150)).toBe(true);
    expect(shards.map((s) => s.id).every((id) => id.startsWith('2020-'))).toBe(true);
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

  it('adds an issue to the newest shard only', () => {
    const before = planShards(
      [2018, 2019, 2020].flatMap((y) => year(y, 60)),
      100,
    );
    const after = planShards([...[2018, 2019, 2020].flatMap((y) => year(y, 60)), ...year(2020, 10, 'new')], 100);
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]!.pages.length).toBe(before[0]!.pages.length + 10);
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
