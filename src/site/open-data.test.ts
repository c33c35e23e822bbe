import { parse as parseCsv } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ArchiveGazette } from '../content/archive';
import {
  bodyText,
  buildOpenData,
  catalogCsv,
  CSV_COLUMNS,
  documentDataPath,
  documentText,
  formatFileSize,
  lineFile,
  issueDataPath,
  SCHEMA_VERSION,
  sha256sums,
  type OpenData,
} from './open-data';
import { bodyAnchors } from '../markdown/body-anchors';
import { buildSiteModel, storedArchive, type DocumentData, type IssueData } from './site-model';

const gazette = {
  id: 'test',
  name: '测试公报',
  publisher: '测试市人民政府',
  editor: '测试市人民政府办公室',
  file: 'g',
} as ArchiveGazette;

function doc(id: string, fields: Partial<DocumentData> = {}): DocumentData {
  const [year, issue, slug] = id.split('/');
  return {
    id,
    slug,
    file: `content/test/${id}.md`,
    bodyLine: 10,
    title: `关于${slug}的通知`,
    issuers: ['测试市人民政府办公室'],
    date: `${year}-05-01`,
    recipients: [],
    section: '文件',
    page: 1,
    type: '通知',
    repeals: [],
    amends: [],
    basis: [],
    year: Number(year),
    issueNumber: Number(issue),
    issueId: `${year}/${issue}`,
    tocIndex: 0,
    ...fields,
  };
}

const model = buildSiteModel(
  storedArchive({
    gazette,
    issues: [
      {
        id: '2020/07',
        file: 'i',
        year: 2020,
        number: 7,
        cumulative: 232,
        sections: ['文件', '附录'],
        documentIds: ['2020/07/b', '2020/07/a'],
      },
      { id: '2019/24', file: 'j', year: 2019, number: 24, sections: ['文件'], documentIds: ['2019/24/old'] },
    ] satisfies IssueData[],
    documents: [
      doc('2019/24/old', { number: '测政办字〔2019〕3号', date: '2019-12-01', expires: '2020-12-31' }),
      doc('2020/07/b', {
        number: '测政办字〔2020〕10号',
        issuers: ['甲局', '乙局'],
        recipients: ['各区县人民政府', '市政府各部门'],
        title: '关于“双引号”, 逗号的通知',
        repeals: ['测政办字〔2019〕3号', '测政办发〔2018〕9号'],
        citations: ['测政办字〔2019〕3号', '国办发〔2018〕118号'],
        forwards: { title: '某方案', issuers: ['丙局'], number: '测丙发〔2020〕1号' },
      }),
      doc('2020/07/a', { section: '附录', page: 5, tocIndex: 1 }),
    ],
  }),
);

const bodies = new Map([
  ['2019/24/old', '<p>旧文件。</p>'],
  [
    '2020/07/b',
    '<p>第一段，见<a class="citation-link" href="/2019/24/old/">测政办字[2019]3号</a>。</p>\n<h3>一、表格</h3>\n<div class="table-scroll"><table><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td>推广</td></tr></table></div>\n<div class="signature"><p>甲局<br>\n2020年5月1日</p></div>',
  ],
  [
    '2020/07/a',
    '<p id="tiao-1" data-anchor="tiao"><a class="anchor" href="#tiao-1" aria-label="链接到第一条"></a>第一条　附录。</p>',
  ],
]);

const bodyFacts = new Map([...bodies].map(([id, html]) => [id, { text: bodyText(html), anchors: bodyAnchors(html) }]));
const data = buildOpenData(model, bodyFacts, {
  buildDate: '2021-01-01',
  absoluteUrl: (path) => `https://example.org/g/${path}`,
});

describe('plain text', () => {
  it('keeps paragraphs, line breaks and table cells apart', () => {
    expect(bodyText(bodies.get('2020/07/b')!)).toBe(
      '第一段，见测政办字[2019]3号。\n\n一、表格\n序号\t任务\n1\t推广\n\n甲局\n2020年5月1日',
    );
  });

  it('puts the recipients line before the body, as printed', () => {
    expect(documentText(['各区县人民政府', '市政府各部门'], '正文。')).toBe('各区县人民政府，市政府各部门：\n\n正文。');
    expect(documentText([], '正文。')).toBe('正文。');
  });
});

