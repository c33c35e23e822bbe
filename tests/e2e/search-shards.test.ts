/**
 * The sharded search index on a generated archive of 300 documents over three calendar years,
 * split into small shards (GAZETTE_SEARCH_SHARD_SIZE=80): a query finds documents of every
 * shard, "newest first" is globally correct across shards, filters span shards, a document
 * number in an old shard is found, and changing one document re-indexes only its shard while
 * the output stays byte for byte what a clean build makes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate';
import { readArchiveTexts } from '../../src/bench/text-source';
import { firstAnswerShards, type ShardManifest } from '../../src/search/pagefind/shards';
import { astroBuild, REPO_ROOT } from '../helpers/astro-build';
import { launchBrowser } from '../helpers/browser';
import { digests, listFiles } from '../helpers/built-site';
import { startServer, type StaticServer } from '../helpers/serve';

const DOCUMENTS = 300;
const work = join(dirname(inject('outRoot')), 'search-shards');
const contentDir = join(work, 'content');
const firstOut = join(work, 'incremental');
const cleanOut = join(work, 'clean');

/** Builds with the shard cache in `cache`; returns Astro's output (which names re-indexed shards). */
async function build(outDir: string, cache: string): Promise<string> {
  process.env.GAZETTE_SEARCH_CACHE_DIR = cache;
  const result = await astroBuild({ base: '/', outDir, contentDir });
  expect(result.code, result.output.split('\n').slice(-40).join('\n')).toBe(0);
  return result.output;
}

