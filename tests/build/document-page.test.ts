/**
 * The document pages of the sample build: the title as it is cited in the h1 and <title>
 * (the issue's table of contents keeps the printed one), the status with its as-of date, the
 * printed gazette named as the standard text, and the page's weight.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { officialTitle } from '../../src/domain/official-title';
import { DATA_PATHS, type DocumentRecord } from '../../src/site/open-data';
import { recordPageFile } from '../../src/search/records';
import { TEST_BUILD_DATE } from '../helpers/astro-build';
import { readPage, select, selectAll, textOf } from '../helpers/built-site';

/** A document page with its styles and scripts, gzipped as a CDN sends them (issue 14). */
const PAGE_BUDGET = 30_000;

let out: string;
let records: DocumentRecord[];
beforeAll(() => {
  out = inject('outRoot');
  records = readFileSync(join(out, DATA_PATHS.documentsJsonl), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as DocumentRecord);
});

describe('document pages', () => {
  it('carry the title as it is cited in the h1, <title> and og:title; the breadcrumb names the parents only', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const page = readPage(out, recordPageFile(record));
      const title = officialTitle(record);
      expect(title, 'the sample titles start with 关于 and take their issuer').not.toBe(record.title);
      expect(textOf(select('article h1', page)).trim()).toBe(title);
      expect(textOf(select('head > title', page))).toBe(`${title} - 淄博市人民政府公报`);
      expect(select('meta[property="og:title"]', page)?.properties.content).toBe(title);
      expect(selectAll('nav.breadcrumb li', page).map(textOf)).toEqual([
        '首页',
        '2020年',
        `第${record.issue.number}期`,
      ]);
    }
  });

  it('leave the printed title to the issue’s table of contents', () => {
    const toc = readPage(out, '2020/07/index.html');
    const printed = selectAll('a.toc-title', toc).map((a) => textOf(a).trim());
    expect(printed).toEqual(records.filter((r) => r.issue.id === '2020/07').map((r) => r.title));
  });

  it('state the status as of the build date, in words, apart from the revision history', () => {
    for (const record of records) {
      const page = readPage(out, recordPageFile(record));
      const banner = select('.doc-status', page)!;
      expect(textOf(select('strong', banner))).toBe(record.status);
      expect(textOf(select('.doc-status-date', banner))).toBe('（截至2025年6月30日）');
      expect(select('.doc-status-date time', banner)!.properties.dateTime).toBe(TEST_BUILD_DATE);
      expect(select('.doc-status .doc-history, .doc-status ~ .doc-history', page)).toBeUndefined();
    }
  });

  it('name the printed gazette as the standard text, with a link to the 简介', () => {
    for (const record of records) {
      const notice = select('.doc-standard', readPage(out, recordPageFile(record)))!;
      expect(textOf(notice)).toMatch(/^本页文本录自《淄博市人民政府公报》，以公报刊登的文本为标准文本/u);
      expect(select('a', notice)!.properties.href).toBe('/about/');
    }
  });

  it(`weigh at most ${PAGE_BUDGET / 1000} KB gzipped with their styles and scripts`, () => {
    const sizes = records.map((record) => {
      const file = recordPageFile(record);
      const page = readPage(out, file);
      const assets = [
        ...selectAll('link[rel~="stylesheet"]', page).map((link) => String(link.properties.href)),
        ...selectAll('script[src]', page).map((script) => String(script.properties.src)),
      ];
      const bytes = [readFileSync(join(out, file)), ...assets.map((asset) => readFileSync(join(out, asset)))]
        .map((data) => gzipSync(data, { level: 6 }).length)
        .reduce((sum, size) => sum + size, 0);
      return [file, bytes] as const;
    });
    console.log(`document pages, gzipped with CSS and JS: ${sizes.map(([f, b]) => `${f} ${b} B`).join(', ')}`);
    for (const [file, bytes] of sizes) expect(bytes, file).toBeLessThanOrEqual(PAGE_BUDGET);
  });
});
