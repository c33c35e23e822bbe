import { describe, expect, it } from 'vitest';
import {
  buildSiteModel,
  storedArchive,
  citation,
  describeDocument,
  formalTitle,
  issueLabel,
  shortCitation,
  shortLinkKey,
} from './site-model';
import { testDocument as doc, testGazette as gazette, testIssue as issue } from './site-model.fixtures';

const model = buildSiteModel(
  storedArchive({
    gazette,
    issues: [
      issue('2020/08', ['2020/08/c']),
      issue('2020/07', ['2020/07/a', '2020/07/b']),
      issue('2019/24', ['2019/24/z'], { published: '2019-12-30' }),
    ],
    documents: [
      doc('2020/07/a', { number: '测政办字〔2020〕9号', issuers: ['甲局', '乙局'], date: '2020-06-01' }),
      doc('2020/07/b', {
        number: '测政办字〔2020〕10号',
        page: 5,
        tocIndex: 1,
        type: '意见',
        title: '关于b的意见',
        section: '附录',
      }),
      doc('2020/08/c', { date: '2020-07-02' }),
      doc('2019/24/z', { number: '市政府令第102号', date: '2019-12-20', type: '令', title: '测试市某某规定' }),
    ],
  }),
);

describe('buildSiteModel', () => {
  it('lays out permalinks', () => {
    const a = model.documents.find((d) => d.id === '2020/07/a')!;
    expect(a.url).toBe('2020/07/a/');
    expect(a.shortUrl).toBe('n/测政办字-2020-9/');
    expect(a.issue.url).toBe('2020/07/');
    expect(model.documents.find((d) => d.id === '2020/08/c')!.shortUrl).toBeUndefined();
  });

  it('adds a short link by lookup key when the number is printed otherwise, and relates by it', () => {
    const city = buildSiteModel(
      storedArchive({
        gazette: { ...gazette, name: '测试市人民政府公报' },
        issues: [issue('2020/07', ['2020/07/decree', '2020/07/rules', '2020/07/notice'])],
        documents: [
          doc('2020/07/decree', { number: '中华人民共和国国务院令第713号', type: '令', title: '某条例' }),
          doc('2020/07/rules', { number: '市政府令第102号', type: '令', title: '测试市某某规定', tocIndex: 1 }),
          doc('2020/07/notice', {
            number: '测政办字〔2020〕9号',
            basis: ['国务院令第713号', '测试市人民政府令第102号'],
            tocIndex: 2,
          }),
        ],
      }),
    );
    const byId = (id: string) => city.documents.find((d) => d.id === id)!;
    expect(byId('2020/07/decree')).toMatchObject({
      shortUrl: 'n/中华人民共和国国务院令-713/',
      shortUrlAliases: ['n/国务院令-713/'],
    });
    expect(byId('2020/07/rules')).toMatchObject({
      shortUrl: 'n/市政府令-102/',
      shortUrlAliases: ['n/测试市人民政府令-102/'],
    });
    expect(byId('2020/07/notice').shortUrlAliases).toEqual([]);
    expect(byId('2020/07/notice').relations.basis.map((link) => link.target?.id)).toEqual([
      '2020/07/decree',
      '2020/07/rules',
    ]);
    // The sample's gazette (测试公报) names no city: 市政府令 stays as written.
    expect(model.documents.find((d) => d.id === '2019/24/z')!.shortUrlAliases).toEqual([]);
  });

  it('orders years and issues newest first, documents as printed', () => {
    expect(model.years.map((y) => [y.year, y.issues.map((i) => i.number), y.documentCount])).toEqual([
      [2020, [7, 8], 3],
      [2019, [24], 1],
    ]);
    expect(model.issues.map((i) => i.id)).toEqual(['2020/08', '2020/07', '2019/24']);
    expect(model.latestIssue?.id).toBe('2020/08');
    expect(model.documents.map((d) => d.id)).toEqual(['2019/24/z', '2020/07/a', '2020/07/b', '2020/08/c']);
  });

  it('groups an issue by its sections and links neighbours', () => {
    const july = model.issues.find((i) => i.id === '2020/07')!;
    expect(july.sections.map((s) => [s.name, s.documents.map((d) => d.slug)])).toEqual([
      ['文件', ['a']],
      ['附录', ['b']],
    ]);
    expect(july.documents[0].next?.slug).toBe('b');
    expect(july.documents[1].prev?.slug).toBe('a');
    expect(july.prev?.id).toBe('2019/24');
    expect(july.next?.id).toBe('2020/08');
    expect(july.latestDate).toBe('2020-06-01');
    expect(model.issues.find((i) => i.id === '2019/24')!.latestDate).toBe('2019-12-30');
  });

  it('gives an issue not divided into sections one list without a name, in printed order', () => {
    const flat = buildSiteModel(
      storedArchive({
        gazette,
        issues: [issue('2020/07', ['2020/07/a', '2020/07/b'], { sections: [] })],
        documents: [
          doc('2020/07/a', { section: undefined, page: 2 }),
          doc('2020/07/b', { section: undefined, page: 7, tocIndex: 1 }),
        ],
      }),
    );
    const [july] = flat.issues;
    expect(july!.sectionNames).toEqual([]);
    expect(july!.sections.map((s) => [s.name, s.documents.map((d) => d.slug)])).toEqual([[null, ['a', 'b']]]);
    expect(july!.documents[0]!.next?.slug).toBe('b');
  });

  it('indexes by issuer (joint documents under each), type and number', () => {
    expect(model.byIssuer.map((g) => [g.name, g.documents.map((d) => d.slug)])).toEqual([
      ['测试市人民政府办公室', ['c', 'b', 'z']],
      // Same size: in pinyin order, 甲 (jiǎ) before 乙 (yǐ).
      ['甲局', ['a']],
      ['乙局', ['a']],
    ]);
    expect(model.byType.map((g) => [g.name, g.anchor])).toEqual([
      ['通知', 'type-1'],
      ['令', 'type-2'],
      ['意见', 'type-3'],
    ]);
    // By prefix in pinyin order (测 cè before 市 shì), then year and sequence number.
    expect(model.numbered.map((d) => d.number)).toEqual([
      '测政办字〔2020〕9号',
      '测政办字〔2020〕10号',
      '市政府令第102号',
    ]);
  });

  it('gives every issuer and type an ASCII slug and a feed', () => {
    expect(model.byIssuer.map((g) => [g.slug, g.feedUrl])).toEqual([
      ['ce-shi-shi-ren-min-zheng-fu-ban-gong-shi', 'feeds/issuer/ce-shi-shi-ren-min-zheng-fu-ban-gong-shi.xml'],
      ['jia-ju', 'feeds/issuer/jia-ju.xml'],
      ['yi-ju', 'feeds/issuer/yi-ju.xml'],
    ]);
    expect(model.byType.map((g) => g.feedUrl)).toEqual([
      'feeds/type/tong-zhi.xml',
      'feeds/type/ling.xml',
      'feeds/type/yi-jian.xml',
    ]);
  });

  it('owns the number table: every numbered document under its lookup key', () => {
    expect([...model.byNumber].map(([key, document]) => [key, document.id])).toEqual([
      ['市政府令第102号', '2019/24/z'],
      ['测政办字〔2020〕9号', '2020/07/a'],
      ['测政办字〔2020〕10号', '2020/07/b'],
    ]);
    // The same records the rest of the model links: relations resolve through it.
    expect(model.byNumber.get('测政办字〔2020〕9号')).toBe(model.documents.find((d) => d.id === '2020/07/a'));
  });

  it('puts the stored collections back in the archive order, whatever order the store returns', () => {
    const stored = storedArchive({
      gazette,
      issues: [
        issue('2020/08', ['2020/08/c']),
        issue('2019/24', ['2019/24/z']),
        issue('2020/07', ['2020/07/b', '2020/07/a']),
      ],
      documents: [doc('2020/07/a'), doc('2019/24/z'), doc('2020/08/c'), doc('2020/07/b')],
    });
    expect(stored.issues.map((i) => [i.id, i.documents.map((d) => d.id)])).toEqual([
      ['2019/24', ['2019/24/z']],
      ['2020/07', ['2020/07/b', '2020/07/a']],
      ['2020/08', ['2020/08/c']],
    ]);
  });

  it('refuses an issue that lists a document it does not have', () => {
    expect(() =>
      buildSiteModel(storedArchive({ gazette, issues: [issue('2020/07', ['2020/07/x'])], documents: [] })),
    ).toThrow(/lists 2020\/07\/x/);
  });
});

