/**
 * An issue not divided into sections (its TOC prints only entries): issue.yaml without
 * `sections`, documents without `section`. Built beside the sample's issue, which has
 * sections, so that both kinds meet in one archive: the issue page, the document pages, the
 * search filters, open data and the feed.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSearchRecords } from '../../src/search/records';
import { astroBuild, REPO_ROOT, type AstroBuildResult } from '../helpers/astro-build';
import { readPage, select, selectAll, textOf } from '../helpers/built-site';
import { npmRun, type CliResult } from '../helpers/cli';
import { pagefindMarks } from '../helpers/pagefind-marks';

const work = mkdtempSync(join(tmpdir(), 'gazette-sectionless-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const document = (title: string, number: string, page: number) => `---
title: ${title}
number: ${number}
issuers:
  - 淄博市人民政府办公室
date: 2020-07-20
page: ${page}
---

各区县人民政府，市政府各部门：

现将有关事项通知如下。

:::signature
淄博市人民政府办公室
2020年7月20日
:::
`;

let check: CliResult;
let build: AstroBuildResult;
let out: string;
beforeAll(async () => {
  const content = join(work, 'content');
  cpSync(join(REPO_ROOT, 'content'), content, { recursive: true });
  const august = join(content, 'zibo/2020/08');
  mkdirSync(august);
  writeFileSync(join(august, 'issue.yaml'), 'year: 2020\nnumber: 8\ncumulative: 233\n');
  // Written out of page order: the TOC is in page order.
  writeFileSync(join(august, 'zzbz-2020-61.md'), document('关于做好防汛工作的通知', '淄政办字〔2020〕61号', 7));
  writeFileSync(join(august, 'zzbz-2020-60.md'), document('关于做好秋粮收购工作的通知', '淄政办字〔2020〕60号', 1));
  check = npmRun('check', ['--content', content]);
  out = join(work, 'site');
  build = await astroBuild({ base: '/', outDir: out, contentDir: content });
}, 240_000);

describe('an issue not divided into sections', () => {
  it('passes check and builds', () => {
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(build.code, build.output.slice(-3000)).toBe(0);
  });

  it('shows its table of contents as one list without a section heading, in page order', () => {
    const tree = readPage(out, '2020/08/index.html');
    const sections = selectAll('section.toc-section', tree);
    expect(sections).toHaveLength(1);
    expect(select('h2, h3', sections[0]!)).toBeUndefined();
    expect(
      selectAll('li.toc-entry', tree).map((entry) => [
        String(select('a.toc-title', entry)?.properties.href),
        textOf(select('.toc-number', entry)),
      ]),
    ).toEqual([
      ['/2020/08/zzbz-2020-60/', '淄政办字〔2020〕60号'],
      ['/2020/08/zzbz-2020-61/', '淄政办字〔2020〕61号'],
    ]);
    // The sample's issue keeps its section heading.
    const july = readPage(out, '2020/07/index.html');
    expect(selectAll('section.toc-section', july).map((section) => textOf(select('h2, h3', section)))).toEqual([
      '市政府办公室文件',
    ]);
  });

  it("gives its document pages no 栏目 and no section search filter; the other issue's keep theirs", async () => {
    const page = readPage(out, '2020/08/zzbz-2020-60/index.html');
    expect(textOf(select('article', page))).not.toContain('栏目');
    expect(textOf(select('dl.doc-facts', page))).toContain('2020年第8期第1页');
    expect(select('a[rel="next"]', page)?.properties.href).toBe('/2020/08/zzbz-2020-61/');
    // Both as the page marks it for Pagefind and as the search records (both indexes) have it.
    const records = new Map((await Array.fromAsync(readSearchRecords(out))).map((record) => [record.id, record]));
    for (const search of [pagefindMarks(page)!, records.get('2020/08/zzbz-2020-60')!]) {
      expect(search.filters).not.toHaveProperty('section');
      expect(search.filters.type).toEqual(['通知']);
    }
    for (const july of [
      pagefindMarks(readPage(out, '2020/07/zzbz-2020-54/index.html'))!,
      records.get('2020/07/zzbz-2020-54')!,
    ]) {
      expect(july.filters.section).toEqual(['市政府办公室文件']);
    }
  });

  it('writes open data with section null, and its issue as one list named null', () => {
    const issue = JSON.parse(readFileSync(join(out, 'data/issues/2020-08.json'), 'utf8'));
    expect(
      issue.sections.map((section: { name: string | null; documents: { id: string }[] }) => [
        section.name,
        section.documents.map((d) => d.id),
      ]),
    ).toEqual([[null, ['2020/08/zzbz-2020-60', '2020/08/zzbz-2020-61']]]);
    expect(JSON.parse(readFileSync(join(out, 'data/documents/2020/08/zzbz-2020-60.json'), 'utf8')).section).toBeNull();
    const catalog = JSON.parse(readFileSync(join(out, 'data/catalog.json'), 'utf8'));
    const sections = Object.fromEntries(
      catalog.documents.map((record: { id: string; section: string | null }) => [record.id, record.section]),
    );
    expect(sections['2020/08/zzbz-2020-61']).toBeNull();
    expect(sections['2020/07/zzbz-2020-54']).toBe('市政府办公室文件');
    const rows = parseCsv(readFileSync(join(out, 'data/catalog.csv'), 'utf8'), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.find((row) => row.id === '2020/08/zzbz-2020-61')?.section).toBe('');
  });

  it('gives its documents no section category in the feed', () => {
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    const entry = feed.split('<entry>').find((part) => part.includes('/2020/08/zzbz-2020-60/'))!;
    expect(entry.match(/<category [^>]*>/gu)).toEqual(['<category term="通知"/>']);
  });
});
