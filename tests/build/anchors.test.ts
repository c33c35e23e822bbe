/**
 * Stable anchors in the built sample archive (src/markdown/rehype-stable-ids.ts): every anchored
 * head has its copy link, the outline and the 附件说明 point at ids on the page, the open data
 * lists the same anchors, and the ids come from the text: importing the sample issue again gives
 * the ids the built pages have.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Element } from 'hast';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ISSUE_TOC } from '../helpers/archive';
import { readPage, select, selectAll } from '../helpers/built-site';
import { gazetteProcessor } from '../helpers/gazette-markdown';
import { importIssueText } from '../../src/import/import-issue';

const SEED = readFileSync(join(import.meta.dirname, '../fixtures/zibo-gazette-2020-07.txt'), 'utf8');
const SITE = 'https://gazette.example.org';

let out: string;
beforeAll(() => {
  out = inject('outRoot');
});

const page = (slug: string) => readPage(out, `2020/07/${slug}/index.html`);
const anchored = (slug: string) => selectAll('.doc-body [data-anchor]', page(slug));
const pageIds = (slug: string) => anchored(slug).map((element) => String(element.properties.id));

/** The anchors' ids of each document the importer makes of the sample issue, by slug. */
function importedIds(): Map<string, string[]> {
  const { documents } = importIssueText(SEED);
  return new Map(
    documents.map((document) => {
      const body = document.content.replace(/^---\n[\s\S]*?\n---\n/, '');
      const file = gazetteProcessor().processSync(body);
      return [document.slug, file.data.anchors!.map((anchor) => anchor.id)];
    }),
  );
}

describe('stable anchors', () => {
  it('gives the numbered heads of the sample ids from their numbers', () => {
    expect(pageIds('zzbz-2020-56')).toEqual([
      'bufen-1',
      'bufen-2',
      'bufen-3',
      'bufen-4',
      'bufen-5',
      'bufen-6',
      'bufen-7',
      'bufen-8',
    ]);
    expect(pageIds('zzbz-2020-54')).toEqual(expect.arrayContaining(['bufen-3', 'bufen-3-xiang-5', 'bufen-4-xiang-3']));
    expect(pageIds('zzbz-2020-57')).toEqual(
      expect.arrayContaining([
        'bufen-1-xiang-2-mu-1',
        'bufen-2-xiang-3-mu-6',
        'fujian',
        '淄博市移动支付便民工程建设工作任务清单',
      ]),
    );
  });

  it('puts a named copy link before every anchored head, and ids are unique', () => {
    for (const { slug } of ISSUE_TOC) {
      const ids = pageIds(slug);
      expect(new Set(ids).size, slug).toBe(ids.length);
      for (const element of anchored(slug)) {
        const link = element.children[0] as Element;
        expect(link.properties, slug).toMatchObject({ className: ['anchor'], href: `#${element.properties.id}` });
        expect(String(link.properties.ariaLabel)).toMatch(/^链接到\S/);
      }
    }
    const article = select('#bufen-4', page('zzbz-2020-56'))!;
    expect((article.children[0] as Element).properties.ariaLabel).toBe('链接到四、推动“人才贷”业务实现新突破');
  });

  it('gets the same ids again when the sample issue is imported again', () => {
    const first = importedIds();
    expect(importedIds()).toEqual(first);
    for (const { slug } of ISSUE_TOC) expect(pageIds(slug), slug).toEqual(first.get(slug));
  });

  it('links the outline and the 附件说明 to heads on the page', () => {
    const tree = page('zzbz-2020-57');
    const ids = new Set(pageIds('zzbz-2020-57'));
    const outline = selectAll('nav.outline ol a', tree).map((a) => String(a.properties.href));
    expect(outline.length).toBeGreaterThanOrEqual(3);
    for (const href of outline) expect(ids, href).toContain(href.slice(1));
    const note = selectAll('.doc-body p > a', tree).find(
      (a) => a.properties.href === '#淄博市移动支付便民工程建设工作任务清单',
    );
    expect(note, 'the 附件说明 links to the attachment').toBeTruthy();
    expect(select('nav.outline a.back-to-top', tree)?.properties.href).toBe('#top');
  });

  it('gives every sample document, each with three heads or more, an outline', () => {
    for (const { slug } of ISSUE_TOC) expect(select('nav.outline', page(slug)), slug).toBeTruthy();
  });

  it('lists the anchors with their URLs in the document data', () => {
    for (const { slug } of ISSUE_TOC) {
      const record = JSON.parse(readFileSync(join(out, `data/documents/2020/07/${slug}.json`), 'utf8'));
      expect(
        record.anchors.map((anchor: { id: string }) => anchor.id),
        slug,
      ).toEqual(pageIds(slug));
      for (const anchor of record.anchors) {
        expect(anchor.url).toBe(new URL(`#${anchor.id}`, `${SITE}/2020/07/${slug}/`).href);
      }
    }
    const record = JSON.parse(readFileSync(join(out, 'data/documents/2020/07/zzbz-2020-56.json'), 'utf8'));
    expect(record.anchors[2]).toEqual({
      id: 'bufen-3',
      kind: 'bufen',
      label: '三、',
      title: '切实保障存量贷款业务资金接续',
      url: `${SITE}/2020/07/zzbz-2020-56/#bufen-3`,
    });
  });

  it('keeps every document page, with its style sheets, within 30 KB gzipped', () => {
    const gzipped = (path: string) => gzipSync(readFileSync(join(out, path))).length;
    for (const { slug } of ISSUE_TOC) {
      const path = `2020/07/${slug}/index.html`;
      const sheets = selectAll('link[rel="stylesheet"]', readPage(out, path)).map((link) =>
        String(link.properties.href).replace(/^\//, ''),
      );
      const total = gzipped(path) + sheets.reduce((sum, sheet) => sum + gzipped(sheet), 0);
      expect(total, slug).toBeLessThanOrEqual(30_000);
    }
  });
});
