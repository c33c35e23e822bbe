import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ArchiveGazette } from '../content/archive';
import { atomFeed, newestDocuments } from './feeds';
import { buildSiteModel, storedArchive, type DocumentData } from './site-model';
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
const model = buildSiteModel(
  storedArchive({
    gazette: { id: 't', name: '测试公报', publisher: '测试市人民政府', editor: '办公室', file: '' } as ArchiveGazette,
    issues: [
      { id: '2020/07', file: '', year: 2020, number: 7, sections: ['文件'], documentIds: documents.map((d) => d.id) },
    ],
    documents,
  }),
);
const feed = () =>
  atomFeed({
    title: '测试公报：最新文件',
    gazetteName: '测试公报',
    publisher: '测试市人民政府',
    feedUrl: 'https://example.org/feed.xml',
    homeUrl: 'https://example.org/',
    absoluteUrl: (path) => `https://example.org/${path}`,
    documents: model.documents,
  });

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
    const flat = buildSiteModel(
      storedArchive({
        gazette: {
          id: 't',
          name: '测试公报',
          publisher: '测试市人民政府',
          editor: '办公室',
          file: '',
        } as ArchiveGazette,
        issues: [{ id: '2020/07', file: '', year: 2020, number: 7, sections: [], documentIds: [documents[0]!.id] }],
        documents: [{ ...documents[0]!, section: undefined }],
      }),
    );
    const xml = atomFeed({
      title: 't',
      gazetteName: '测试公报',
      publisher: 'p',
      feedUrl: 'https://example.org/feed.xml',
      homeUrl: 'https://example.org/',
      absoluteUrl: (path) => `https://example.org/${path}`,
      documents: flat.documents,
    });
    expect(xml.match(/<category [^>]*>/gu)).toEqual(['<category term="通知"/>']);
  });

  it('is the same bytes every time', () => {
    expect(feed()).toBe(feed());
  });

  it('takes its id from homeUrl unless given one', () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    expect(parser.parse(feed()).feed.id).toBe('https://example.org/');
    const issuerFeed = atomFeed({
      title: '测试公报：办公室',
      gazetteName: '测试公报',
      publisher: '测试市人民政府',
      feedUrl: 'https://example.org/feeds/issuer/ban-gong-shi.xml',
      homeUrl: 'https://example.org/issuers/',
      id: 'https://example.org/feeds/issuer/ban-gong-shi.xml',
      absoluteUrl: (path) => `https://example.org/${path}`,
      documents: model.documents.slice(0, 1),
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
    const hostileModel = buildSiteModel(
      storedArchive({
        gazette: {
          id: 't',
          name: '测试公报',
          publisher: '测试市人民政府',
          editor: '办公室',
          file: '',
        } as ArchiveGazette,
        issues: [
          { id: '2020/07', file: '', year: 2020, number: 7, sections: [hostile.section!], documentIds: [hostile.id] },
        ],
        documents: [hostile],
      }),
    );
    const xml = atomFeed({
      title: '测试公报：<最新>',
      gazetteName: '测试公报',
      publisher: '测试市人民政府',
      feedUrl: 'https://example.org/feed.xml?a=1&b="2"',
      homeUrl: 'https://example.org/',
      absoluteUrl: (path) => `https://example.org/${path}`,
      documents: hostileModel.documents,
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
