import { describe, expect, it } from 'vitest';
import {
  bucketOfQuery,
  numberLookupTable,
  classifyNumberQuery,
  numberBucketCount,
  numberBucketPath,
  splitNumberTable,
  emptySearchState,
  fullTextQuery,
  isEmptySearch,
  joinBase,
  lookupNumber,
  normalizeSearchState,
  parseSearchState,
  sameSearchState,
  samePageUrl,
  searchStateToQueryString,
  serializeSearchState,
  toPagefindFilters,
  toPagefindSort,
  type NumberTable,
} from './state';
import { documentsByNumber, lookupContext } from '../domain/number-lookup';

describe('parseSearchState', () => {
  it('reads q, filters and sort', () => {
    const state = parseSearchState('?q=人才贷&type=意见&sort=date');
    expect(state).toEqual({
      q: '人才贷',
      filters: { year: [], issuer: [], type: ['意见'], section: [], status: [] },
      sort: 'date',
    });
  });

  it('accepts URLSearchParams and URL', () => {
    const url = new URL(
      'https://example.org/gazette/search/?q=%E7%A7%BB%E5%8A%A8%E6%94%AF%E4%BB%98&year=2020%E5%B9%B4',
    );
    expect(parseSearchState(url).q).toBe('移动支付');
    expect(parseSearchState(url.searchParams).filters.year).toEqual(['2020年']);
  });

  it('collects repeated filter keys, drops empty and duplicate values', () => {
    const state = parseSearchState('issuer=淄博市人民政府&issuer=&issuer=淄博市财政局&issuer=淄博市人民政府&year=+');
    expect(state.filters.issuer).toEqual(['淄博市人民政府', '淄博市财政局'].sort());
    expect(state.filters.year).toEqual([]);
  });

  it('trims and collapses whitespace in q, including ideographic spaces', () => {
    expect(parseSearchState('q=%E3%80%80人才贷%20%20 应急转贷 ').q).toBe('人才贷 应急转贷');
  });

  it('falls back to relevance for missing or unknown sort values', () => {
    expect(parseSearchState('q=x').sort).toBe('relevance');
    expect(parseSearchState('q=x&sort=oldest').sort).toBe('relevance');
  });

  it('ignores unknown keys', () => {
    expect(parseSearchState('q=x&page=3&utm_source=y')).toEqual(normalizeSearchState({ q: 'x' }));
  });

  it('returns the empty state for an empty query string', () => {
    expect(parseSearchState('')).toEqual(emptySearchState());
    expect(isEmptySearch(parseSearchState(''))).toBe(true);
    expect(isEmptySearch(parseSearchState('type=通知'))).toBe(false);
  });
});

describe('serializeSearchState', () => {
  it('writes keys in a stable order and drops defaults', () => {
    const state = normalizeSearchState({
      sort: 'date',
      filters: { status: ['有效'], section: ['市政府文件'], type: ['通知', '意见'], year: ['2020年'] },
      q: '人才贷',
    });
    expect(serializeSearchState(state).toString()).toBe(
      new URLSearchParams([
        ['q', '人才贷'],
        ['year', '2020年'],
        ['type', '意见'],
        ['type', '通知'],
        ['section', '市政府文件'],
        ['status', '有效'],
        ['sort', 'date'],
      ]).toString(),
    );
  });

  it('omits sort=relevance and empty values', () => {
    expect(searchStateToQueryString(normalizeSearchState({ q: '', sort: 'relevance' }))).toBe('');
    expect(searchStateToQueryString(normalizeSearchState({ q: '云闪付' }))).toBe('?q=%E4%BA%91%E9%97%AA%E4%BB%98');
  });

  it('round-trips', () => {
    const qs = '?q=%E9%87%8D%E5%A4%A7%E8%A1%8C%E6%94%BF%E5%86%B3%E7%AD%96&issuer=a&issuer=b&sort=date';
    const state = parseSearchState(qs);
    expect(searchStateToQueryString(state)).toBe(qs);
    expect(parseSearchState(serializeSearchState(state))).toEqual(state);
  });

  it('treats states that differ only in value order as equal', () => {
    expect(sameSearchState(parseSearchState('type=b&type=a'), parseSearchState('type=a&type=b'))).toBe(true);
    expect(sameSearchState(parseSearchState('q=a'), parseSearchState('q=b'))).toBe(false);
  });
});

