import { describe, expect, it } from 'vitest';
import { bodyCacheKey, pageCacheKey } from './page-cache-key';
import { documentView, issueView, yearView } from './page-props';
import { buildSiteModel, storedArchive, type DocumentData, type IssueData } from './site-model';
import { testDocument as doc, testGazette as gazette, testIssue as issue } from './site-model.fixtures';

/** Three issues; b repeals a, which sits before it in the same issue. */
function model(
  changes: { documents?: Record<string, Partial<DocumentData>>; issues?: Record<string, Partial<IssueData>> } = {},
) {
  const documents: [string, Partial<DocumentData>][] = [
    ['2020/07/a', { number: '测政办字〔2020〕9号' }],
    ['2020/07/b', { number: '测政办字〔2020〕10号', tocIndex: 1, repeals: ['测政办字〔2020〕9号'] }],
    ['2020/08/c', { date: '2020-07-02' }],
    ['2019/24/z', { date: '2019-12-20' }],
  ];
  return buildSiteModel(
    storedArchive({
      gazette,
      issues: [
        issue('2020/08', ['2020/08/c'], changes.issues?.['2020/08']),
        issue('2020/07', ['2020/07/a', '2020/07/b'], changes.issues?.['2020/07']),
        issue('2019/24', ['2019/24/z'], changes.issues?.['2019/24']),
      ],
      documents: documents.map(([id, fields]) => doc(id, { ...fields, ...changes.documents?.[id] })),
    }),
  );
}

const BUILD_DATE = '2021-01-01';
// Keyed as the pages key them: the props they render (src/site/page-props.ts), the gazette.
const documentKey = (site: ReturnType<typeof model>, id: string, context: object = {}) =>
  pageCacheKey({ document: documentView(site.documents.find((d) => d.id === id)!), ...context }, site.gazette);
const issueKey = (site: ReturnType<typeof model>, id: string) =>
  pageCacheKey(
    {
      issue: issueView(
        site.issues.find((i) => i.id === id)!,
        BUILD_DATE,
      ),
    },
    site.gazette,
  );
const yearKey = (site: ReturnType<typeof model>, year: number) =>
  pageCacheKey(
    {
      year: yearView(
        site.years.find((y) => y.year === year)!,
        BUILD_DATE,
      ),
    },
    site.gazette,
  );

