/**
 * Citations, relations and statuses in built archives: the sample (which cites only documents
 * it does not hold) and a small archive whose documents cite, repeal, amend and forward each
 * other (tests/fixtures/relations-archive).
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Root } from 'hast';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ISSUE_TOC } from '../helpers/archive';
import { readPage, select, selectAll, textOf } from '../helpers/built-site';
import {
  buildRelationsArchive,
  FIXTURE,
  FIXTURE_STATUS,
  ORDERS,
  RELATIONS_BASE,
  RELATIONS_CONTENT,
  relationsOutDir,
} from '../helpers/relations-archive';
import { readArchive } from '../../src/content/archive';
import { findDocNumbers } from '../../src/domain/doc-number';
import { lookupContext } from '../../src/domain/number-lookup';
import { bucketOfQuery, classifyNumberQuery, lookupNumber, numberBucketPath } from '../../src/search/state';
import { DOCUMENT_STATUSES } from '../../src/domain/relations';

const page = (dir: string, id: string) => readPage(dir, `${id}/index.html`);
const statusOf = (tree: Root) => textOf(select('.doc-status strong', tree));
const filterOf = (tree: Root) => textOf(select('[data-pagefind-filter="status"]', tree));
/** dt label → its list items (text, and the link's href), in the 关联文件 section. */
function relationItems(tree: Root): Record<string, { text: string; href?: string }[]> {
  const rows: Record<string, { text: string; href?: string }[]> = {};
  let label = '';
  for (const node of selectAll('section.doc-relations dt, section.doc-relations li', tree)) {
    if (node.tagName === 'dt') rows[(label = textOf(node))] = [];
    else rows[label].push({ text: textOf(node), href: select('a', node)?.properties.href as string | undefined });
  }
  return rows;
}
const relationRows = (tree: Root) =>
  Object.fromEntries(
    Object.entries(relationItems(tree)).map(([label, items]) => [label, items.map((item) => item.text)]),
  );

describe('the sample archive', () => {
  const out = inject('outRoot');

  it('shows 淄政办字〔2020〕56号 as expired (valid until 2020-12-31), in the banner and the search filter', () => {
    const tree = page(out, '2020/07/zzbz-2020-56');
    expect(statusOf(tree)).toBe('已失效');
    expect(textOf(select('.doc-status', tree))).toContain('有效期至2020年12月31日，已过有效期。');
    expect(filterOf(tree)).toBe('已失效');
  });

  it('gives every document one status, the same in banner and filter', () => {
    for (const { slug } of ISSUE_TOC) {
      const tree = page(out, `2020/07/${slug}`);
      expect(DOCUMENT_STATUSES).toContain(statusOf(tree));
      expect(filterOf(tree)).toBe(statusOf(tree));
      expect(select('.doc-status', tree)!.properties.dataPagefindIgnore).toBeDefined();
    }
  });

  it('shows on 58号 that it repeals 淄政办发〔2018〕9号, a document not in the archive', () => {
    const tree = page(out, '2020/07/zzbz-2020-58');
    expect(relationRows(tree)).toEqual({ 本文件废止: ['淄政办发〔2018〕9号（本库未收录）'] });
    expect(select('section.doc-relations', tree)!.properties.dataPagefindIgnore).toBeDefined();
  });

  it('marks every number cited in a body as not in the archive, keeping its printed spelling', () => {
    const { archive } = readArchive(join(process.cwd(), 'content'));
    for (const document of archive!.documents) {
      const tree = page(out, document.id);
      const marked = selectAll('.doc-body .citation-external', tree).map((node) => [
        textOf(node),
        node.properties.title,
      ]);
      const cited = findDocNumbers(document.body).map((number) => [number.raw, '本库未收录']);
      expect(marked, document.id).toEqual(cited);
      expect(selectAll('.doc-body a.citation-link', tree)).toEqual([]);
    }
  });
});

