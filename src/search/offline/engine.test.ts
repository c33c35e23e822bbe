import { describe, expect, it } from 'vitest';
import { allFilterCounts, excerpt, searchIndex, shardsForQuery, type EngineQuery } from './engine';
import type { SearchRecord } from '../records';
import { buildSearchIndex } from './offline-index';
import { parseQueryPhrases } from './terms';

function doc(
  url: string,
  title: string,
  body: string,
  filters: Record<string, string[]> = {},
  date = '2020-01-01',
): SearchRecord {
  const text = `${title}\n${body}`;
  return {
    id: url.replace(/\/index\.html$/u, ''),
    meta: { title, date },
    filters,
    sort: { date },
    text,
    weights: [[0, Array.from(title).length, 10]],
  };
}

const DOCS = [
  doc(
    'a/index.html',
    '关于人才贷的意见',
    '推动人才贷业务，扩大人才贷规模。',
    { year: ['2020年'], issuer: ['市政府'] },
    '2020-05-26',
  ),
  doc(
    'b/index.html',
    '关于人才工作的通知',
    '加强人才培养，做好贷款服务。',
    { year: ['2020年'], issuer: ['市政府办公室'] },
    '2020-06-01',
  ),
  doc(
    'c/index.html',
    '关于融资服务的通知',
    '本通知提到人才贷一次，其余都是融资服务融资服务融资服务融资服务。',
    { year: ['2019年'], issuer: ['市政府'] },
    '2019-03-01',
  ),
];
const index = buildSearchIndex(DOCS);
const shards = new Map(index.shards.map((shard, n) => [n, shard]));
const run = (text: string, extra: Partial<EngineQuery> = {}) =>
  searchIndex(index.manifest, shards, { text, filters: {}, sort: 'relevance', ...extra });
const urls = (text: string, extra: Partial<EngineQuery> = {}) =>
  run(text, extra).matches.map((m) => index.manifest.documents[m.id]!.url);

describe('searchIndex', () => {
  it('matches Han phrases exactly: bigrams must stand one after another', () => {
    // b has 人才 and 贷 but not 人才贷.
    expect(urls('人才贷')).toEqual(['a/index.html', 'c/index.html']);
    expect(urls('才贷业')).toEqual(['a/index.html']);
  });

  it('ranks a title match above a passing mention', () => {
    expect(urls('人才贷')[0]).toBe('a/index.html');
    expect(urls('融资服务')[0]).toBe('c/index.html');
  });

  it('requires every phrase (AND) and finds single characters', () => {
    expect(urls('人才贷 融资')).toEqual(['c/index.html']);
    expect(urls('贷')).toHaveLength(3);
    expect(urls('人才贷 不存在')).toEqual([]);
  });

  it('finds nothing for a query of only punctuation and spaces, and says it was unsearchable', () => {
    for (const text of ['，。！', '《》——……', '?!.,;:', '、 · ＠', ' 。　']) {
      const result = run(text, { filters: { year: ['2020年'] } });
      expect(result.matches, JSON.stringify(text)).toEqual([]);
      expect(result.unsearchable).toBe(true);
    }
    expect(run('人才贷').unsearchable).toBe(false);
    // No text at all (spaces are none) still lists everything that passes the filters.
    expect(urls('', { filters: { year: ['2020年'] } })).toEqual(['b/index.html', 'a/index.html']);
    expect(urls(' 　', { filters: { year: ['2020年'] } })).toEqual(['b/index.html', 'a/index.html']);
    expect(run('').unsearchable).toBe(false);
  });

  it('filters: values of a key are alternatives, keys combine', () => {
    expect(urls('人才', { filters: { year: ['2019年'] } })).toEqual(['c/index.html']);
    expect(urls('人才', { filters: { year: ['2019年', '2020年'], issuer: ['市政府'] } }).sort()).toEqual([
      'a/index.html',
      'c/index.html',
    ]);
  });

  it('counts filter values over the query matches, before filtering', () => {
    expect(run('人才贷', { filters: { year: ['2019年'] } }).counts).toEqual({
      year: { '2020年': 1, '2019年': 1 },
      issuer: { 市政府: 2 },
    });
    expect(allFilterCounts(index.manifest).issuer).toEqual({ 市政府: 2, 市政府办公室: 1 });
  });

  it('sorts by date when asked, and lists everything newest first without a query', () => {
    expect(urls('人才', { sort: 'date' })).toEqual(['b/index.html', 'a/index.html', 'c/index.html']);
    expect(urls('')).toEqual(['b/index.html', 'a/index.html', 'c/index.html']);
    expect(urls('', { filters: { issuer: ['市政府'] } })).toEqual(['a/index.html', 'c/index.html']);
  });

  it('names the shards a query needs', () => {
    expect(shardsForQuery('人才贷', 1)).toEqual([0]);
    expect(shardsForQuery('', 8)).toEqual([]);
    const many = shardsForQuery('重大行政决策', 64);
    expect(many.length).toBeGreaterThan(1);
    expect([...many].sort((a, b) => a - b)).toEqual(many);
  });
});

describe('excerpt', () => {
  it('cuts a passage around the matches and marks them', () => {
    const text = `${'前言。'.repeat(30)}推动人才贷业务，扩大人才贷规模。${'结尾。'.repeat(30)}`;
    const parts = excerpt(text, parseQueryPhrases('人才贷'), 40);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['人才贷', '人才贷']);
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(42);
  });

  it('starts at the beginning when nothing matches, and turns line breaks into spaces', () => {
    expect(excerpt('第一行\n第二行', parseQueryPhrases('无'), 80)).toEqual([{ text: '第一行 第二行', mark: false }]);
  });
});
