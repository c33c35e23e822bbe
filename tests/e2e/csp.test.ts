/**
 * Every page type and the search flows under the site's Content-Security-Policy, with zero
 * violations: online with the policy of `_headers` sent as headers (as Netlify or Cloudflare
 * Pages would) on top of every page's own <meta> policy, and the offline mirror from file://
 * under the mirror's <meta> policy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  MIRROR_CONTENT_SECURITY_POLICY,
} from '../../src/site/csp';
import { DOC_56, RESULTS_DONE, docPathPattern, readSearchResults } from '../helpers/archive';
import { launchBrowser } from '../helpers/browser';
import { listFiles, readPage, select } from '../helpers/built-site';
import { sendHeaders, siteHeaders, watchPolicy, type PolicyWatch } from '../helpers/csp';
import { mirrorSampleBuild, SAMPLE_MIRROR_NAME } from '../helpers/mirror';
import { useSite } from '../helpers/site';

const site = useSite('root');
const htmlPages = (dir: string) => listFiles(dir).filter((path) => path.endsWith('.html'));
const expectClean = (watch: PolicyWatch) => {
  expect(watch.violations, 'CSP violations').toEqual([]);
  expect(watch.consoleErrors, 'console errors').toEqual([]);
  expect(watch.pageErrors, 'uncaught errors').toEqual([]);
  expect(watch.offSite, 'requests that left the site').toEqual([]);
};

describe('the built site carries the policy', () => {
  test('_headers sends the CSP, frame-ancestors included, and a Permissions-Policy', () => {
    const headers = siteHeaders(inject('outRoot'));
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['permissions-policy']).toMatch(/camera=\(\)/u);
  });

  test.each([['root'], ['sub']] as const)(
    'every HTML page of the %s build has the <meta> policy first in <head>, and no inline script or style',
    (kind) => {
      const dir = inject(kind === 'root' ? 'outRoot' : 'outSub');
      const pages = htmlPages(dir);
      expect(pages.length).toBeGreaterThan(15);
      for (const path of pages) {
        const tree = readPage(dir, path);
        const meta = select('head > meta[http-equiv="Content-Security-Policy"]', tree);
        expect(meta?.properties.content, path).toBe(META_CONTENT_SECURITY_POLICY);
        expect(select('script:not([src])', tree), `${path}: inline script`).toBeUndefined();
        expect(select('style, [style]', tree), `${path}: inline style`).toBeUndefined();
        expect(select('head > :nth-child(2)', tree), `${path}: the policy comes right after <meta charset>`).toBe(meta);
      }
    },
  );
});

describe('online, under the headers and the <meta> policy', () => {
  test('the watch sees a violation (the test would catch one)', async () => {
    const { page, watch } = await openWatched();
    await page.goto(site.url());
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'alert("inline")';
      document.body.append(script);
    });
    // Blocked twice: by the header policy and by the <meta> one.
    await expect.poll(() => watch.violations.length).toBe(2);
    for (const violation of watch.violations) expect(violation).toMatch(/^script-src-elem inline /u);
    expect(watch.dialogs).toEqual([]);
  });

  async function openWatched(): Promise<{ page: Page; context: BrowserContext; watch: PolicyWatch }> {
    const { page, context } = await site.newPage();
    await sendHeaders(context, site.server.origin, siteHeaders(inject('outRoot')));
    const watch = await watchPolicy(context, (url) => url.startsWith(site.server.origin));
    watch.watch(page);
    return { page, context, watch };
  }

  test('every page, the short links and the 404: zero violations', async () => {
    const { page, watch } = await openWatched();
    const pages = htmlPages(inject('outRoot'));
    for (const path of pages) {
      const response = await page.goto(site.url(path.replace(/index\.html$/u, '')));
      expect(response?.status(), path).toBe(200);
      // Short links move on to their document by meta refresh: wait for it to land.
      if (path.startsWith('n/')) await page.waitForURL(/\/20\d\d\/\d\d\/[^/]+\/$/u);
      const csp = await response?.headerValue('content-security-policy');
      expect(csp, path).toBe(CONTENT_SECURITY_POLICY);
    }
    const missing = await page.goto(site.url('no-such-page/'));
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('页面未找到');
    // The browser logs the 404 status of the page asked for: that is the point of the visit.
    watch.consoleErrors = watch.consoleErrors.filter(
      (error) => !error.includes('status of 404') || !error.includes('/no-such-page/'),
    );
    console.log(`CSP online: ${pages.length + 1} pages visited, ${watch.violations.length} violations`);
    expectClean(watch);
  });

  test('the Pagefind search flows: query, document number, filter, header search box', async () => {
    const { page, watch } = await openWatched();
    await page.goto(site.url(`search/?q=${encodeURIComponent('人才贷')}`));
    const results = await readSearchResults(page);
    expect(results[0]!.path).toMatch(docPathPattern(DOC_56.slug));
    expect(results[0]!.excerptHtml).toMatch(/<mark>/u);

    await page.goto(site.url(`search/?q=${encodeURIComponent(DOC_56.number)}`));
    expect((await readSearchResults(page))[0]!.path).toMatch(docPathPattern(DOC_56.slug));

    await page.goto(site.url(`search/?q=${encodeURIComponent('淄博')}`));
    await readSearchResults(page);
    await page.locator('fieldset[data-filter="year"] input[type="checkbox"]').first().check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('year').length).toBe(1);
    await page.locator(RESULTS_DONE).waitFor({ state: 'attached' });

    await page.goto(site.url(DOC_56.path));
    await page.locator('header form[role="search"] input[name="q"]').fill('融资');
    await page.locator('header form[role="search"] input[name="q"]').press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/');
    expect((await readSearchResults(page)).length).toBeGreaterThan(0);
    console.log(`CSP online search: ${watch.violations.length} violations`);
    expectClean(watch);
  });
});

describe('the offline mirror from file://, under its <meta> policy', () => {
  const work = mkdtempSync(join(tmpdir(), 'gazette-csp-mirror-'));
  let root = '';
  let browser: Browser;

  beforeAll(async () => {
    await mirrorSampleBuild(work, 'out', { zip: false });
    root = `${pathToFileURL(join(work, 'out', SAMPLE_MIRROR_NAME)).href}/`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function openWatched(): Promise<{ page: Page; watch: PolicyWatch; context: BrowserContext }> {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const watch = await watchPolicy(context, (url) => url.startsWith('file:'));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    watch.watch(page);
    return { page, watch, context };
  }

  test('the watch sees a violation from file:// (the test would catch one)', async () => {
    const { page, watch, context } = await openWatched();
    await page.goto(`${root}index.html`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'alert("inline")';
      document.body.append(script);
    });
    await expect.poll(() => watch.violations.length).toBe(1);
    expect(watch.violations[0]).toMatch(/^script-src-elem inline /u);
    expect(watch.dialogs).toEqual([]);
    await context.close();
  });

  test("every page carries the mirror's policy, and opens with zero violations", async () => {
    const dir = join(work, 'out', SAMPLE_MIRROR_NAME);
    const pages = htmlPages(dir);
    const { page, watch, context } = await openWatched();
    for (const path of pages) {
      expect(
        select('head > meta[http-equiv="Content-Security-Policy"]', readPage(dir, path))?.properties.content,
        path,
      ).toBe(MIRROR_CONTENT_SECURITY_POLICY);
      await page.goto(`${root}${path.split('/').map(encodeURIComponent).join('/')}`);
      if (path.startsWith('n/')) await page.waitForURL(/\/20\d\d\/\d\d\/[^/]+\/index\.html$/u);
    }
    console.log(`CSP mirror: ${pages.length} pages visited, ${watch.violations.length} violations`);
    expectClean(watch);
    await context.close();
  });

  test('the offline search flows: query, document number, filter, header search box', async () => {
    const { page, watch, context } = await openWatched();
    await page.goto(`${root}search/index.html?q=${encodeURIComponent('人才贷')}`);
    const results = await readSearchResults(page);
    expect(results[0]!.path).toMatch(docPathPattern(DOC_56.slug));
    expect(results[0]!.excerptHtml).toMatch(/<mark>/u);

    await page.goto(`${root}search/index.html?q=${encodeURIComponent(DOC_56.number)}`);
    expect((await readSearchResults(page))[0]!.path).toMatch(docPathPattern(DOC_56.slug));

    await page.goto(`${root}search/index.html?q=${encodeURIComponent('淄博')}`);
    await readSearchResults(page);
    await page.locator('fieldset[data-filter="year"] input[type="checkbox"]').first().check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('year').length).toBe(1);
    await page.locator(RESULTS_DONE).waitFor({ state: 'attached' });

    await page.goto(`${root}${DOC_56.path}index.html`);
    await page.locator('header form[role="search"] input[name="q"]').fill('融资');
    await page.locator('header form[role="search"] input[name="q"]').press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith('/search/index.html'));
    expect((await readSearchResults(page)).length).toBeGreaterThan(0);
    console.log(`CSP mirror search: ${watch.violations.length} violations`);
    expectClean(watch);
    await context.close();
  });
});
