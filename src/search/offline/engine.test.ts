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

describe('searchIndex: exact matches first', () => {
  const issued = (url: string, title: string, body: string, issuer?: string): SearchRecord => {
    const record = doc(url, title, body);
    return issuer ? { ...record, meta: { ...record.meta, issuer } } : record;
  };
  const titled = buildSearchIndex([
    // Many mentions in a short text: the best BM25 score for 法律援助条例.
    issued('notice/index.html', '关于法律援助的通知', '法律援助条例。法律援助条例。法律援助条例。'),
    issued('local/index.html', '杭州市法律援助条例', '第一条　为了规范法律援助工作，制定本条例。'),
    issued(
      'regulation/index.html',
      '法律援助条例',
      `第一条　${'为了保障经济困难的公民获得必要的法律服务，'.repeat(20)}`,
    ),
    issued('words/index.html', '关于法律服务的意见', '法律援助工作依照有关条例办理。法律援助，条例。'),
    issued(
      'issued/index.html',
      '关于做好法律援助工作的通知',
      '各区县人民政府：现就法律援助工作通知如下。',
      '示例市人民政府办公室',
    ),
  ]);
  const titledShards = new Map(titled.shards.map((shard, n) => [n, shard]));
  const order = (text: string) =>
    searchIndex(titled.manifest, titledShards, { text, filters: {}, sort: 'relevance' }).matches.map((m) =>
      titled.manifest.documents[m.id]!.url.replace('/index.html', ''),
    );

  it('puts the document titled as the query first, then titles containing it, then the rest', () => {
    expect(order('法律援助条例')).toEqual(['regulation', 'local', 'notice']);
    expect(order('《法律援助条例》')[0]).toBe('regulation');
  });

  it('puts the query as one exact phrase above its words apart', () => {
    // words holds 法律援助 and 条例 (more often, in a shorter text), not 法律援助条例.
    expect(order('法律援助 条例')).toEqual(['regulation', 'local', 'notice', 'words']);
    expect(shardsForQuery('法律援助 条例', 64)).toEqual(
      [
        ...new Set([
          ...shardsForQuery('法律援助', 64),
          ...shardsForQuery('条例', 64),
          ...shardsForQuery('法律援助条例', 64),
        ]),
      ].sort((a, b) => a - b),
    );
  });

  it('finds a document by its title as cited (发文机关 + 标题), bare or in 《》, which its text does not print', () => {
    expect(order('示例市人民政府办公室关于做好法律援助工作的通知')).toEqual(['issued']);
    expect(order('《示例市人民政府办公室关于做好法律援助工作的通知》')).toEqual(['issued']);
  });

  it('leaves date order alone (one date here: by score, where the short local title wins)', () => {
    const matches = searchIndex(titled.manifest, titledShards, {
      text: '法律援助条例',
      filters: {},
      sort: 'date',
    }).matches;
    expect(titled.manifest.documents[matches[0]!.id]!.url).toBe('local/index.html');
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