describe('an archive whose documents refer to each other', () => {
  const out = relationsOutDir();
  const earlier = relationsOutDir();
  beforeAll(async () => {
    // First the archive as it was before the repealed document was added, so that the build
    // below finds the other bodies cached by Astro and must re-render the ones citing it.
    const content = join(earlier, 'content', basename(RELATIONS_CONTENT));
    cpSync(RELATIONS_CONTENT, content, { recursive: true });
    rmSync(join(content, `zibo/${FIXTURE.repealed}.md`));
    const before = await buildRelationsArchive(join(earlier, 'out'), content);
    expect(before.code, before.output.split('\n').slice(-40).join('\n')).toBe(0);
    const result = await buildRelationsArchive(out);
    expect(result.code, result.output.split('\n').slice(-40).join('\n')).toBe(0);
  }, 300_000);
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(earlier, { recursive: true, force: true });
  });

  it('marked a citation as not in the archive before the cited document was added, and links it after', () => {
    const before = selectAll('.doc-body .citation-external', page(join(earlier, 'out'), FIXTURE.repealing)).map(textOf);
    expect(before).toContain('淄政办字[2019]10号');
    const after = selectAll('.doc-body a.citation-link', page(out, FIXTURE.repealing)).map(textOf);
    expect(after).toContain('淄政办字[2019]10号');
  });

  it('computes each status for the build date, in the banner and the search filter', () => {
    for (const [id, status] of Object.entries(FIXTURE_STATUS)) {
      const tree = page(out, id);
      expect([id, statusOf(tree), filterOf(tree)]).toEqual([id, status, status]);
    }
  });

  it('says on a repealed or amended document which document did it, with a link', () => {
    const repealed = select('.doc-status', page(out, FIXTURE.repealed))!;
    expect(textOf(repealed)).toContain('已被《关于加强重大行政决策合法性审查的意见》（淄政办字〔2020〕1号）废止。');
    expect(select('a', repealed)!.properties.href).toBe(`${RELATIONS_BASE}${FIXTURE.repealing}/`);
    const amended = select('.doc-status', page(out, FIXTURE.rules))!;
    expect(textOf(amended)).toContain(
      '已被《关于修改淄博市重大行政决策程序规定部分条款的通知》（淄政办字〔2020〕2号）修改',
    );
  });

  it('links citations of archived documents in every spelling, base-aware, to pages that exist', () => {
    const links = selectAll('.doc-body a.citation-link', page(out, FIXTURE.repealing)).map((a) => [
      textOf(a),
      a.properties.href,
    ]);
    expect(links).toEqual([
      ['市政府令 第102号', `${RELATIONS_BASE}${FIXTURE.rules}/`],
      ['淄政办字[2019]10号', `${RELATIONS_BASE}${FIXTURE.repealed}/`],
    ]);
    for (const [, href] of links)
      expect(existsSync(join(out, String(href).slice(RELATIONS_BASE.length), 'index.html'))).toBe(true);
    const external = selectAll('.doc-body .citation-external', page(out, FIXTURE.repealing)).map(textOf);
    expect(external).toEqual(['国办发〔2018〕118号', '淄政办发[2018]9号']);
  });

  it('links the numbers the 简介 cites, as in document bodies', () => {
    const about = readPage(out, 'about/index.html');
    const links = selectAll('.doc-body a.citation-link', about).map((a) => [textOf(a), a.properties.href]);
    expect(links).toEqual([['市政府令第102号', `${RELATIONS_BASE}${FIXTURE.rules}/`]]);
    expect(selectAll('.doc-body .citation-external', about).map(textOf)).toEqual(['淄政办发〔2018〕9号']);
  });

  it('does not take dates, phone numbers, percentages or ordinals for citations', () => {
    const body = textOf(select('.doc-body', page(out, FIXTURE.repealing)));
    for (const text of ['第67次常务会议', '100%', '0533-3183683', '2020年1月10日起施行']) expect(body).toContain(text);
    expect(selectAll('.doc-body a, .doc-body .citation-external', page(out, FIXTURE.expired))).toEqual([]);
  });

  it('lists backlinks: exactly the documents whose bodies link to the page', () => {
    const linkers = new Map<string, string[]>();
    for (const id of Object.values(FIXTURE)) {
      for (const a of selectAll('.doc-body a.citation-link', page(out, id))) {
        const target = String(a.properties.href).slice(RELATIONS_BASE.length, -1);
        if (!linkers.get(target)?.includes(id)) linkers.set(target, [...(linkers.get(target) ?? []), id]);
      }
    }
    for (const id of Object.values(FIXTURE)) {
      const listed = (relationItems(page(out, id))['引用本文件的文件'] ?? []).map((item) =>
        String(item.href).slice(RELATIONS_BASE.length, -1),
      );
      expect([id, listed.sort()]).toEqual([id, (linkers.get(id) ?? []).sort()]);
    }
    expect(linkers.get(FIXTURE.rules)?.length).toBe(3);
  });

  it('shows typed relations both ways', () => {
    expect(relationRows(page(out, FIXTURE.repealing))).toEqual({
      本文件废止: [
        '《关于进一步做好重大行政决策合法性审查工作的通知》（淄政办字〔2019〕10号）',
        '淄政办发〔2018〕9号（本库未收录）',
      ],
      本文件依据: ['《淄博市重大行政决策程序规定》（市政府令第102号）'],
      转发本文件的文件: ['《关于修改淄博市重大行政决策程序规定部分条款的通知》（淄政办字〔2020〕2号）'],
      引用本文件的文件: ['《关于修改淄博市重大行政决策程序规定部分条款的通知》（淄政办字〔2020〕2号）'],
    });
    expect(relationRows(page(out, FIXTURE.rules))).toMatchObject({
      以本文件为依据的文件: ['《关于加强重大行政决策合法性审查的意见》（淄政办字〔2020〕1号）'],
    });
    expect(relationRows(page(out, FIXTURE.amending))).toEqual({
      本文件修改: ['《淄博市重大行政决策程序规定》（市政府令第102号）'],
    });
    expect(relationRows(page(out, FIXTURE.expired))).toEqual({});
  });

  it('writes the same relations and statuses into the data files', () => {
    for (const id of Object.values(FIXTURE)) {
      const record = JSON.parse(readFileSync(join(out, `data/documents/${id}.json`), 'utf8'));
      expect(record.status).toBe(FIXTURE_STATUS[id]);
      expect(record.statusDate).toBe('2021-01-01');
      const citedBy = (record.relations.citedBy as { id: string }[]).map((ref) => ref.id);
      const shown = (relationRows(page(out, id))['引用本文件的文件'] ?? []).length;
      expect(citedBy).toHaveLength(shown);
    }
    const repealing = JSON.parse(readFileSync(join(out, `data/documents/${FIXTURE.repealing}.json`), 'utf8'));
    expect(
      repealing.relations.repeals.map((link: { number: string; document: { id: string } | null }) => [
        link.number,
        link.document?.id ?? null,
      ]),
    ).toEqual([
      ['淄政办字〔2019〕10号', FIXTURE.repealed],
      ['淄政办发〔2018〕9号', null],
    ]);
  });

  it('marks feed entries whose documents are no longer in force, in the site feed and the group feeds', () => {
    const entries = (file: string) => {
      const feed = new XMLParser({
        ignoreAttributes: false,
        isArray: (name) => name === 'entry' || name === 'category',
      }).parse(readFileSync(join(out, file), 'utf8')).feed;
      return new Map(
        (
          feed.entry as {
            id: string;
            title: { '#text': string };
            summary: { '#text': string };
            category: Record<string, string>[];
          }[]
        ).map((entry) => [
          new URL(entry.id).pathname.slice(RELATIONS_BASE.length, -1),
          {
            title: entry.title['#text'],
            summary: entry.summary['#text'],
            status:
              entry.category.find((category) => category['@_label']?.startsWith('效力状态'))?.['@_term'] ?? '有效',
          },
        ]),
      );
    };
    const site = entries('feed.xml');
    const issuer = readdirSync(join(out, 'feeds/issuer')).map((file) => entries(`feeds/issuer/${file}`));
    expect(site.size).toBe(8);
    for (const [id, status] of Object.entries(FIXTURE_STATUS)) {
      const entry = site.get(id)!;
      expect([id, entry.status]).toEqual([id, status]);
      if (status === '有效') expect(entry.title).not.toMatch(/^【/);
      else {
        expect(entry.title).toMatch(new RegExp(`^【${status}】`));
        expect(entry.summary).toMatch(new RegExp(`^效力状态：${status}（截至2021年1月1日）。`));
      }
      // Every issuer's feed says the same of the document.
      for (const feed of issuer.filter((feed) => feed.has(id))) expect(feed.get(id)).toEqual(entry);
    }
    expect(site.get(FIXTURE.expired)!.summary).toMatch(/有效期至2020年6月30日。$/);
  });

  describe('orders printed in full and cited in short', () => {
    const decreeHref = `${RELATIONS_BASE}${ORDERS.decree}/`;
    const cityOrderHref = `${RELATIONS_BASE}${ORDERS.cityOrder}/`;

    it('links 国务院令第713号 to the decree printed 中华人民共和国国务院令第713号, and 市政府令第103号 to 淄博市人民政府令第103号', () => {
      const links = selectAll('.doc-body a.citation-link', page(out, ORDERS.citing)).map((a) => [
        textOf(a),
        a.properties.href,
      ]);
      expect(links).toEqual([
        ['国务院令第713号', decreeHref],
        ['市政府令第103号', cityOrderHref],
      ]);
      expect(selectAll('.doc-body .citation-external', page(out, ORDERS.citing))).toEqual([]);
    });

    it('relates them both ways, each number shown as printed', () => {
      expect(relationRows(page(out, ORDERS.citing))).toEqual({
        本文件依据: [
          '《重大行政决策程序暂行条例》（中华人民共和国国务院令第713号）',
          '《淄博市行政规范性文件管理规定》（淄博市人民政府令第103号）',
        ],
      });
      for (const id of [ORDERS.decree, ORDERS.cityOrder]) {
        expect(relationRows(page(out, id)), id).toEqual({
          以本文件为依据的文件: ['《关于贯彻落实重大行政决策程序有关规定的通知》（淄政办字〔2020〕4号）'],
          引用本文件的文件: ['《关于贯彻落实重大行政决策程序有关规定的通知》（淄政办字〔2020〕4号）'],
        });
      }
    });

    it("finds each by either spelling in the search page's number lookup, in the bucket the page names", () => {
      const form = select('#search-form', readPage(out, 'search/index.html'))!;
      const context = lookupContext(String(form.properties.dataGazette));
      const buckets = Number(form.properties.dataNumberBuckets);
      const find = (q: string) => {
        const query = classifyNumberQuery(q)!;
        const table = JSON.parse(
          readFileSync(join(out, numberBucketPath(bucketOfQuery(query, buckets, context))), 'utf8'),
        );
        return lookupNumber(query, table, context);
      };
      for (const q of ['中华人民共和国国务院令第713号', '国务院令第713号', '国务院令713号']) {
        expect(find(q), q).toMatchObject({ url: decreeHref, number: '中华人民共和国国务院令第713号' });
      }
      for (const q of ['淄博市人民政府令第103号', '市政府令第103号', '市政府令 第103号']) {
        expect(find(q), q).toMatchObject({ url: cityOrderHref, number: '淄博市人民政府令第103号' });
      }
    });

    it('leads to the decree from a short link by either spelling', () => {
      for (const key of ['中华人民共和国国务院令-713', '国务院令-713']) {
        const link = select('main a', readPage(out, `n/${key}/index.html`))!;
        expect([key, link.properties.href]).toEqual([key, decreeHref]);
      }
    });
  });
});