describe('Pagefind options', () => {
  it('ORs values within a key and leaves out empty keys', () => {
    const state = parseSearchState('type=通知&type=意见&year=2020年&status=已失效');
    expect(toPagefindFilters(state.filters)).toEqual({
      year: { any: ['2020年'] },
      type: { any: ['意见', '通知'] },
      status: { any: ['已失效'] },
    });
    expect(toPagefindFilters(emptySearchState().filters)).toBeUndefined();
  });

  it('sorts by date when asked, and always when there is no query', () => {
    expect(toPagefindSort(parseSearchState('q=x'))).toBeUndefined();
    expect(toPagefindSort(parseSearchState('q=x&sort=date'))).toEqual({ date: 'desc' });
    expect(toPagefindSort(parseSearchState('type=通知'))).toEqual({ date: 'desc' });
  });
});

describe('classifyNumberQuery', () => {
  const canonical = '淄政办字〔2020〕56号';

  it.each([
    '淄政办字〔2020〕56号',
    '淄政办字[2020]56号',
    '淄政办字［2020］56号',
    '淄政办字(2020)56号',
    '淄政办字（2020）56号',
    '淄政办字【2020】56号',
    '淄政办字 〔2020〕 56 号',
    ' 淄政办字[2020] 56号 ',
    '淄政办字〔2020〕56',
    '淄政办字2020年56号',
    '淄政办字 2020 56号',
  ])('recognises %s as the whole number', (query) => {
    expect(classifyNumberQuery(query)).toMatchObject({ kind: 'exact', canonical, whole: true });
  });

  it('recognises order numbers', () => {
    expect(classifyNumberQuery('市政府令第102号')).toMatchObject({
      kind: 'exact',
      canonical: '市政府令第102号',
      whole: true,
    });
  });

  it('finds a number inside a longer query', () => {
    expect(classifyNumberQuery('人才贷 淄政办字[2020]56号')).toMatchObject({
      kind: 'exact',
      canonical,
      whole: false,
    });
  });

  it('recognises a number without its year as partial', () => {
    expect(classifyNumberQuery('淄政办字56号')).toEqual({ kind: 'partial', prefix: '淄政办字', seq: 56 });
    expect(classifyNumberQuery('淄政办字 第56号')).toEqual({ kind: 'partial', prefix: '淄政办字', seq: 56 });
    expect(classifyNumberQuery('市政府令102号')).toEqual({ kind: 'partial', prefix: '市政府令', seq: 102 });
  });

  it.each(['人才贷', '移动支付', '2020', '2020年', '第十三条', '', '   '])('does not treat %j as a number', (query) => {
    expect(classifyNumberQuery(query)).toBeNull();
  });
});