describe('document texts', () => {
  const a = model.documents.find((d) => d.id === '2020/07/a')!;

  it('labels issues and short links', () => {
    expect(issueLabel({ year: 2020, number: 7 })).toBe('2020年第7期');
    expect(shortLinkKey('测政办字[2020]9号')).toBe('测政办字-2020-9');
    expect(shortLinkKey('not a number')).toBeUndefined();
  });

  it('writes the formal title, the citation and the description', () => {
    expect(formalTitle(a)).toBe('甲局　乙局关于a的通知');
    expect(formalTitle({ title: '测试市某某规定', issuers: ['市政府'] })).toBe('测试市某某规定');
    expect(citation(a, '测试公报')).toBe(
      '甲局、乙局：《关于a的通知》（测政办字〔2020〕9号），2020年6月1日，载《测试公报》2020年第7期第1页，',
    );
    expect(describeDocument(a, '测试公报')).toBe(
      '甲局、乙局2020年6月1日发布的通知《关于a的通知》（测政办字〔2020〕9号），刊载于《测试公报》2020年第7期第1页。',
    );
  });

  it('cites a document in running text by its official title and number', () => {
    expect(shortCitation(a)).toBe('甲局、乙局关于a的通知（测政办字〔2020〕9号）');
    expect(shortCitation({ title: '测试市某某规定', issuers: ['市政府'] })).toBe('测试市某某规定');
  });
});

describe('relations in the site model', () => {
  const related = buildSiteModel(
    storedArchive({
      gazette,
      issues: [issue('2020/07', ['2020/07/a', '2020/07/b'])],
      documents: [
        doc('2020/07/a', { number: '测政办字〔2020〕9号' }),
        doc('2020/07/b', {
          number: '测政办字〔2020〕10号',
          tocIndex: 1,
          repeals: ['测政办字〔2020〕9号'],
          citations: ['测政办字〔2020〕9号', '测政发〔2019〕1号'],
        }),
      ],
    }),
  );
  const [a, b] = related.documents;

  it('links site documents both ways', () => {
    expect(a.relations.repealedBy).toEqual([b]);
    expect(a.relations.citedBy).toEqual([b]);
    expect(b.relations.repeals).toEqual([{ number: '测政办字〔2020〕9号', target: a }]);
    expect(b.relations.cites.map((link) => [link.number, link.target?.url])).toEqual([
      ['测政办字〔2020〕9号', '2020/07/a/'],
      ['测政发〔2019〕1号', undefined],
    ]);
  });

  it('gives documents rendered before citations existed empty lists', () => {
    expect(
      model.documents.every(
        (document) => document.relations.cites.length === 0 && document.relations.citedBy.length === 0,
      ),
    ).toBe(true);
  });
});
