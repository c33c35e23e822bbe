/**
 * The open data of the built sample: every JSON, JSON Lines, CSV, checksum and feed file is
 * parsed and compared with the content and with the pages.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { ISSUE_TOC } from '../helpers/archive';
import { listFiles, readPage, select, selectAll, textOf } from '../helpers/built-site';
import { readArchive } from '../../src/content/archive';
import { CSV_COLUMNS } from '../../src/site/open-data';

const out = inject('outRoot');
const site = inject('siteUrl');
const { archive } = readArchive(join(process.cwd(), 'content'));
const documents = [...archive!.documents].sort((a, b) => (a.id < b.id ? -1 : 1));
const read = (path: string) => readFileSync(join(out, path), 'utf8');
const json = (path: string) => JSON.parse(read(path));
const url = (path: string) => new URL(path, `${site}/`).href;
/** Line-start and line-end spaces are layout, not text. */
const lines = (text: string) => text.replace(/^ +| +$/gm, '').trim();

describe('data/catalog.json', () => {
  const catalog = json('data/catalog.json');

  it('has a schema version, the status date and the gazette', () => {
    expect(catalog.schemaVersion).toBe(1);
    expect(catalog.statusDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(catalog.gazette).toEqual({
      name: archive!.gazette.name,
      publisher: archive!.gazette.publisher,
      editor: archive!.gazette.editor,
      url: url('/'),
    });
    expect(catalog.documentCount).toBe(documents.length);
  });

  it('lists every document of the content, sorted by id, with its metadata', () => {
    expect(catalog.documents.map((record: { id: string }) => record.id)).toEqual(
      documents.map((document) => document.id),
    );
    catalog.documents.forEach((record: Record<string, unknown>, index: number) => {
      const document = documents[index];
      expect(record).toMatchObject({
        url: url(`/${document.id}/`),
        dataUrl: url(`/data/documents/${document.id}.json`),
        title: document.title,
        number: document.number ?? null,
        issuers: document.issuers,
        date: document.date,
        recipients: document.recipients,
        type: document.type,
        section: document.section,
        issue: {
          id: document.issueId,
          year: document.year,
          number: document.issueNumber,
          label: `${document.year}年第${document.issueNumber}期`,
          url: url(`/${document.issueId}/`),
        },
        page: document.page,
        expires: document.expires ?? null,
      });
    });
  });

  it('gives each document the status its page shows', () => {
    for (const record of catalog.documents) {
      expect([record.id, record.status]).toEqual([
        record.id,
        textOf(select('.doc-status strong', readPage(out, `${record.id}/index.html`))),
      ]);
    }
    expect(catalog.documents.find((record: { id: string }) => record.id === '2020/07/zzbz-2020-56').status).toBe(
      '已失效',
    );
  });
});

describe('data/documents/<id>.json and data/documents.jsonl', () => {
  const catalog = json('data/catalog.json');
  const jsonl = read('data/documents.jsonl');

  it('has one file per document, extending its catalog record', () => {
    const files = listFiles(join(out, 'data/documents')).map((file) => `data/documents/${file}`);
    expect(files).toEqual(documents.map((document) => `data/documents/${document.id}.json`).sort());
    for (const record of catalog.documents) {
      const full = json(`data/documents/${record.id}.json`);
      expect(full).toMatchObject({ schemaVersion: 1, statusDate: catalog.statusDate, ...record });
      expect(Object.keys(full).slice(-4)).toEqual(['forwards', 'relations', 'anchors', 'text']);
    }
  });

  it("holds the text of each page's body, recipients first", () => {
    for (const document of documents) {
      const { text } = json(`data/documents/${document.id}.json`);
      expect(lines(text), document.id).toBe(
        lines(textOf(select('.doc-body', readPage(out, `${document.id}/index.html`)))),
      );
      expect(text.startsWith(`${document.recipients.join('，')}：\n\n`)).toBe(true);
    }
  });

  it('records relations: 58号 repeals a document not in the archive and cites three numbers', () => {
    const record = json('data/documents/2020/07/zzbz-2020-58.json');
    expect(record.relations.repeals).toEqual([{ number: '淄政办发〔2018〕9号', document: null }]);
    expect(record.relations.cites.map((link: { number: string }) => link.number)).toEqual([
      '国办发〔2018〕118号',
      '鲁政办发〔2019〕9号',
      '淄政办发〔2018〕9号',
    ]);
    expect(json('data/documents/2020/07/zzbz-2020-57.json').forwards).toMatchObject({
      title: '淄博市移动支付便民工程建设工作方案（2020—2022年）',
      document: null,
    });
  });

  it('writes one JSON line per document, equal to its file, in id order', () => {
    const records = jsonl.split('\n');
    expect(records.pop()).toBe('');
    expect(records.map((line) => JSON.parse(line))).toEqual(
      documents.map((document) => json(`data/documents/${document.id}.json`)),
    );
  });
});

describe('data/issues/<year>-<NN>.json', () => {
  it("holds each issue's table of contents in printed order", () => {
    expect(listFiles(join(out, 'data/issues'))).toEqual(['2020-07.json']);
    const issue = json('data/issues/2020-07.json');
    expect(issue).toMatchObject({
      schemaVersion: 1,
      id: '2020/07',
      year: 2020,
      number: 7,
      cumulative: 232,
      label: '2020年第7期',
      url: url('/2020/07/'),
    });
    expect(issue.sections.map((section: { name: string }) => section.name)).toEqual(['市政府办公室文件']);
    expect(
      issue.sections.flatMap((section: { documents: { id: string; number: string; page: number }[] }) =>
        section.documents.map((d) => [d.id, d.number, d.page]),
      ),
    ).toEqual(ISSUE_TOC.map((entry) => [`2020/07/${entry.slug}`, entry.number, entry.page]));
  });
});

describe('data/catalog.csv', () => {
  it('is UTF-8 with a BOM and CRLF records, and reads back as the catalog', () => {
    const bytes = readFileSync(join(out, 'data/catalog.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    const catalog = json('data/catalog.json');
    expect(rows).toEqual(
      catalog.documents.map((record: Record<string, never> & { issuers: string[]; issue: { label: string } }) => ({
        id: record.id,
        url: record.url,
        title: record.title,
        number: record.number ?? '',
        issuers: record.issuers.join('、'),
        date: record.date,
        type: record.type,
        section: record.section,
        issue: record.issue.label,
        page: String(record.page),
        expires: record.expires ?? '',
        status: record.status,
      })),
    );
  });
});

describe('data/SHA256SUMS', () => {
  it('checks the dumps in sha256sum format', () => {
    const sums = read('data/SHA256SUMS');
    const entries = sums
      .trimEnd()
      .split('\n')
      .map((line) => line.split('  '));
    expect(entries.map(([, name]) => name)).toEqual(['catalog.csv', 'catalog.json', 'documents.jsonl']);
    for (const [hash, name] of entries) {
      expect(hash).toBe(
        createHash('sha256')
          .update(readFileSync(join(out, 'data', name)))
          .digest('hex'),
      );
    }
  });
});

describe('feeds per issuer and per type', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['entry', 'link', 'category', 'author'].includes(name),
  });
  const catalog = json('data/catalog.json');

  it.each([
    ['issuers/', 'feeds/issuer/', (record: { issuers: string[] }, name: string) => record.issuers.includes(name)],
    ['types/', 'feeds/type/', (record: { type: string }, name: string) => record.type === name],
  ] as const)('%s links a valid feed per group, holding exactly its documents', (indexPath, feedDir, member) => {
    const index = readPage(out, `${indexPath}index.html`);
    const sections = selectAll('main section', index);
    expect(sections.length).toBeGreaterThan(0);
    const alternates = selectAll('link[rel="alternate"][type="application/atom+xml"]', index).map((link) =>
      String(link.properties.href),
    );
    for (const section of sections) {
      const name = textOf(select('h2', section));
      const href = String(select('.group-feed a', section)!.properties.href);
      expect(href).toMatch(new RegExp(`^/${feedDir}[a-z0-9-]+\\.xml$`));
      expect(alternates).toContain(href);
      const xml = readFileSync(join(out, href), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = parser.parse(xml).feed;
      expect(feed.id).toBe(url(href));
      expect(feed.title['#text'] ?? feed.title).toContain(name);
      const expected = catalog.documents
        .filter((record: never) => member(record, name))
        .map((record: { url: string }) => record.url);
      expect(feed.entry.map((entry: { id: string }) => entry.id).sort()).toEqual(expected.sort());
    }
    expect(listFiles(join(out, feedDir))).toHaveLength(sections.length);
  });

  it("offers a document's data and its issuer and type feeds as alternates", () => {
    const page = readPage(out, '2020/07/zzbz-2020-56/index.html');
    const hrefs = selectAll('link[rel="alternate"]', page).map((link) => [link.properties.type, link.properties.href]);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        ['application/json', '/data/documents/2020/07/zzbz-2020-56.json'],
        ['application/atom+xml', '/feeds/issuer/zi-bo-shi-ren-min-zheng-fu-ban-gong-shi.xml'],
        ['application/atom+xml', '/feeds/type/yi-jian.xml'],
      ]),
    );
  });
});

describe('the /data/ page', () => {
  it('lists every download and every issue file, all of which exist', () => {
    const page = readPage(out, 'data/index.html');
    const hrefs = selectAll('main a', page).map((a) => String(a.properties.href));
    for (const path of [
      '/data/catalog.json',
      '/data/catalog.csv',
      '/data/documents.jsonl',
      '/data/SHA256SUMS',
      '/data/issues/2020-07.json',
    ]) {
      expect(hrefs).toContain(path);
      expect(existsSync(join(out, path))).toBe(true);
    }
    expect(textOf(select('main', page))).toContain('schemaVersion');
  });
});

describe('under a sub-path base', () => {
  it('writes absolute URLs with the base', () => {
    const catalog = JSON.parse(readFileSync(join(inject('outSub'), 'data/catalog.json'), 'utf8'));
    expect(catalog.documents[0].url.startsWith(`${site}${inject('subBase')}`)).toBe(true);
    expect(catalog.gazette.url).toBe(`${site}${inject('subBase')}`);
  });
});