describe('lookupNumber', () => {
  const entry = (number: string, url: string) => ({
    url,
    title: number,
    number,
    date: '2020-07-01',
    issuers: ['淄博市人民政府办公室'],
  });
  const table: NumberTable = {
    市政府令第102号: entry('市政府令第102号', '/2019/12/order-102/'),
    '淄政办字〔2019〕56号': entry('淄政办字〔2019〕56号', '/2019/07/zzbz-2019-56/'),
    '淄政办字〔2020〕54号': entry('淄政办字〔2020〕54号', '/2020/07/zzbz-2020-54/'),
    '淄政办字〔2020〕56号': entry('淄政办字〔2020〕56号', '/2020/07/zzbz-2020-56/'),
  };

  it('finds exact numbers in any spelling', () => {
    for (const q of ['淄政办字[2020]56号', '淄政办字(2020)56号', '淄政办字 〔2020〕 56 号']) {
      expect(lookupNumber(classifyNumberQuery(q)!, table)?.url).toBe('/2020/07/zzbz-2020-56/');
    }
    expect(lookupNumber(classifyNumberQuery('淄政办字〔2021〕56号')!, table)).toBeNull();
  });

  it('resolves a partial number only when it is unambiguous', () => {
    expect(lookupNumber(classifyNumberQuery('淄政办字54号')!, table)?.url).toBe('/2020/07/zzbz-2020-54/');
    expect(lookupNumber(classifyNumberQuery('淄政办字56号')!, table)).toBeNull();
    expect(lookupNumber(classifyNumberQuery('淄政办字99号')!, table)).toBeNull();
    expect(lookupNumber(classifyNumberQuery('市政府令102号')!, table)?.url).toBe('/2019/12/order-102/');
  });

  it('finds every number in the one bucket its query names, exact or partial', () => {
    for (const buckets of [1, 2, 8, 64]) {
      const split = splitNumberTable(table, buckets);
      expect(split).toHaveLength(buckets);
      expect(split.reduce((n, bucket) => n + Object.keys(bucket).length, 0)).toBe(Object.keys(table).length);
      const inBucket = (q: string) => {
        const query = classifyNumberQuery(q)!;
        return lookupNumber(query, split[bucketOfQuery(query, buckets)]!)?.url ?? null;
      };
      expect(inBucket('淄政办字[2020]56号')).toBe('/2020/07/zzbz-2020-56/');
      expect(inBucket('淄政办字54号')).toBe('/2020/07/zzbz-2020-54/');
      // Every year's 56号 shares a bucket, so the partial query still sees the ambiguity.
      expect(inBucket('淄政办字56号')).toBeNull();
      expect(inBucket('市政府令第102号')).toBe('/2019/12/order-102/');
      expect(inBucket('市政府令102号')).toBe('/2019/12/order-102/');
    }
  });
});

describe('lookupNumber: an order by another spelling of its number', () => {
  const zibo = lookupContext('淄博市人民政府公报');
  const docs = [
    {
      url: '2018/40/gwyl-706/',
      title: '国务院关于修改部分行政法规的决定',
      number: '中华人民共和国国务院令第706号',
      date: '2019-03-02',
      issuers: ['国务院'],
    },
    {
      url: '2019/24/szfl-102/',
      title: '淄博市重大行政决策程序规定',
      number: '淄博市人民政府令 第102号',
      date: '2019-12-20',
      issuers: ['淄博市人民政府'],
    },
  ];
  const table = numberLookupTable(documentsByNumber(docs, zibo), '/');

  it('keys the table by lookup key and keeps the number as printed', () => {
    expect(Object.keys(table)).toEqual(['国务院令第706号', '淄博市人民政府令第102号']);
    expect(table['淄博市人民政府令第102号']!.number).toBe('淄博市人民政府令第102号');
    expect(table['国务院令第706号']!.number).toBe('中华人民共和国国务院令第706号');
  });

  it('finds each document by either spelling, exact or partial, in the one bucket the query names', () => {
    const decree = '/2018/40/gwyl-706/';
    const rules = '/2019/24/szfl-102/';
    const cases: [string, string][] = [
      ['国务院令第706号', decree],
      ['中华人民共和国国务院令第706号', decree],
      ['国务院令706号', decree],
      ['中华人民共和国国务院令706', decree],
      ['市政府令第102号', rules],
      ['淄博市人民政府令第102号', rules],
      ['淄博市政府令102号', rules],
      ['市政府令102', rules],
    ];
    for (const buckets of [1, 2, 8, 64]) {
      const split = splitNumberTable(table, buckets);
      for (const [q, url] of cases) {
        const query = classifyNumberQuery(q)!;
        expect(lookupNumber(query, table, zibo)?.url, q).toBe(url);
        expect(
          lookupNumber(query, split[bucketOfQuery(query, buckets, zibo)]!, zibo)?.url,
          `${q} in ${buckets} buckets`,
        ).toBe(url);
      }
    }
  });

  it("does not take another government's 令 for the gazette's own", () => {
    expect(lookupNumber(classifyNumberQuery('省政府令第102号')!, table, zibo)).toBeNull();
    expect(lookupNumber(classifyNumberQuery('国务院令第102号')!, table, zibo)).toBeNull();
  });
});