describe('pageCacheKey', () => {
  it('is the same for the same archive, built twice', () => {
    for (const id of ['2020/07/a', '2020/07/b', '2020/08/c', '2019/24/z']) {
      expect(documentKey(model(), id)).toBe(documentKey(model(), id));
    }
    expect(issueKey(model(), '2020/07')).toBe(issueKey(model(), '2020/07'));
    expect(yearKey(model(), 2020)).toBe(yearKey(model(), 2020));
  });

  it("changes when an issue stops being divided into sections, for its page and its documents' pages", () => {
    const flat = model({
      issues: { '2020/07': { sections: [] } },
      documents: { '2020/07/a': { section: undefined }, '2020/07/b': { section: undefined } },
    });
    expect(issueKey(flat, '2020/07')).not.toBe(issueKey(model(), '2020/07'));
    expect(documentKey(flat, '2020/07/a')).not.toBe(documentKey(model(), '2020/07/a'));
    expect(issueKey(flat, '2020/07')).toBe(
      issueKey(
        model({
          issues: { '2020/07': { sections: [] } },
          documents: { '2020/07/a': { section: undefined }, '2020/07/b': { section: undefined } },
        }),
        '2020/07',
      ),
    );
  });

  it('changes with what the page shows of the document itself', () => {
    const changed = model({ documents: { '2020/07/a': { recipients: ['各区县政府'] } } });
    expect(documentKey(changed, '2020/07/a')).not.toBe(documentKey(model(), '2020/07/a'));
  });

  it('changes with a neighbour’s title (previous and next links)', () => {
    const changed = model({ documents: { '2020/07/b': { title: '关于b的新通知' } } });
    expect(documentKey(changed, '2020/07/a')).not.toBe(documentKey(model(), '2020/07/a'));
    expect(issueKey(changed, '2020/07')).not.toBe(issueKey(model(), '2020/07'));
  });

  it('changes with a relation, seen from its target (repealed by)', () => {
    const changed = model({ documents: { '2020/07/b': { repeals: [] } } });
    expect(documentKey(changed, '2020/07/a')).not.toBe(documentKey(model(), '2020/07/a'));
  });

  it('changes with the issue the document is printed in', () => {
    const changed = model({ issues: { '2020/07': { cumulative: 232 } } });
    expect(documentKey(changed, '2020/07/a')).not.toBe(documentKey(model(), '2020/07/a'));
    expect(yearKey(changed, 2020)).not.toBe(yearKey(model(), 2020));
  });

  it('changes with the document’s own body, not with a neighbour’s', () => {
    const changed = model({ documents: { '2020/07/a': { bodyHash: 'another' } } });
    expect(documentKey(changed, '2020/07/a')).not.toBe(documentKey(model(), '2020/07/a'));
    expect(documentKey(changed, '2020/07/b')).toBe(documentKey(model(), '2020/07/b'));
    expect(issueKey(changed, '2020/07')).toBe(issueKey(model(), '2020/07'));
  });

  it('changes with the context: status, history, body', () => {
    const site = model();
    expect(documentKey(site, '2020/07/a', { status: '有效' })).not.toBe(
      documentKey(site, '2020/07/a', { status: '已废止' }),
    );
    expect(documentKey(site, '2020/07/a', { body: '<p>一</p>' })).not.toBe(
      documentKey(site, '2020/07/a', { body: '<p>二</p>' }),
    );
  });

  it('does not depend on documents the page does not reach', () => {
    const changed = model({ documents: { '2019/24/z': { title: '另一个标题' } } });
    expect(documentKey(changed, '2020/07/a')).toBe(documentKey(model(), '2020/07/a'));
    expect(issueKey(changed, '2020/07')).toBe(issueKey(model(), '2020/07'));
    expect(yearKey(changed, 2020)).toBe(yearKey(model(), 2020));
  });

  it('keys plain data too', () => {
    expect(pageCacheKey({ a: 1 })).toBe(pageCacheKey({ a: 1 }));
    expect(pageCacheKey({ a: 1 })).not.toBe(pageCacheKey({ a: 2 }));
  });

  it('changes with the gazette the layout shows', () => {
    expect(pageCacheKey({ a: 1 }, { name: '甲' })).not.toBe(pageCacheKey({ a: 1 }, { name: '乙' }));
  });

  it('refuses props it could not hash whole: site records with their links, Maps, functions', () => {
    const site = model();
    // A SiteDocument links back to itself through its issue: not plain data.
    expect(() => pageCacheKey({ document: site.documents[0] })).toThrow(/circular/i);
    expect(() => pageCacheKey({ table: site.byNumber })).toThrow(/"table" is a Map/);
    expect(() => pageCacheKey({ render: () => '' })).toThrow(/"render" is a function/);
  });

  it('keys a year page by each issue’s number of documents', () => {
    const moved = model({
      issues: { '2020/07': { documentIds: ['2020/07/a'] }, '2020/08': { documentIds: ['2020/08/c', '2020/07/b'] } },
    });
    expect(yearKey(moved, 2020)).not.toBe(yearKey(model(), 2020));
  });
});

describe('bodyCacheKey', () => {
  it('changes with the text, and only with it', () => {
    const body = '{\n  "id": "2020/07/a"\n}\n';
    expect(bodyCacheKey(body)).toBe(bodyCacheKey(`${body}`));
    expect(bodyCacheKey(body)).not.toBe(bodyCacheKey(body.replace('a', 'b')));
    expect(bodyCacheKey(body)).toMatch(/^[\w-]{43}$/u);
  });
});