describe('buildOpenData', () => {
  it('writes a catalog sorted by id, with absolute URLs and statuses as of the build date', () => {
    expect(data.catalog).toMatchObject({ schemaVersion: SCHEMA_VERSION, statusDate: '2021-01-01', documentCount: 3 });
    expect(data.catalog.gazette).toEqual({
      name: '测试公报',
      publisher: '测试市人民政府',
      editor: '测试市人民政府办公室',
      url: 'https://example.org/g/',
    });
    expect(data.catalog.documents.map((record) => [record.id, record.status])).toEqual([
      ['2019/24/old', '已废止'],
      ['2020/07/a', '有效'],
      ['2020/07/b', '有效'],
    ]);
    const b = data.catalog.documents[2];
    expect(Object.keys(b)).toEqual([
      'id',
      'url',
      'dataUrl',
      'title',
      'number',
      'issuers',
      'date',
      'recipients',
      'type',
      'section',
      'issue',
      'page',
      'expires',
      'status',
    ]);
    expect(b).toMatchObject({
      url: 'https://example.org/g/2020/07/b/',
      dataUrl: 'https://example.org/g/data/documents/2020/07/b.json',
      issue: { id: '2020/07', year: 2020, number: 7, label: '2020年第7期', url: 'https://example.org/g/2020/07/' },
      expires: null,
    });
  });

  it('writes each document with relations both ways and its text', () => {
    const b = data.documents.get('2020/07/b')!;
    const oldRef = {
      id: '2019/24/old',
      title: '关于old的通知',
      number: '测政办字〔2019〕3号',
      date: '2019-12-01',
      url: 'https://example.org/g/2019/24/old/',
    };
    expect(b.relations.repeals).toEqual([
      { number: '测政办字〔2019〕3号', document: oldRef },
      { number: '测政办发〔2018〕9号', document: null },
    ]);
    expect(b.relations.cites).toEqual([
      { number: '测政办字〔2019〕3号', document: oldRef },
      { number: '国办发〔2018〕118号', document: null },
    ]);
    expect(b.forwards).toEqual({ title: '某方案', issuers: ['丙局'], number: '测丙发〔2020〕1号', document: null });
    expect(b.text.startsWith('各区县人民政府，市政府各部门：\n\n第一段')).toBe(true);
    const old = data.documents.get('2019/24/old')!;
    expect(old.relations.repealedBy.map((r) => r.id)).toEqual(['2020/07/b']);
    expect(old.relations.citedBy.map((r) => r.id)).toEqual(['2020/07/b']);
    expect(old.expires).toBe('2020-12-31');
  });

  it('writes each issue as its printed table of contents', () => {
    expect([...data.issues.keys()]).toEqual(['2019/24', '2020/07']);
    const july = data.issues.get('2020/07')!;
    expect(july).toMatchObject({
      id: '2020/07',
      year: 2020,
      number: 7,
      cumulative: 232,
      published: null,
      label: '2020年第7期',
    });
    expect(
      july.sections.map((section) => [section.name, section.documents.map((d) => [d.id, d.page, d.status])]),
    ).toEqual([
      ['文件', [['2020/07/b', 1, '有效']]],
      ['附录', [['2020/07/a', 5, '有效']]],
    ]);
  });

  it('writes an issue not divided into sections as one list named null, its documents with section null', () => {
    const flat = buildSiteModel(
      storedArchive({
        gazette,
        issues: [
          { id: '2020/07', file: 'i', year: 2020, number: 7, sections: [], documentIds: ['2020/07/a', '2020/07/b'] },
        ],
        documents: [
          doc('2020/07/a', { section: undefined, page: 2 }),
          doc('2020/07/b', { number: '测政办字〔2020〕10号', section: undefined, page: 6, tocIndex: 1 }),
        ],
      }),
    );
    const texts = new Map([
      ['2020/07/a', { text: '甲。', anchors: [] }],
      ['2020/07/b', { text: '乙。', anchors: [] }],
    ]);
    const open = buildOpenData(flat, texts, {
      buildDate: '2021-01-01',
      absoluteUrl: (path) => `https://example.org/g/${path}`,
    });
    expect(
      open.issues.get('2020/07')!.sections.map((section) => [section.name, section.documents.map((d) => d.id)]),
    ).toEqual([[null, ['2020/07/a', '2020/07/b']]]);
    expect(open.catalog.documents.map((record) => record.section)).toEqual([null, null]);
    expect(
      (parseCsv(catalogCsv(open.catalog.documents), { columns: true, bom: true }) as Record<string, string>[]).map(
        (row) => row.section,
      ),
    ).toEqual(['', '']);
  });

  it('writes one JSON Lines record per document, equal to its own file', () => {
    const lines = [...data.files.documentsJsonl.lines()].join('').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual([...data.documents.values()]);
    expect(lines.map((line) => JSON.parse(line).id)).toEqual(['2019/24/old', '2020/07/a', '2020/07/b']);
  });

  it('checksums the dumps in sha256sum format', () => {
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(data.files.sums).toBe(
      `${sha(data.files.catalogCsv)}  catalog.csv\n${sha(data.files.catalogJson)}  catalog.json\n${sha([...data.files.documentsJsonl.lines()].join(''))}  documents.jsonl\n`,
    );
  });

  it('is the same for the same input', () => {
    const again = buildOpenData(model, bodyFacts, {
      buildDate: '2021-01-01',
      absoluteUrl: (path) => `https://example.org/g/${path}`,
    });
    // documents.jsonl is made again from its lines each time it is read: compare what it gives.
    const contents = ({ documentsJsonl, ...files }: OpenData['files']) => ({
      ...files,
      documentsJsonl: {
        bytes: documentsJsonl.bytes,
        sha256: documentsJsonl.sha256,
        text: [...documentsJsonl.lines()].join(''),
      },
    });
    expect(contents(again.files)).toEqual(contents(data.files));
  });

  it('lists the anchors of a body with their URLs, before its text', () => {
    const record = data.documents.get('2020/07/a')!;
    expect(record.anchors).toEqual([
      {
        id: 'tiao-1',
        kind: 'tiao',
        label: '第一条',
        title: '',
        url: 'https://example.org/g/2020/07/a/#tiao-1',
      },
    ]);
    expect(Object.keys(record).slice(-2)).toEqual(['anchors', 'text']);
    expect(data.documents.get('2020/07/b')!.anchors).toEqual([]);
  });

  it('refuses a document without a rendered body', () => {
    expect(() => buildOpenData(model, new Map(), { buildDate: '2021-01-01', absoluteUrl: (p) => p })).toThrow(
      /no rendered body for 2019\/24\/old/,
    );
  });
});