describe('number buckets', () => {
  it('grows in powers of two, about 256 numbers a bucket', () => {
    expect([0, 1, 256, 257, 10_000, 100_000].map(numberBucketCount)).toEqual([1, 1, 1, 2, 64, 512]);
    expect(numberBucketPath(3)).toBe('search/numbers/3.json');
  });

  it('spreads a large archive evenly', () => {
    const docs = Array.from({ length: 10_000 }, (_, i) => ({
      url: `x/${i}/`,
      title: 't',
      number: `${['示政办字', '示政发', '示财'][i % 3]}〔${2000 + (i % 20)}〕${i}号`,
      date: '2020-01-01',
      issuers: ['甲'],
    }));
    const buckets = numberBucketCount(docs.length);
    const sizes = splitNumberTable(numberLookupTable(documentsByNumber(docs), '/'), buckets).map(
      (b) => Object.keys(b).length,
    );
    expect(Math.max(...sizes)).toBeLessThan(2 * (docs.length / buckets));
  });
});

describe('fullTextQuery', () => {
  it('searches the canonical spelling when the whole query is a number', () => {
    expect(fullTextQuery('淄政办字[2020]56号', classifyNumberQuery('淄政办字[2020]56号'))).toBe('淄政办字〔2020〕56号');
    expect(fullTextQuery(' 人才贷 ', null)).toBe('人才贷');
  });
});

describe('URLs', () => {
  it('joins base and path whatever the slashes', () => {
    expect(joinBase('/', '2020/07/x/')).toBe('/2020/07/x/');
    expect(joinBase('/gazette', '2020/07/x/')).toBe('/gazette/2020/07/x/');
    expect(joinBase('/gazette/', '/pagefind/pagefind.js')).toBe('/gazette/pagefind/pagefind.js');
  });

  it('compares page URLs loosely', () => {
    expect(samePageUrl('/g/2020/07/x/', '/g/2020/07/x/index.html')).toBe(true);
    expect(samePageUrl('http://localhost:4321/g/2020/07/x', '/g/2020/07/x/')).toBe(true);
    expect(samePageUrl('/g/2020/07/%E6%96%87/', '/g/2020/07/文/')).toBe(true);
    expect(samePageUrl('/g/2020/07/x/', '/g/2020/07/y/')).toBe(false);
  });
});

describe('numberLookupTable', () => {
  const doc = (url: string, number: string | undefined, date = '2020-05-26') => ({
    url,
    title: `title of ${url}`,
    number,
    date,
    issuers: ['淄博市人民政府办公室'],
  });

  it('keys documents by canonical number, sorted, with base-prefixed URLs', () => {
    const table = numberLookupTable(
      documentsByNumber([
        doc('2020/07/zzbz-2020-58/', '淄政办字〔2020〕58号'),
        doc('2020/07/zzbf-2020-5/', '淄政办发[2020]5号'),
        doc('2020/07/notice/', undefined),
        doc('2019/12/order/', '市政府令第102号'),
      ]),
      '/gazette/',
    );
    expect(Object.keys(table)).toEqual(['市政府令第102号', '淄政办发〔2020〕5号', '淄政办字〔2020〕58号']);
    expect(table['淄政办发〔2020〕5号']).toEqual({
      url: '/gazette/2020/07/zzbf-2020-5/',
      title: 'title of 2020/07/zzbf-2020-5/',
      number: '淄政办发〔2020〕5号',
      date: '2020-05-26',
      issuers: ['淄博市人民政府办公室'],
    });
  });

  it('is deterministic whatever the order of the number table, and keeps the first of duplicates in archive order', () => {
    const docs = [
      doc('2020/07/a/', '淄政办字〔2020〕60号', '2020-06-01'),
      doc('2020/07/c/', '淄政办字〔2020〕61号'),
      doc('2020/08/b/', '淄政办字〔2020〕60号', '2020-06-10'),
    ];
    const byNumber = documentsByNumber(docs);
    const forward = JSON.stringify(numberLookupTable(byNumber, '/'));
    expect(JSON.stringify(numberLookupTable(new Map([...byNumber].reverse()), '/'))).toBe(forward);
    expect(numberLookupTable(byNumber, '/')['淄政办字〔2020〕60号'].url).toBe('/2020/07/a/');
  });
});
