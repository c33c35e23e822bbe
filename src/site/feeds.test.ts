import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ArchiveGazette } from '../content/archive';
import { atomFeed, newestDocuments, type FeedOptions } from './feeds';
import { buildSiteModel, storedArchive, type DocumentData, type SiteDocument } from './site-model';
import { sitemapXml } from './sitemap';

const documents: DocumentData[] = ['2020-05-24', '2020-06-03', '2020-05-30'].map((date, index) => ({
  id: `2020/07/d${index}`,
  slug: `d${index}`,
  file: '',
  bodyLine: 1,
  title: `关于事项${index}的通知`,
  number: `测政办字〔2020〕${index + 1}号`,
  issuers: ['办公室'],
  date,
  recipients: [],
  section: '文件',
  page: index + 1,
  type: '通知',
  repeals: [],
  amends: [],
  basis: [],
  year: 2020,
  issueNumber: 7,
  issueId: '2020/07',
  tocIndex: index,
}));
/** A site model of one issue, 2020年第7期, holding `listed` (in `sections`). */
const modelOf = (listed: DocumentData[], sections = ['文件']) =>
  buildSiteModel(
    storedArchive({
      gazette: { id: 't', name: '测试公报', publisher: '测试市人民政府', editor: '办公室', file: '' } as ArchiveGazette,
      issues: [{ id: '2020/07', file: '', year: 2020, number: 7, sections, documentIds: listed.map((d) => d.id) }],
      documents: listed,
    }),
  );
const model = modelOf(documents);
/** The site feed of `listed`, built for 2021-01-01, with other options as given. */
const feedOf = (listed: SiteDocument[], options: Partial<FeedOptions> = {}) =>
  atomFeed({
    title: '测试公报：最新文件',
    gazetteName: '测试公报',
    publisher: '测试市人民政府',
    feedUrl: 'https://example.org/feed.xml',
    homeUrl: 'https://example.org/',
    absoluteUrl: (path) => `https://example.org/${path}`,
    documents: listed,
    buildDate: '2021-01-01',
    ...options,
  });
const feed = () => feedOf(model.documents);