function manifestOf(outDir: string): ShardManifest {
  return JSON.parse(readFileSync(join(outDir, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
}

let server: StaticServer;
let browser: Browser;
let firstBuildLog = '';

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  for (const file of generateArchive({ documents: DOCUMENTS, texts: readArchiveTexts(join(REPO_ROOT, 'content')) })) {
    mkdirSync(dirname(join(contentDir, file.path)), { recursive: true });
    writeFileSync(join(contentDir, file.path), file.content);
  }
  process.env.GAZETTE_SEARCH_SHARD_SIZE = '80';
  process.env.GAZETTE_BUILD_DATE = '2026-01-01';
  firstBuildLog = await build(firstOut, join(work, 'cache-incremental'));
  server = await startServer(firstOut, '/');
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  delete process.env.GAZETTE_SEARCH_SHARD_SIZE;
  delete process.env.GAZETTE_SEARCH_CACHE_DIR;
  delete process.env.GAZETTE_BUILD_DATE;
});

interface Shown {
  path: string;
  date: string;
  type: string;
}

/** Opens a search and clicks 显示更多结果 until every result is listed. */
async function allResults(page: Page, query: string): Promise<{ shown: Shown[]; total: number }> {
  await page.goto(`${server.url}search/${query}`);
  await page.locator('ol#search-results[data-state="done"]').waitFor({ state: 'attached', timeout: 30_000 });
  const more = page.locator('#search-more');
  for (let clicks = 0; clicks < 100 && (await more.isVisible()); clicks += 1) {
    const before = await page.locator('#search-results > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, before);
  }
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const shown = await page.$$eval('#search-results > li', (items) =>
    items.map((li) => ({
      path: new URL(li.querySelector<HTMLAnchorElement>('a.result-title')!.href).pathname,
      date: li.querySelector('.result-date time')?.getAttribute('datetime') ?? '',
      type: li.querySelector('.result-title')?.textContent ?? '',
    })),
  );
  return { shown, total: Number(status.match(/找到 (\d+) 篇/u)?.[1] ?? NaN) };
}

describe('sharded search index', () => {
  it('splits the archive into shards with disjoint date ranges, newest first, holding every document once', () => {
    const manifest = manifestOf(firstOut);
    expect(manifest.shards.length).toBeGreaterThanOrEqual(4);
    expect(manifest.shards.reduce((n, shard) => n + shard.documents, 0)).toBe(DOCUMENTS);
    // Shards are blocks of documents in date order, not calendar years: together they span three years.
    expect(new Set(manifest.shards.flatMap((shard) => [shard.from.slice(0, 4), shard.to.slice(0, 4)])).size).toBe(3);
    manifest.shards.forEach((shard, i) => {
      expect(shard.from <= shard.to).toBe(true);
      if (i > 0)
        expect(shard.to < manifest.shards[i - 1]!.from, `${shard.id} before ${manifest.shards[i - 1]!.id}`).toBe(true);
    });
    expect(manifest.shards[0]!.path).toBe('');
    expect(manifest.filters.type).toBeDefined();
    expect(firstBuildLog).toMatch(new RegExp(`${manifest.shards.length} re-indexed and 0 reused`));
  });

  it('finds documents of every shard, and sorts them newest first across shards', async () => {
    const manifest = manifestOf(firstOut);
    const page = await browser.newPage();
    try {
      // Every generated document is signed by an organ of 示例市.
      const { shown, total } = await allResults(page, `?q=${encodeURIComponent('示例市')}&sort=date`);
      expect(shown.length).toBe(total);
      expect(total).toBe(DOCUMENTS);
      expect(new Set(shown.map((r) => r.path)).size).toBe(DOCUMENTS);
      const dates = shown.map((r) => r.date);
      expect(dates).toEqual([...dates].sort().reverse());
      for (const shard of manifest.shards) {
        expect(
          dates.some((date) => date >= shard.from && date <= shard.to),
          `a result in shard ${shard.id}`,
        ).toBe(true);
      }

      // Relevance order merges the shards too.
      const relevance = await allResults(page, `?q=${encodeURIComponent('示例市')}`);
      expect(relevance.total).toBe(DOCUMENTS);
      expect(new Set(relevance.shown.map((r) => r.path)).size).toBe(DOCUMENTS);
    } finally {
      await page.close();
    }
  });

  it('shows the first answer’s shards’ results while the other shards are held back, and keeps what the reader reached', async () => {
    // The newest shards, while they hold less than half a shard; the test's archive has more.
    const manifest = manifestOf(firstOut);
    const firstShards = firstAnswerShards(manifest);
    expect(firstShards.length).toBeLessThan(manifest.shards.length);
    const newest = { from: firstShards.at(-1)!.from, to: firstShards[0]!.to };
    const firstDocuments = firstShards.reduce((sum, shard) => sum + shard.documents, 0);
    for (const sort of ['', '&sort=date']) {
      // A new browser context for each order, so that the engine starts cold.
      const page = await browser.newPage();
      try {
        const held: Route[] = [];
        let released = false;
        await page.route('**/pagefind/shards/**', (route) => {
          const ofFirstAnswer = firstShards.some((shard) => shard.path && route.request().url().includes(shard.path));
          if (released || ofFirstAnswer) void route.continue();
          else held.push(route);
        });
        const shownPaths = () =>
          page.$$eval('#search-results > li a.result-title', (as) =>
            as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
          );
        const shownDates = () =>
          page.$$eval('#search-results > li .result-date time', (ts) =>
            ts.map((t) => t.getAttribute('datetime') ?? ''),
          );

        await page.goto(`${server.url}search/?q=${encodeURIComponent('示例市')}${sort}`);
        // The newest titles holding 示例市 may be listed first (the title pre-answer); the engine's
        // first answer takes their place, keyed by Pagefind's result ids.
        await page
          .locator('ol#search-results[data-state="partial"] > li[data-key]:not([data-key^="title:"])')
          .first()
          .waitFor({ state: 'attached', timeout: 30_000 });
        // Every older shard's files are held back: these results come from the first answer's
        // shards alone, its first three (FIRST_ANSWER_SIZE).
        const first = await shownPaths();
        expect(first.length).toBe(Math.min(3, firstDocuments));
        expect((await shownDates()).every((date) => date >= newest.from && date <= newest.to)).toBe(true);
        expect(await page.locator('#search-status').textContent()).toContain('正在检索');

        // The reader points at the second result; then the other shards answer.
        await page.locator('#search-results > li').nth(1).hover();
        released = true;
        // Asked for once the first results are painted.
        await expect
          .poll(() => held.length, { message: 'older shards asked for after the first results' })
          .toBeGreaterThan(0);
        await Promise.all(held.splice(0).map((route) => route.continue()));
        await page.locator('ol#search-results[data-state="done"]').waitFor({ state: 'attached', timeout: 30_000 });
        const status = (await page.locator('#search-status').textContent()) ?? '';
        expect(Number(status.match(/找到 (\d+) 篇/u)?.[1])).toBe(DOCUMENTS);
        const after = await shownPaths();
        expect(after.slice(0, 2)).toEqual(first.slice(0, 2));
        // The merged answer fills the page.
        expect(after.length).toBe(Math.min(10, DOCUMENTS));
        // Newest first: the newest shard's own results start the whole list.
        if (sort) expect(after.slice(0, first.length)).toEqual(first);
      } finally {
        await page.close();
      }
    }
  });

  it('prefetches the start-up files of the first answer’s shards, and of no other, when a header search box gets focus', async () => {
    const manifest = manifestOf(firstOut);
    const firstShards = firstAnswerShards(manifest);
    // The open block's newest part holds less than half a shard here, so the first answer spans two.
    expect(firstShards.length).toBeGreaterThan(1);
    const page = await browser.newPage();
    try {
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(server.url, { waitUntil: 'networkidle' });
      expect(requested.filter((path) => path.includes('/pagefind/'))).toEqual([]);
      await page.locator('header input[name="q"]').focus();
      const metaOf = (shard: { path: string }) =>
        requested.some((path) => path.startsWith(`/pagefind/${shard.path}pagefind.`) && path.endsWith('.pf_meta'));
      await expect.poll(() => firstShards.every(metaOf), { timeout: 30_000 }).toBe(true);
      for (const shard of manifest.shards.slice(firstShards.length)) {
        expect(requested.some((path) => path.startsWith(`/pagefind/${shard.path}`))).toBe(false);
      }
    } finally {
      await page.close();
    }
  });

  it('applies a filter in every shard, in date order', async () => {
    const manifest = manifestOf(firstOut);
    const expected = manifest.filters.type?.['通知'] ?? 0;
    expect(expected).toBeGreaterThan(0);
    const page = await browser.newPage();
    try {
      const { shown, total } = await allResults(page, `?type=${encodeURIComponent('通知')}`);
      expect(total).toBe(expected);
      expect(shown.length).toBe(expected);
      expect(shown.every((r) => r.type.endsWith('通知'))).toBe(true);
      const dates = shown.map((r) => r.date);
      expect(dates).toEqual([...dates].sort().reverse());
      const shardsHit = manifest.shards.filter((shard) => dates.some((d) => d >= shard.from && d <= shard.to));
      expect(shardsHit.length).toBeGreaterThan(1);
    } finally {
      await page.close();
    }
  });

  it('counts the whole archive beside the filters until the reader turns to them, then the query in every shard', async () => {
    const manifest = manifestOf(firstOut);
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}search/?q=${encodeURIComponent('管理')}`);
      await page.locator('ol#search-results[data-state="done"]').waitFor({ state: 'attached', timeout: 30_000 });
      const total = Number(((await page.locator('#search-status').textContent()) ?? '').match(/找到 (\d+) 篇/u)?.[1]);
      const typeCounts = () =>
        page.$$eval('fieldset[data-filter="type"] .search-filter-count', (spans) =>
          spans.reduce((sum, span) => sum + Number(span.textContent!.replace(/[（）]/gu, '')), 0),
        );
      expect(await page.locator('#search-filter-note').textContent()).toContain('全部文件');
      expect(await typeCounts()).toBe(Object.values(manifest.filters.type!).reduce((a, b) => a + b, 0));

      await page.locator('#search-filters').hover();
      await expect
        .poll(() => page.locator('#search-filter-note').textContent(), { timeout: 30_000 })
        .toContain('本次检索结果');
      // Every document has one type: the query's counts add up to its results, over all shards.
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThan(DOCUMENTS);
      expect(await typeCounts()).toBe(total);
    } finally {
      await page.close();
    }
  });

  it('looks a document number up in the oldest shard', async () => {
    const oldest = manifestOf(firstOut).shards.at(-1)!;
    const files = listFiles(contentDir).filter((file) => file.endsWith('.md'));
    const target = files
      .map((file) => readFileSync(join(contentDir, file), 'utf8'))
      .find((text) => {
        const date = text.match(/^date: (\S+)$/mu)?.[1] ?? '';
        return date >= oldest.from && date <= oldest.to;
      })!;
    const number = target.match(/^number: (\S+)$/mu)![1]!;
    const title = target.match(/^title: (.+)$/mu)![1]!;
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}search/?q=${encodeURIComponent(number.replace('〔', '[').replace('〕', ']'))}`);
      const first = page.locator('#search-results > li').first();
      await expect.poll(() => first.locator('.result-number').textContent(), { timeout: 30_000 }).toBe(number);
      // Cited in full: the issuer before a 关于… title (src/domain/official-title.ts).
      const shown = (await first.locator('a.result-title').textContent()) ?? '';
      expect(shown.endsWith(title), `${shown} cites ${title}`).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('re-indexes only the shard of a changed document, and equals a clean build byte for byte', async () => {
    const manifest = manifestOf(firstOut);
    const oldest = manifest.shards.at(-1)!;
    const file = listFiles(contentDir)
      .filter((f) => f.endsWith('.md'))
      .find((f) => {
        const date = readFileSync(join(contentDir, f), 'utf8').match(/^date: (\S+)$/mu)?.[1] ?? '';
        return date >= oldest.from && date <= oldest.to;
      })!;
    const path = join(contentDir, file);
    writeFileSync(path, `${readFileSync(path, 'utf8').trimEnd()}\n\n本文件另载增补条款：鹦鹉螺测试词语。\n`);

    const log = await build(firstOut, join(work, 'cache-incremental'));
    expect(log).toMatch(new RegExp(`1 re-indexed and ${manifest.shards.length - 1} reused`));
    await build(cleanOut, join(work, 'cache-clean'));
    expect(digests(firstOut)).toEqual(digests(cleanOut));

    const page = await browser.newPage();
    try {
      const { shown } = await allResults(page, `?q=${encodeURIComponent('鹦鹉螺')}`);
      expect(shown.map((r) => r.path)).toEqual([`/${file.replace(/^[^/]+\//u, '').replace(/\.md$/u, '')}/`]);
    } finally {
      await page.close();
    }
  }, 300_000);
});
