import { describe, expect, it } from 'vitest';
import { buildSiteModel, storedArchive } from './site-model';
import { testDocument as doc, testGazette as gazette, testIssue as issue } from './site-model.fixtures';
import { documentView, issueView, shortLinkView, yearView } from './page-props';

const BUILD_DATE = '2021-01-01';

const model = buildSiteModel(
  storedArchive({
    gazette,
    issues: [
      issue('2020/07', ['2020/07/a', '2020/07/b']),
      issue('2020/08', ['2020/08/c', '2020/08/d'], { cumulative: 233 }),
    ],
    documents: [
      doc('2020/07/a', { number: '测政办字〔2020〕9号' }),
      doc('2020/07/b', {
        number: '测政办字〔2020〕10号',
        tocIndex: 1,
        page: 4,
        repeals: ['测政办字〔2020〕9号'],
        bodyHash: 'b',
      }),
      doc('2020/08/c', { expires: '2020-12-31' }),
      doc('2020/08/d', { tocIndex: 1, expires: '2030-12-31' }),
    ],
  }),
);
const byId = (id: string) => model.documents.find((d) => d.id === id)!;
/** Plain data survives a JSON round trip unchanged: no cycles, Maps or functions. */
const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('page props', () => {
  it('give a document page its own record, its issue’s, and its neighbours and relations as links', () => {
    const view = documentView(byId('2020/07/a'));
    expect(roundTrip(view)).toEqual(view);
    expect(view.title).toBe('关于a的通知');
    expect(view.issue).toMatchObject({ id: '2020/07', label: '2020年第7期', url: '2020/07/' });
    expect(view.issue).not.toHaveProperty('documents');
    expect(view.prev).toBeUndefined();
    expect(view.next).toEqual({
      id: '2020/07/b',
      url: '2020/07/b/',
      title: '关于b的通知',
      number: '测政办字〔2020〕10号',
      page: 4,
    });
    // A neighbour's body is not shown: its hash stays out.
    expect(view.relations.repealedBy).toEqual([view.next]);
  });

  it('give an issue page its contents as links and its neighbours as issue links', () => {
    const view = issueView(
      model.issues.find((i) => i.id === '2020/07')!,
      BUILD_DATE,
    );
    expect(roundTrip(view)).toEqual(view);
    expect(view.sections).toEqual([{ name: '文件', documents: view.documents }]);
    expect(view.documents.map((d) => d.id)).toEqual(['2020/07/a', '2020/07/b']);
    expect(view.next).toEqual({ id: '2020/08', url: '2020/08/', label: '2020年第8期', year: 2020, number: 8 });
  });

  it('give each listed document its status as of the build date, and its validity period', () => {
    const statuses = (id: string, buildDate: string) =>
      issueView(
        model.issues.find((i) => i.id === id)!,
        buildDate,
      ).documents.map(({ id, status, expires }) => (expires ? [id, status, expires] : [id, status]));
    expect(statuses('2020/07', BUILD_DATE)).toEqual([
      ['2020/07/a', '已废止'],
      ['2020/07/b', '有效'],
    ]);
    expect(statuses('2020/08', BUILD_DATE)).toEqual([
      ['2020/08/c', '已失效', '2020-12-31'],
      ['2020/08/d', '有效', '2030-12-31'],
    ]);
    // Before the repeal and the end of the validity period, both were in force.
    expect(statuses('2020/07', '2020-04-30')[0]).toEqual(['2020/07/a', '有效']);
    expect(statuses('2020/08', '2020-12-31')[0]).toEqual(['2020/08/c', '有效', '2020-12-31']);
  });

  it('give a year page each issue with its number of documents', () => {
    const view = yearView(model.years[0]!, BUILD_DATE);
    expect(roundTrip(view)).toEqual(view);
    expect(view.issues.map((i) => [i.id, i.documentCount, i.cumulative])).toEqual([
      ['2020/07', 2, undefined],
      ['2020/08', 2, 233],
    ]);
    // Only the documents no longer simply in force are named under their issue.
    expect(view.issues.map((i) => i.flagged.map((d) => [d.id, d.status]))).toEqual([
      [['2020/07/a', '已废止']],
      [['2020/08/c', '已失效']],
    ]);
  });

  it('give a short link page where it leads', () => {
    expect(shortLinkView(byId('2020/07/a'))).toEqual({
      url: '2020/07/a/',
      title: '关于a的通知',
      number: '测政办字〔2020〕9号',
    });
  });
});
