/**
 * The offline mirror as a reader gets it: `npm run mirror` (the real command: content check,
 * astro build, rewrite, zip), the zip unpacked, index.html opened from file:// in headless
 * Chromium. Navigation by clicking, short links, the 404 page, the offline search (the
 * archive's query list, document numbers, year and issuer filters), axe on the search page,
 * and no request ever leaving file://. Logs the bytes one query loads. The command's site
 * build makes no Pagefind index (the mirror has its own).
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { DOC_56, docPathPattern, readSearchResults, RESULTS_DONE } from '../helpers/archive';
import { REPO_ROOT } from '../helpers/astro-build';
import { checkA11y, formatBytes, launchBrowser } from '../helpers/browser';
import { NUMBER_QUERIES, TERM_QUERIES } from '../helpers/search-queries';
import { childEnv } from '../helpers/child-env';

const work = mkdtempSync(join(tmpdir(), 'gazette-mirror-e2e-'));
let root = '';
let output = '';
let browser: Browser;
/** Where the command's site build would log the Pagefind step's timings, if that step ran. */
const timingLog = join(work, 'timing.log');
const summaryFile = join(work, 'mirror.json');
const pages: Page[] = [];
/** Every URL a page of these tests asked for that was not a file:// URL. */
const leftFileUrls: string[] = [];

/** Runs `npm run mirror`'s script as a reader's machine would, with Vitest's variables removed. */
function runMirrorCommand(out: string): Promise<string> {
  const env = childEnv({
    NODE_ENV: 'production',
    GAZETTE_SITE: inject('siteUrl'),
    GAZETTE_TIMING_LOG: timingLog,
  });
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST') delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/mirror.ts', '--out', out, '--report', summaryFile],
      {
        cwd: REPO_ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`npm run mirror exited with ${code}:\n${output}`)),
    );
  });
}

beforeAll(async () => {
  const out = join(work, 'out');
  output = await runMirrorCommand(out);
  console.log(output);
  const zip = readdirSync(out).find((f) => f.endsWith('.zip'));
  if (!zip) throw new Error(`npm run mirror wrote no zip into ${out}`);
  // Unpack as a reader would, and use only the unpacked copy.
  const unpacked = join(work, 'unpacked');
  for (const [path, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(join(out, zip)))))) {
    mkdirSync(dirname(join(unpacked, path)), { recursive: true });
    writeFileSync(join(unpacked, path), data);
  }
  root = pathToFileURL(join(unpacked, zip.replace(/\.zip$/u, ''))).href + '/';
  browser = await launchBrowser();
}, 240_000);