describe('catalog.csv', () => {
  it('starts with a BOM, quotes per RFC 4180 and ends records with CRLF', () => {
    const csv = data.files.catalogCsv;
    expect(csv.startsWith('\uFEFFid,url,title,')).toBe(true);
    expect(csv).toContain('"关于“双引号”, 逗号的通知"');
    expect(csv.split('\r\n')).toHaveLength(5);
    const rows = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(rows[2]).toMatchObject({
      id: '2020/07/b',
      title: '关于“双引号”, 逗号的通知',
      issuers: '甲局、乙局',
      issue: '2020年第7期',
      expires: '',
      status: '有效',
    });
    expect(rows[0]).toMatchObject({ expires: '2020-12-31', status: '已废止' });
  });

  it('quotes a field holding a quote or a line break', () => {
    const [record] = data.catalog.documents;
    const csv = catalogCsv([{ ...record, title: '甲"乙\n丙' }]);
    expect(csv).toContain('"甲""乙\n丙"');
  });

  it('escapes fields a spreadsheet would run as formulas', () => {
    const [record] = data.catalog.documents;
    const rows = (fields: Partial<typeof record>) =>
      parseCsv(catalogCsv([{ ...record, ...fields }]), { bom: true, columns: true }) as Record<string, string>[];
    expect(
      rows({ title: '=HYPERLINK("http://x","y")', number: '+1', section: '@SUM(A1)', issuers: ['-2+3', '甲'] })[0],
    ).toMatchObject({
      title: `'=HYPERLINK("http://x","y")`,
      number: "'+1",
      section: "'@SUM(A1)",
      issuers: "'-2+3、甲",
    });
    expect(rows({ title: "=cmd|' /C calc'!A0" })[0].title).toBe("'=cmd|' /C calc'!A0");
    expect(rows({})[0].title).toBe(record.title);
  });
});

describe('paths', () => {
  it('mirror document ids and issue ids', () => {
    expect(documentDataPath('2020/07/zzbz-2020-54')).toBe('data/documents/2020/07/zzbz-2020-54.json');
    expect(issueDataPath('2020/07')).toBe('data/issues/2020-07.json');
  });

  it('give readers file sizes in bytes, kB and MB', () => {
    expect(formatFileSize('abc')).toBe('3 B');
    expect(formatFileSize('通'.repeat(700))).toBe('2.1 kB');
    expect(formatFileSize('a'.repeat(1_250_000))).toBe('1.3 MB');
    expect(formatFileSize(lineFile(() => ['通'.repeat(300), '通'.repeat(400)]))).toBe('2.1 kB');
  });

  it('checksums any set of files, sorted by name', () => {
    expect(sha256sums({ b: '', a: 'abc' })).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  b\n',
    );
  });
});