describe('atomFeed', () => {
  it('lists documents newest first, dated by their own dates in Beijing time', () => {
    const xml = feed();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(parsed.entry.map((entry: { id: string }) => entry.id)).toEqual([
      'https://example.org/2020/07/d1/',
      'https://example.org/2020/07/d2/',
      'https://example.org/2020/07/d0/',
    ]);
    expect(parsed.updated).toBe('2020-06-02T16:00:00.000Z');
    expect(parsed.entry[0].title['#text']).toBe('关于事项1的通知（测政办字〔2020〕2号）');
  });

  it('gives a document without a section no section category', () => {
    const flat = modelOf([{ ...documents[0]!, section: undefined }], []);
    const xml = feedOf(flat.documents);
    expect(xml.match(/<category [^>]*>/gu)).toEqual(['<category term="通知"/>']);
  });

  it('is the same bytes every time', () => {
    expect(feed()).toBe(feed());
  });

  it('takes its id from homeUrl unless given one', () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    expect(parser.parse(feed()).feed.id).toBe('https://example.org/');
    const issuerFeed = feedOf(model.documents.slice(0, 1), {
      title: '测试公报：办公室',
      feedUrl: 'https://example.org/feeds/issuer/ban-gong-shi.xml',
      homeUrl: 'https://example.org/issuers/',
      id: 'https://example.org/feeds/issuer/ban-gong-shi.xml',
    });
    const parsed = parser.parse(issuerFeed).feed;
    expect(parsed.id).toBe('https://example.org/feeds/issuer/ban-gong-shi.xml');
    expect(parsed.link.map((link: Record<string, string>) => link['@_href'])).toEqual([
      'https://example.org/issuers/',
      'https://example.org/feeds/issuer/ban-gong-shi.xml',
    ]);
  });

  it('writes titles, summaries and categories as escaped text, whatever they hold', () => {
    const hostile: DocumentData = {
      ...documents[0],
      id: '2020/07/h',
      slug: 'h',
      title: '<img src=x onerror=alert(1)> ]]> & "引号"',
      section: '<市政府 "文件">',
      issuers: ['<b>办公室</b>'],
    };
    const hostileModel = modelOf([hostile], [hostile.section!]);
    const xml = feedOf(hostileModel.documents, {
      title: '测试公报：<最新>',
      feedUrl: 'https://example.org/feed.xml?a=1&b="2"',
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('CDATA');
    expect(xml).not.toContain('type="html"');
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'category' }).parse(xml).feed;
    expect(parsed.entry.title).toEqual({
      '#text': '<img src=x onerror=alert(1)> ]]> & "引号"（测政办字〔2020〕1号）',
      '@_type': 'text',
    });
    expect(parsed.entry.summary['@_type']).toBe('text');
    expect(parsed.entry.author.name).toBe('<b>办公室</b>');
    expect(parsed.entry.category.map((c: Record<string, string>) => c['@_term'])).toEqual(['通知', '<市政府 "文件">']);
    expect(parsed.link[1]['@_href']).toBe('https://example.org/feed.xml?a=1&b="2"');
  });

  it('marks an entry whose document is no longer in force, as of the build date, and gives its validity', () => {
    const statusModel = modelOf([
      { ...documents[0]!, expires: '2020-12-31' },
      { ...documents[1]!, repeals: [documents[2]!.number!] },
      { ...documents[2]!, expires: '2030-06-30' },
    ]);
    const entries = (buildDate: string) => {
      const xml = feedOf(statusModel.documents, { buildDate });
      expect(XMLValidator.validate(xml)).toBe(true);
      const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'category' }).parse(xml);
      return (
        parsed.feed.entry as {
          id: string;
          title: { '#text': string };
          summary: { '#text': string };
          category: Record<string, string>[];
        }[]
      ).map((entry) => ({
        id: entry.id.replace('https://example.org/', ''),
        title: entry.title['#text'],
        summary: entry.summary['#text'],
        status: entry.category.filter((c) => c['@_label']).map((c) => [c['@_term'], c['@_label']]),
      }));
    };
    const [repealing, repealed, expired] = entries('2021-01-01');
    expect(repealing.title).toBe('关于事项1的通知（测政办字〔2020〕2号）');
    expect(repealing.status).toEqual([]);
    expect(repealed.title).toBe('【已废止】关于事项2的通知（测政办字〔2020〕3号）');
    expect(repealed.summary).toMatch(/^效力状态：已废止（截至2021年1月1日）。办公室2020年5月30日发布的通知/);
    expect(repealed.summary).toMatch(/有效期至2030年6月30日。$/);
    expect(repealed.status).toEqual([['已废止', '效力状态：已废止']]);
    expect(expired.title).toBe('【已失效】关于事项0的通知（测政办字〔2020〕1号）');
    expect(expired.summary).toMatch(/^效力状态：已失效（截至2021年1月1日）。.*有效期至2020年12月31日。$/);
    expect(expired.status).toEqual([['已失效', '效力状态：已失效']]);
    // The same documents, built before the repeal and the end of the validity period.
    const earlier = entries('2020-05-31');
    expect(earlier.map((entry) => entry.status)).toEqual([[], [], []]);
    expect(earlier[2]!.title).toBe('关于事项0的通知（测政办字〔2020〕1号）');
    expect(earlier[2]!.summary).toMatch(/^办公室.*有效期至2020年12月31日。$/);
  });

  it('keeps the newest documents only', () => {
    expect(newestDocuments(model.documents, 2).map((d) => d.slug)).toEqual(['d1', 'd2']);
  });
});

describe('sitemapXml', () => {
  it('writes escaped URLs with their dates', () => {
    const xml = sitemapXml([
      { url: 'https://example.org/n/测政办字-2020-1/?a=1&b=2', lastmod: '2020-06-03' },
      { url: 'https://example.org/' },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain(
      '<url><loc>https://example.org/n/测政办字-2020-1/?a=1&amp;b=2</loc><lastmod>2020-06-03</lastmod></url>',
    );
    expect(xml).toContain('<url><loc>https://example.org/</loc></url>');
  });
});
