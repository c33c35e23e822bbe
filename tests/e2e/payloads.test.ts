/**
 * Hostile content forced through the build: the payload archive (tests/helpers/payload-site.ts:
 * every payload in every body, in `about` and in a title) built with the refusal switched off
 * (tests/helpers/astro-unchecked.config.mjs), so that only the later lines of defence stand:
 * remark-rehype dropping raw HTML, rehype-sanitize, and the CSP. Every page is opened in
 * Chromium, online and from the offline mirror, and the search runs: no payload's script may
 * run (the payloads call alert()), no request may leave the site, and nothing active of them
 * may be in any page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createMirror } from '../../src/mirror/mirror';
import { readSearchResults } from '../helpers/archive';
import { astroBuild } from '../helpers/astro-build';
import { launchBrowser } from '../helpers/browser';
import { listFiles } from '../helpers/built-site';
import { watchPolicy, type PolicyWatch } from '../helpers/csp';
import { SAMPLE_README } from '../helpers/mirror';
import { PAYLOAD_TITLE, writePayloadSite } from '../helpers/payload-site';
import { EVIL_HOST } from '../helpers/payloads';
import { startServer, type StaticServer } from '../helpers/serve';

const work = mkdtempSync(join(tmpdir(), 'gazette-payloads-e2e-'));
const siteDir = join(work, 'site');
const mirrorDir = join(work, 'mirror', 'payloads');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const { contentDir } = writePayloadSite(work);
  const build = await astroBuild({
    base: '/',
    outDir: siteDir,
    contentDir,
    config: 'tests/helpers/astro-unchecked.config.mjs',
  });
  if (build.code !== 0)
    throw new Error(`the payload archive did not build with the refusal off:\n${build.output.slice(-3000)}`);
  await createMirror({
    siteDir,
    outDir: join(work, 'mirror'),
    name: 'payloads',
    date: SAMPLE_README.date,
    base: '/',
    site: `${inject('siteUrl')}/`,
    readme: SAMPLE_README,
    zip: false,
  });
  server = await startServer(siteDir);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Active markup a payload could have left in a page, and what it may look like in this site's own markup. */
async function activeLeftovers(page: Page): Promise<string[]> {
  return page.evaluate((evil) => {
    const found: string[] = [];
    const shortLink = /\/n\//u.test(location.pathname);
    for (const element of document.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (
        ['iframe', 'svg', 'details', 'object', 'embed', 'base', 'style', 'form'].includes(tag) &&
        // The site's own: search forms, a document's 文件信息 and its outline (beside its body, never in it).
        !element.matches(
          'form[role="search"], form.search-form, form#search-form, article.document > details.doc-more, nav.outline > details',
        )
      ) {
        found.push(`<${tag}>`);
      }
      if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh' && !shortLink)
        found.push('<meta refresh>');
      if (tag === 'link' && element.getAttribute('href')?.includes(evil)) found.push('<link> to elsewhere');
      if (tag === 'script' && !element.getAttribute('src')) found.push('inline <script>');
      for (const { name, value } of element.attributes) {
        if (name.startsWith('on')) found.push(`${tag} ${name}`);
        if (/^\s*(?:javascript|vbscript|data):/iu.test(value)) found.push(`${tag} ${name}=${value}`);
      }
    }
    return found;
  }, EVIL_HOST);
}

async function visitAll(
  urls: string[],
  isSite: (url: string) => boolean,
): Promise<{ watch: PolicyWatch; leftovers: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const watch = await watchPolicy(context, isSite);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  watch.watch(page);
  const leftovers: string[] = [];
  for (const url of urls) {
    await page.goto(url);
    // A short link moves on to its document by meta refresh: look at where it lands.
    if (url.includes('/n/')) await page.waitForURL((next) => !next.pathname.includes('/n/'));
    // Let late payloads (onerror, onload, ontoggle, meta refresh) have their chance.
    await page.waitForLoadState('load');
    await page.waitForTimeout(50);
    leftovers.push(...(await activeLeftovers(page)).map((what) => `${what} (${decodeURI(page.url())})`));
  }
  await context.close();
  return { watch, leftovers };
}

function expectHarmless(where: string, { watch, leftovers }: { watch: PolicyWatch; leftovers: string[] }): void {
  console.log(
    `payloads ${where}: ${watch.dialogs.length} scripts ran, ${watch.offSite.length} requests left the site, ` +
      `${watch.violations.length} CSP violations (blocked: ${[...new Set(watch.violations.map((v) => v.split(' ').slice(0, 2).join(' ')))].join(', ') || 'none'})`,
  );
  expect(watch.dialogs, 'payload scripts that ran').toEqual([]);
  expect(watch.offSite, 'requests that left the site').toEqual([]);
  expect(leftovers, 'active markup left in pages').toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  // The only thing the CSP has to stop is the external images (img-src falls back to 'self').
  expect(
    watch.violations.every(
      (v) => v.startsWith(`img-src https://${EVIL_HOST}/`) || v.startsWith(`img-src http://${EVIL_HOST}/`),
    ),
    watch.violations.join('\n'),
  ).toBe(true);
}

const pagesOf = (dir: string) => listFiles(dir).filter((path) => path.endsWith('.html'));

describe('the payload archive, forced through the build', () => {
  test('online: no payload runs on any page, no request leaves the site', async () => {
    const urls = pagesOf(siteDir).map((path) => `${server.url}${path.replace(/index\.html$/u, '')}`);
    urls.push(
      `${server.url}search/?q=${encodeURIComponent('点此')}`,
      `${server.url}search/?q=${encodeURIComponent('的通知')}`,
    );
    const result = await visitAll(urls, (url) => url.startsWith(server.origin));
    expectHarmless(`online (${urls.length} pages)`, result);
  });

  test('the payloads reached the pages inert, and the title with markup is shown as text, on its page and in search results', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}2020/07/zzbf-2020-5/`);
    expect(await page.locator('h1').textContent()).toContain(PAYLOAD_TITLE);
    // The payloads did reach the page (the refusal was off): what is left of them is inert.
    expect(await page.locator(`main img[src="https://${EVIL_HOST}/pixel.png"]`).count()).toBe(2);
    expect(await page.locator('main a:not([href])', { hasText: '点此' }).count()).toBeGreaterThan(5);
    await page.goto(`${server.url}search/?q=${encodeURIComponent('的通知')}`);
    const titles = (await readSearchResults(page)).map((result) => result.title);
    // Cited in full, after its issuer (src/domain/official-title.ts).
    expect(titles).toContain(`淄博市人民政府办公室${PAYLOAD_TITLE}`);
    await context.close();
  });

  test('from the offline mirror (file://): no payload runs on any page, no request leaves the mirror', async () => {
    const root = `${pathToFileURL(mirrorDir).href}/`;
    const urls = pagesOf(mirrorDir).map((path) => `${root}${path.split('/').map(encodeURIComponent).join('/')}`);
    urls.push(
      `${root}search/index.html?q=${encodeURIComponent('点此')}`,
      `${root}search/index.html?q=${encodeURIComponent('的通知')}`,
    );
    // file://evil.example/… (what `//evil.example/…` becomes on a file:// page) is elsewhere too.
    const result = await visitAll(urls, (url) => url.startsWith('file:///'));
    expectHarmless(`from the mirror (${urls.length} pages)`, result);
  });
});