afterEach(async () => {
  await Promise.all(
    pages.splice(0).map((page) =>
      page
        .context()
        .close()
        .catch(() => undefined),
    ),
  );
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  /** file:// URLs requested, in order. */
  requests: string[];
  failed: string[];
  errors: string[];
}

async function open(path: string): Promise<Opened> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  pages.push(page);
  page.setDefaultTimeout(15_000);
  const opened: Opened = { page, requests: [], failed: [], errors: [] };
  // Anything that is not a file is refused (and recorded): the mirror must never need it.
  await context.route(/^(?!file:)/u, (route) => {
    leftFileUrls.push(route.request().url());
    return route.abort();
  });
  context.on('request', (request) => {
    if (request.url().startsWith('file:')) opened.requests.push(request.url());
    else leftFileUrls.push(request.url());
  });
  context.on('requestfailed', (request) =>
    opened.failed.push(`${request.failure()?.errorText} ${decodeURI(request.url())}`),
  );
  page.on('pageerror', (error) => opened.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  if (path !== '') await page.goto(`${root}${path}`);
  return opened;
}

const pathOf = (page: Page) => decodeURI(new URL(page.url()).pathname);

describe('the command', () => {
  test('builds the site without Pagefind', () => {
    expect(
      existsSync(timingLog) ? readFileSync(timingLog, 'utf8') : '',
      'the Pagefind step logged its timings',
    ).not.toContain('search-index');
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as {
      pagefind: boolean;
      report: { leftOut: string[] };
    };
    expect(summary.pagefind).toBe(false);
    expect(summary.report.leftOut.filter((path) => path.startsWith('pagefind/'))).toEqual([]);
    expect(output).toContain('no Pagefind');
    // The header box's prefetch and the document pages' copy-button scripts go (the buttons stay
    // hidden): each said once, not per page.
    expect(output.split('\n').filter((line) => line.includes('module script removed'))).toEqual([
      expect.stringMatching(/BaseLayout\.[^ ]+\.js, from 14 pages \(2020\/07\/index\.html, …\)$/u),
      expect.stringMatching(/DocumentTools\.[^ ]+\.js, from 5 pages \(2020\/07\/zzbf-2020-5\/index\.html, …\)$/u),
    ]);
  });
});

describe('browsing from file://', () => {
  test('home → year → issue → document by clicking, with styles applied', async () => {
    const { page, failed, errors } = await open('index.html');
    expect(await page.title()).toContain('淄博市人民政府公报');
    // The stylesheet loaded: the header has its layout colour, not the browser default.
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).borderTopStyle)).not.toBe('none');

    await page
      .locator('main a', { hasText: /^2020年$/u })
      .first()
      .click();
    await page.waitForURL(/\/2020\/index\.html$/u);
    await page.locator('main a', { hasText: '2020年第7期' }).first().click();
    await page.waitForURL(/\/2020\/07\/index\.html$/u);
    await page.locator('a.toc-title', { hasText: DOC_56.title }).click();
    await page.waitForURL(docPathPattern(DOC_56.slug));
    expect(await page.locator('h1').textContent()).toContain(DOC_56.title);

    await page.locator('nav.breadcrumb a', { hasText: '首页' }).click();
    await page.waitForURL(/\/index\.html$/u);
    expect(pathOf(page).endsWith(`/${root.split('/').at(-2)}/index.html`)).toBe(true);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('every page opens with all its files', async () => {
    const dir = fileURLToPath(root);
    const htmlPages = (readdirSync(dir, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.html') && statSync(join(dir, f)).isFile(),
    );
    expect(htmlPages.length).toBeGreaterThan(15);
    const { page, requests, failed, errors } = await open('');
    for (const file of htmlPages.filter((f) => !f.startsWith('n/') && f !== 'search/index.html')) {
      await page.goto(`${root}${file.split('/').map(encodeURIComponent).join('/')}`);
    }
    expect(
      requests.filter((url) => !existsSync(fileURLToPath(url))).map(decodeURI),
      'files asked for that do not exist',
    ).toEqual([]);
    // The next navigation cancels a page's late requests (its favicon): that is no failure.
    expect(failed.filter((f) => !f.startsWith('net::ERR_ABORTED'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a short link leads to its document', async () => {
    const { page } = await open(`n/${encodeURIComponent('淄政办字-2020-56')}/index.html`);
    await page.waitForURL(docPathPattern(DOC_56.slug));
    expect(await page.locator('h1').textContent()).toContain(DOC_56.title);
  });

  test('the 404 page links home', async () => {
    const { page, failed } = await open('404.html');
    await page.locator('main a', { hasText: '返回首页' }).click();
    await page.waitForURL(/\/index\.html$/u);
    expect(await page.locator('h1').textContent()).toContain('淄博市人民政府公报');
    expect(failed).toEqual([]);
  });

  test('the header search box opens the offline search with results', async () => {
    const { page, errors } = await open(`${DOC_56.path}index.html`);
    const input = page.locator('header form[role="search"] input[name="q"]');
    await input.fill('人才贷');
    await input.press('Enter');
    await page.waitForURL(
      (url) => url.pathname.endsWith('/search/index.html') && url.searchParams.get('q') === '人才贷',
    );
    const results = await readSearchResults(page);
    expect(results[0]!.path).toMatch(docPathPattern(DOC_56.slug));
    expect(errors).toEqual([]);
  });
});

describe('offline search from file://', () => {
  const search = (q: string, extra = '') => open(`search/index.html?q=${encodeURIComponent(q)}${extra}`);

  test.each(TERM_QUERIES)('%s → %s first', async (query, slug) => {
    const { page, errors } = await search(query);
    const results = await readSearchResults(page);
    expect(results[0]?.path, `first result for ${query}; all: ${results.map((r) => r.path).join(', ')}`).toMatch(
      docPathPattern(slug),
    );
    expect(results[0]!.excerptHtml).toMatch(/<mark>/u);
    expect(errors).toEqual([]);
  });

  test.each(NUMBER_QUERIES)('document number %s → zzbz-2020-56 first', async (query) => {
    const { page } = await search(query);
    const results = await readSearchResults(page);
    expect(results[0]?.path).toMatch(docPathPattern(DOC_56.slug));
    expect(await page.locator('li.search-result').first().getAttribute('class')).toContain('is-number-match');
  });

  test('a year filter and an issuer filter narrow the results and stay in the URL', async () => {
    const { page } = await search('淄博');
    const all = await readSearchResults(page);
    expect(all.length).toBeGreaterThan(1);

    const year = page.locator('fieldset[data-filter="year"] input[value="2020年"]');
    await year.check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('year')).toEqual(['2020年']);
    await page.locator(RESULTS_DONE).waitFor({ state: 'attached' });
    expect((await readSearchResults(page)).length).toBe(all.length);

    const issuer = page.locator('fieldset[data-filter="issuer"] input[type="checkbox"]').first();
    const issuerName = (await issuer.getAttribute('value'))!;
    await issuer.check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('issuer')).toEqual([issuerName]);
    await page.locator(RESULTS_DONE).waitFor({ state: 'attached' });
    const filtered = await readSearchResults(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(
      filtered.every((r) => r.issuer.includes(issuerName)),
      `every result is by ${issuerName}`,
    ).toBe(true);

    await page.locator('fieldset[data-filter="year"] input[value="2020年"]').uncheck();
    await page.locator(RESULTS_DONE).waitFor({ state: 'attached' });
    const otherYear = page.locator('fieldset[data-filter="year"] input[type="checkbox"]');
    expect(await otherYear.count()).toBeGreaterThan(0);

    // Reloaded, the page asks for what the URL says.
    await page.reload();
    expect(await page.locator(`fieldset[data-filter="issuer"] input[value="${issuerName}"]`).isChecked()).toBe(true);
    expect((await readSearchResults(page)).length).toBe(filtered.length);
  });

  test('a query with no match says so', async () => {
    const { page } = await search('不存在的词语组合');
    expect(await readSearchResults(page)).toEqual([]);
    expect(await page.locator('#search-status').textContent()).toContain('没有找到');
  });

  test.each(['，。！？', '《》', '...', '——、'])(
    'a query of only punctuation (%s) finds nothing and says why',
    async (query) => {
      const { page, errors } = await search(query);
      expect(await readSearchResults(page)).toEqual([]);
      expect(await page.locator('#search-status').textContent()).toBe(
        '没有找到相关文件：检索词中只有标点符号或空格，请输入要查找的汉字、字母或数字。',
      );
      expect(errors).toEqual([]);
    },
  );

  test('the offline search page has no axe violations', async () => {
    const { page } = await search('人才贷');
    await readSearchResults(page);
    expect(await checkA11y(page)).toEqual([]);
  });

  test('a query loads only its shards and the texts of its results (bytes measured)', async () => {
    const { page, requests } = await open('');
    await page.goto(`${root}search/index.html`);
    await page.locator('ol#search-results[data-state="idle"]').waitFor({ state: 'attached' });
    const before = requests.length;
    await page.locator('#search-input').fill('人才贷');
    await page.locator('#search-input').press('Enter');
    await readSearchResults(page);
    const queryFiles = requests.slice(before).filter((url) => url.includes('/_search/'));
    const size = (url: string) => statSync(fileURLToPath(url)).size;
    const pageFiles = requests.slice(0, before);
    console.log(
      `offline search: page load ${formatBytes(pageFiles.reduce((s, u) => s + size(u), 0))} over ${pageFiles.length} files ` +
        `(${pageFiles.map((u) => `${u.split('/').slice(-2).join('/')} ${formatBytes(size(u))}`).join(', ')}); ` +
        `query 人才贷 loaded ${formatBytes(queryFiles.reduce((s, u) => s + size(u), 0))} over ${queryFiles.length} files ` +
        `(${queryFiles.map((u) => `${u.split('/').slice(-2).join('/')} ${formatBytes(size(u))}`).join(', ')})`,
    );
    expect(queryFiles.length).toBeGreaterThan(0);
    expect(queryFiles.every((u) => /\/_search\/(shards|texts)\/\d+\.js$/u.test(u))).toBe(true);
  });
});

describe('network', () => {
  test('no page of these tests asked for anything but a file', () => {
    expect(leftFileUrls).toEqual([]);
  });
});
