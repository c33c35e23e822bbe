/**
 * `npm run bench -- --docs 1000,10000 [--corpus ../shared/corpus/lawrefbook]`
 *
 * For each archive size: generates a realistic archive (src/bench/generate.ts: documents of
 * real gazette sizes) in a work folder, builds it from scratch, measures the build (wall time by
 * phase, peak memory of all its processes, pages per second, output and index sizes), with
 * `--baseline pagefind` times the Pagefind CLI alone on the same pages, runs a fixed list of
 * queries in headless Chromium (time to the first result shown and bytes before it, cold page
 * and a second query; the cold page again over DevTools' "Slow 4G" network), adds the next
 * issue of the newest year and rebuilds, then the first issue of a new year and rebuilds, then
 * runs `npm run mirror` on the archive (wall time, peak memory of all its processes, whether
 * Pagefind ran, folder and zip sizes). Writes
 * bench/results/<timestamp>.{json,md} and prints the Markdown table. Nothing is written to
 * content/; the corpus is only read.
 *
 * Options:
 *   --docs 1000,10000     archive sizes (documents), run one after the other
 *   --corpus <folder>     regulations in LawRefBook format to take text from (default: the
 *                         documents of content/, the sample issue)
 *   --work <folder>       where archives, builds and caches go (default /tmp/gazette-bench)
 *   --out <folder>        where reports go (default bench/results)
 *   --shard-size <n>      most documents per search shard (default: the integration's)
 *   --queries a,b,c       queries to measure (default: depends on the text source)
 *   --heap <MiB>          V8 heap limit of the build (NODE_OPTIONS=--max-old-space-size); Node's
 *                         default (it depends on the machine's memory) is too small for Astro on
 *                         large archives (README, "npm run bench")
 *   --chunked-store       build with Astro's experimental chunked content data store
 *                         (for comparison; see bench/astro.config.mjs)
 *   --baseline pagefind   also time `pagefind --site <dist>` (the CLI of the installed npm
 *                         package) on the built pages, into a folder of its own
 *   --no-browser          skip the search measurements
 *   --no-rebuild          skip the rebuilds after a new issue
 *   --no-mirror           skip the mirror
 *   --mirror-only         measure the mirror only (no site build, queries or rebuild)
 *   --keep                keep each size's work folder (default: removed after measuring)
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { indexedPages, pagefindBaselineCommand, readPagefindPackage } from '../src/bench/baseline';
import {
  generateArchive,
  generateIssue,
  issueAt,
  nextIssues,
  planArchive,
  type ArchivePlan,
  type BenchArchiveOptions,
} from '../src/bench/generate';
import {
  formatMarkdown,
  formatRatio,
  markdownFacts,
  parseTimingLog,
  querySummary,
  summarizeMarkdown,
  unmeasuredSize,
  type BaselineMeasurement,
  type BenchReport,
  type FirstResults,
  type MarkdownSummary,
  type MirrorMeasurement,
  type QueryMeasurement,
  type RebuildMeasurement,
  type SizeReport,
} from '../src/bench/report';
import { runBenchBuild, runMeasured } from '../src/bench/run-build';
import { bytesBefore, transferBytes, type TimedResponse } from '../src/bench/transfer';
import { readArchiveTexts, readRegulationCorpus } from '../src/bench/text-source';
import { DEFAULT_SHARD_DOCUMENTS } from '../src/search/pagefind/shards';
import { emulateNetwork, launchBrowser, recordNetwork, SLOW_4G } from '../tests/helpers/browser';
import { startServer } from '../tests/helpers/serve';

const REPO = resolve(dirname(new URL(import.meta.url).pathname), '..');
const BUILD_DATE = '2026-01-01';
/** The newest year of a generated archive: the rebuild's new year, 2025, is still before BUILD_DATE. */
const LAST_YEAR = 2024;
const CORPUS_QUERIES = ['安全生产', '行政许可', '环境保护', '监督检查', '税收', '人民政府'];
const SAMPLE_QUERIES = ['人才贷', '移动支付', '执法记录仪', '一链办理', '重大行政决策', '应急转贷'];

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    corpus: { type: 'string' },
    work: { type: 'string', default: '/tmp/gazette-bench' },
    out: { type: 'string', default: join(REPO, 'bench/results') },
    'shard-size': { type: 'string' },
    queries: { type: 'string' },
    heap: { type: 'string' },
    baseline: { type: 'string' },
    'chunked-store': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-rebuild': { type: 'boolean', default: false },
    'no-mirror': { type: 'boolean', default: false },
    'mirror-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

if (values['mirror-only'] && values['no-mirror']) fail('--mirror-only and --no-mirror exclude each other');
if (values.baseline !== undefined && values.baseline !== 'pagefind')
  fail(`--baseline: "${values.baseline}" is not a baseline this benchmark knows; use --baseline pagefind`);
const sizes = values.docs.split(',').map((value) => {
  const n = Number(value.replace(/_/gu, ''));
  if (!Number.isInteger(n) || n < 1)
    fail(`--docs: "${value}" is not a whole number of documents (e.g. --docs 1000,10000)`);
  return n;
});
const shardDocuments = values['shard-size'] ? Number(values['shard-size']) : DEFAULT_SHARD_DOCUMENTS;
if (!(shardDocuments >= 1)) fail(`--shard-size: expected a whole number, got ${values['shard-size']}`);
const texts = values.corpus ? readRegulationCorpus(resolve(values.corpus)) : readArchiveTexts(join(REPO, 'content'));
const queries = values.queries ? values.queries.split(',') : values.corpus ? CORPUS_QUERIES : SAMPLE_QUERIES;
const corpusLabel = values.corpus
  ? `${texts.length} regulations from ${values.corpus}`
  : `${texts.length} documents of the sample issue (content/)`;

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Writes files under `dir`; returns their bytes, the largest document and the documents' size distribution. */
function writeFiles(
  dir: string,
  files: Iterable<{ path: string; content: string }>,
): { bytes: number; largest: string; markdown: MarkdownSummary } {
  let bytes = 0;
  let largest = { path: '', bytes: 0 };
  const documents: ReturnType<typeof markdownFacts>[] = [];
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    bytes += Buffer.byteLength(file.content);
    if (!file.path.endsWith('.md')) continue;
    const facts = markdownFacts(file.content);
    documents.push(facts);
    if (facts.bytes > largest.bytes) largest = { path: file.path, bytes: facts.bytes };
  }
  return { bytes, largest: largest.path, markdown: summarizeMarkdown(documents) };
}

/** A document's page path from its content path (`shili/2025/16/x.md` → `2025/16/x`). */
function pagePath(contentPath: string): string {
  return contentPath.replace(/^[^/]+\//u, '').replace(/\.md$/u, '');
}

function directorySize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

/** The file a same-origin URL is served from (null for other origins or missing files). */
function fileOf(outDir: string, origin: string, url: string): string | null {
  if (!url.startsWith(origin)) return null;
  let path = decodeURIComponent(new URL(url).pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = join(outDir, path);
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function documentPageWeight(outDir: string, pagePath: string): SizeReport['documentPage'] {
  const file = join(outDir, pagePath, 'index.html');
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/gu)].map((m) => m[1]!);
  const cssGzipBytes = css.reduce((sum, href) => sum + gzipSync(readFileSync(join(outDir, href))).length, 0);
  return {
    path: pagePath,
    htmlGzipBytes: gzipSync(html).length,
    cssGzipBytes,
    scripts: (text.match(/<script\b/gu) ?? []).length,
  };
}

/**
 * Records, in the page, when each search's first result is shown and when each search ends.
 * Shown: the animation frame in which a result item (`li.search-result`, drawn by renderResult
 * in src/search/client/search-view.ts) that was not in the list at the last `arm()` is
 * visible; that frame paints it. Ends: `#search-results` turning data-state="done" (every
 * shard answered). Times are performance.now(), from navigation start.
 */
const RESULT_OBSERVER = `
  (() => {
    const bench = { shown: [], fullText: [], done: [], seen: new WeakSet(), frame: 0 };
    window.__bench = bench;
    const items = () => document.querySelectorAll('#search-results li.search-result');
    bench.arm = () => { for (const item of items()) bench.seen.add(item); };
    const check = () => {
      bench.frame = 0;
      const fresh = [...items()].filter((item) => !bench.seen.has(item));
      if (fresh.length === 0) return;
      const visible = fresh.filter((item) => item.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
      if (visible.length > 0) {
        const now = performance.now();
        bench.shown.push(now);
        // The title pre-answer's items are keyed title:<url>; the engine's by result id.
        if (visible.some((item) => !(item.dataset.key ?? '').startsWith('title:'))) bench.fullText.push(now);
        bench.arm();
      } else bench.frame = requestAnimationFrame(check);
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target.id === 'search-results' && r.target.getAttribute('data-state') === 'done') bench.done.push(performance.now());
      }
      if (!bench.frame) bench.frame = requestAnimationFrame(check);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  })();
`;

interface BenchWindow {
  __bench: { shown: number[]; fullText: number[]; done: number[]; arm: () => void };
}

/** How many of each event the observer has seen: a search's times are those after them. */
type BenchCounts = { shown: number; fullText: number; done: number };

interface SearchTimes {
  /** The frame that painted the first result, of either kind; null when nothing was found. */
  shownAt: number | null;
  /** The frame that painted the first full-text result (not the title pre-answer's). */
  fullTextAt: number | null;
  doneAt: number;
}

/** Waits for the search after the counts given to end; its first-result and end times. */
async function searchTimes(page: Page, before: BenchCounts): Promise<SearchTimes> {
  await page.waitForFunction((b) => {
    const { __bench: bench } = window as unknown as BenchWindow;
    return bench.shown.length > b.shown || bench.done.length > b.done;
  }, before);
  // The search may end (data-state done) a frame before its results are painted: wait for that
  // frame, unless the search found nothing.
  await page.waitForFunction(
    (b) => {
      const { __bench: bench } = window as unknown as BenchWindow;
      const found = document.querySelectorAll('#search-results li.search-result').length > 0;
      return bench.done.length > b.done && (bench.fullText.length > b.fullText || !found);
    },
    before,
    { polling: 'raf' },
  );
  return page.evaluate((b) => {
    const { __bench: bench } = window as unknown as BenchWindow;
    return {
      shownAt: bench.shown.length > b.shown ? performance.timeOrigin + bench.shown[b.shown]! : null,
      fullTextAt: bench.fullText.length > b.fullText ? performance.timeOrigin + bench.fullText[b.fullText]! : null,
      doneAt: performance.timeOrigin + bench.done[b.done]!,
    };
  }, before);
}

/** A page in a browser context of its own (nothing cached), watching the search page's results. */
async function coldSearchPage(browser: Browser, timeout: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.addInitScript(RESULT_OBSERVER);
  return { context, page };
}

/** The search's first results, in ms from `startedAt`. */
function firstResults(times: SearchTimes, startedAt: number): FirstResults {
  const since = (at: number | null) => (at === null ? null : at - startedAt);
  return { firstResultMs: since(times.shownAt), firstFullTextMs: since(times.fullTextAt) };
}

/** Opens the search page on `query` and waits for its search to end; its times and the navigation's start. */
async function openSearch(
  page: Page,
  url: string,
  query: string,
): Promise<{ navigationStart: number; times: SearchTimes }> {
  await page.goto(`${url}search/?q=${encodeURIComponent(query)}`);
  const times = await searchTimes(page, { shown: 0, fullText: 0, done: 0 });
  return { navigationStart: await page.evaluate(() => performance.timeOrigin), times };
}

/**
 * The first page of results as the search page computed it before the newest shard answered
 * first (today's figure in issue 13): on a cold search page without a query (its own script
 * then stays idle), from DOMContentLoaded, Pagefind's API opens the newest shard, merges every
 * other, searches and loads the first page's ten fragments. Returns the time from navigation
 * start, the clock of `firstResultMs`.
 */
async function allShardsFirstPageMs(
  browser: Browser,
  url: string,
  query: string,
  network?: typeof SLOW_4G,
): Promise<number> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    if (network) await emulateNetwork(page, network);
    // A string, like RESULT_OBSERVER: tsx would wrap named functions in a helper the page lacks.
    await page.addInitScript(`
      document.addEventListener('DOMContentLoaded', async () => {
        // Absolute: an init script has no URL of its own to resolve an import against.
        const root = new URL('/', location.href).href;
        const pagefind = await import(root + 'pagefind/pagefind.js');
        const manifest = await (await fetch(root + 'pagefind/shards.json')).json();
        const [newest, ...older] = manifest.shards;
        const tagged = (id) => ({ baseUrl: '/', mergeFilter: { [manifest.shardFilter]: id } });
        await pagefind.options(tagged(newest.id));
        await pagefind.init();
        await Promise.all(older.map((shard) => pagefind.mergeIndex(root + 'pagefind/' + shard.path, tagged(shard.id))));
        const search = await pagefind.search(${JSON.stringify(query)});
        await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
        window.__allShards = performance.now();
      });
    `);
    await page.goto(`${url}search/`);
    await page.waitForFunction(() => '__allShards' in window);
    return await page.evaluate(() => (window as unknown as { __allShards: number }).__allShards);
  } finally {
    await context.close();
  }
}

/**
 * The first result of a cold search page, and its first full-text result, as `measureQueries`
 * times them, over a throttled network: from navigation start to the frame that paints it
 * (null when nothing was found).
 */
async function coldFirstResults(
  browser: Browser,
  url: string,
  query: string,
  network: typeof SLOW_4G,
): Promise<FirstResults> {
  const { context, page } = await coldSearchPage(browser, 120_000);
  try {
    await emulateNetwork(page, network);
    const { navigationStart, times } = await openSearch(page, url, query);
    return firstResults(times, navigationStart);
  } finally {
    await context.close();
  }
}

async function measureQueries(outDir: string): Promise<{ cold: QueryMeasurement[]; second: QueryMeasurement[] }> {
  const server = await startServer(outDir, '/');
  const browser = await launchBrowser();
  const cold: QueryMeasurement[] = [];
  const second: QueryMeasurement[] = [];
  // Bodies as a CDN sends them, per file (every query fetches the same runtime files); null
  // for what no file serves (a redirect).
  const transferred = new Map<string, number>();
  const cdnBytes = (url: string): number | null => {
    const file = fileOf(outDir, server.origin, url);
    if (!file) return null;
    let bytes = transferred.get(file);
    if (bytes === undefined) transferred.set(file, (bytes = transferBytes(readFileSync(file))));
    return bytes;
  };
  try {
    for (const [i, query] of queries.entries()) {
      const next = queries[(i + 1) % queries.length]!;
      const { context, page } = await coldSearchPage(browser, 60_000);
      const network = await recordNetwork(page);
      // When each response ended, on the browser's clock (Playwright's request timing), and its bytes.
      let responses: TimedResponse[] = [];
      page.on('requestfinished', (request) => {
        const { startTime, responseEnd } = request.timing();
        const endedAt = responseEnd >= 0 ? startTime + responseEnd : Date.now();
        responses.push({ endedAt, bytes: cdnBytes(request.url()) ?? 0 });
      });
      const measure = async (q: string, startedAt: number, times: SearchTimes): Promise<QueryMeasurement> => {
        await network.waitForIdle(750, 60_000);
        const requests = network.requests.filter((r) => r.finished && !r.failed);
        const gzipBytes = requests.reduce((sum, r) => sum + (cdnBytes(r.url) ?? r.encodedBytes), 0);
        const results = await page.locator('#search-results > li').count();
        const status = (await page.locator('#search-status').textContent()) ?? '';
        const total = Number(status.match(/找到 (\d+) 篇/u)?.[1] ?? results);
        const before = times.shownAt === null ? null : bytesBefore(responses, times.shownAt);
        return {
          query: q,
          rawBytes: network.totalBytes(),
          gzipBytes,
          requests: requests.length,
          ...firstResults(times, startedAt),
          ...(before ? { bytesBeforeFirstResult: before.bytes, requestsBeforeFirstResult: before.requests } : {}),
          doneMs: times.doneAt - startedAt,
          results: total,
        };
      };

      const { navigationStart, times: coldTimes } = await openSearch(page, server.url, query);
      cold.push({
        ...(await measure(query, navigationStart, coldTimes)),
        allShardsFirstPageMs: await allShardsFirstPageMs(browser, server.url, query),
        slow4g: {
          ...(await coldFirstResults(browser, server.url, query, SLOW_4G)),
          allShardsFirstPageMs: await allShardsFirstPageMs(browser, server.url, query, SLOW_4G),
        },
      });

      network.reset();
      responses = [];
      const counts = await page.evaluate(() => {
        const { __bench: bench } = window as unknown as BenchWindow;
        return { shown: bench.shown.length, fullText: bench.fullText.length, done: bench.done.length };
      });
      const submittedAt = await page.evaluate((q) => {
        (window as unknown as BenchWindow).__bench.arm();
        const input = document.getElementById('search-input') as HTMLInputElement;
        input.value = q;
        const started = performance.timeOrigin + performance.now();
        (document.getElementById('search-form') as HTMLFormElement).requestSubmit();
        return started;
      }, next);
      const secondTimes = await searchTimes(page, counts);
      second.push(await measure(next, submittedAt, secondTimes));
      await network.stop();
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { cold, second };
}

/** What `npm run mirror` writes with --report (scripts/mirror.ts). */
interface MirrorSummary {
  buildMs: number;
  mirrorMs: number;
  buildPeakRssBytes: number;
  mirrorPeakRssBytes: number;
  pagefind: boolean;
  report: { files: number; bytes: number; zipBytes?: number };
}

/** Runs `npm run mirror` on the archive as a reader would, measuring its whole process tree. */
async function measureMirror(
  work: string,
  contentDir: string,
  env: Record<string, string>,
): Promise<MirrorMeasurement> {
  const summaryFile = join(work, 'mirror.json');
  const timingLog = join(work, 'mirror.log.timing');
  const run = await runMeasured(
    ['--import', 'tsx', join(REPO, 'scripts/mirror.ts'), '--out', join(work, 'mirror'), '--report', summaryFile],
    {
      cwd: REPO,
      env: { ...process.env, ...env, GAZETTE_CONTENT_DIR: contentDir, GAZETTE_TIMING_LOG: timingLog },
    },
  );
  writeFileSync(join(work, 'mirror.log'), run.log);
  const summary = run.exitCode === 0 ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as MirrorSummary) : null;
  let timing = null;
  try {
    timing = parseTimingLog(readFileSync(timingLog, 'utf8'));
  } catch {
    // No timing log: no Pagefind step wrote one.
  }
  return {
    wallMs: run.wallMs,
    peakRssBytes: run.peakRssBytes,
    exitCode: run.exitCode,
    buildMs: summary?.buildMs ?? null,
    buildPeakRssBytes: summary?.buildPeakRssBytes ?? null,
    mirrorMs: summary?.mirrorMs ?? null,
    mirrorPeakRssBytes: summary?.mirrorPeakRssBytes ?? null,
    pagefind: timing !== null || summary?.pagefind === true,
    files: summary?.report.files ?? null,
    bytes: summary?.report.bytes ?? null,
    zipBytes: summary?.report.zipBytes ?? null,
  };
}

/** `pagefind --site <dist>` alone on the built pages, into `<work>/baseline-pagefind` (removed after). */
async function measurePagefindBaseline(work: string, outDir: string): Promise<BaselineMeasurement> {
  const outputPath = join(work, 'baseline-pagefind');
  const command = pagefindBaselineCommand(readPagefindPackage(REPO), outDir, outputPath);
  log(`${command.display}`);
  // From the work folder: no pagefind.yml there, so Pagefind runs with its defaults.
  const run = await runMeasured(command.args, { cwd: work, env: process.env });
  writeFileSync(join(work, 'baseline-pagefind.log'), run.log);
  rmSync(outputPath, { recursive: true, force: true });
  return {
    tool: 'pagefind',
    command: command.display,
    wallMs: run.wallMs,
    peakRssBytes: run.peakRssBytes,
    exitCode: run.exitCode,
    pages: indexedPages(run.log),
  };
}

/** Adds issue `index` to the archive and rebuilds it with the same caches and output folder. */
async function rebuildWithIssue(
  work: string,
  options: BenchArchiveOptions,
  plan: ArchivePlan,
  index: number,
  kind: RebuildMeasurement['kind'],
  env: Record<string, string>,
): Promise<RebuildMeasurement> {
  const issue = issueAt(plan, index);
  const name = `${issue.year}/${String(issue.number).padStart(2, '0')}`;
  writeFiles(join(work, 'content'), generateIssue(options, plan, index));
  log(`${plan.documents} documents: added issue ${name} (${kind}); rebuilding`);
  const rebuild = await runBenchBuild({
    repoRoot: REPO,
    contentDir: join(work, 'content'),
    outDir: join(work, 'dist'),
    cacheDir: join(work, 'cache'),
    logFile: join(work, `rebuild-${kind.replace(' ', '-')}.log`),
    env: { ...process.env, ...env },
  });
  return {
    kind,
    issue: name,
    wallMs: rebuild.wallMs,
    peakRssBytes: rebuild.peakRssBytes,
    phases: rebuild.phases,
    search: rebuild.search,
    exitCode: rebuild.exitCode,
  };
}

const startedAt = new Date().toISOString();
const machine = {
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  memoryBytes: totalmem(),
  node: process.version,
  astro: versionOf('astro'),
  pagefind: versionOf('pagefind'),
  os: `${type()} ${release()}`,
  loadAverage: loadavg(),
};
log(
  `machine: ${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB; Node ${machine.node}, ` +
    `Astro ${machine.astro}, Pagefind ${machine.pagefind}; load ${machine.loadAverage.map((l) => l.toFixed(2)).join(' ')}`,
);
const reports: SizeReport[] = [];
const reportDir = resolve(values.out);
mkdirSync(reportDir, { recursive: true });
const stem = join(reportDir, `${startedAt.replace(/[:.]/gu, '-').slice(0, 19)}-${sizes.join('-')}`);
const reportOf = (sizeReports: SizeReport[]): BenchReport => ({
  startedAt,
  finishedAt: new Date().toISOString(),
  machine,
  corpus: corpusLabel,
  shardDocuments,
  heapMiB: values.heap ? Number(values.heap) : null,
  chunkedStore: values['chunked-store'],
  sizes: sizeReports,
});
/** After each measurement: what is measured so far, so that a run stopped midway leaves its figures. */
const checkpoint = (current: SizeReport) =>
  writeFileSync(`${stem}.partial.json`, `${JSON.stringify(reportOf([...reports, current]), null, 2)}\n`);

async function benchSize(documents: number): Promise<SizeReport> {
  const work = join(resolve(values.work), `n${documents}`);
  const contentDir = join(work, 'content');
  const outDir = join(work, 'dist');
  const cacheDir = join(work, 'cache');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  const options: BenchArchiveOptions = { documents, texts, lastYear: LAST_YEAR };
  const plan = planArchive(options);
  log(`${documents} documents: generating ${plan.issues} issues (${plan.firstYear}–${plan.lastYear}) in ${contentDir}`);
  const { bytes: contentBytes, largest, markdown } = writeFiles(contentDir, generateArchive(options));
  log(
    `${documents} documents: Markdown per document mean ${(markdown.meanBytes / 1000).toFixed(1)} KB, ` +
      `p99 ${(markdown.p99Bytes / 1000).toFixed(1)} KB, max ${(markdown.maxBytes / 1000).toFixed(1)} KB; ` +
      `${(markdown.tableShare * 100).toFixed(1)} % with a table`,
  );
  const env: Record<string, string> = {
    GAZETTE_BUILD_DATE: BUILD_DATE,
    GAZETTE_SEARCH_SHARD_SIZE: String(shardDocuments),
  };
  if (values['chunked-store']) env.GAZETTE_BENCH_CHUNKED_STORE = '1';
  if (values.heap)
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${Number(values.heap)}`.trim();

  const report = unmeasuredSize({
    documents,
    issues: plan.issues,
    years: `${plan.firstYear}–${plan.lastYear}, ${plan.issuesPerYear} a year`,
    contentBytes,
  });
  report.markdown = markdown;
  // The mirror first: it reads the archive as generated, before the rebuild adds an issue.
  if (!values['no-mirror']) {
    log(`${documents} documents: npm run mirror → ${join(work, 'mirror')}`);
    const mirror = await measureMirror(work, contentDir, env);
    report.mirror = mirror;
    log(
      `${documents} documents: mirror in ${(mirror.wallMs / 1000).toFixed(1)} s, exit ${mirror.exitCode}, ` +
        `peak ${(mirror.peakRssBytes / 2 ** 30).toFixed(2)} GiB, Pagefind ${mirror.pagefind ? 'ran' : 'did not run'}`,
    );
    if (!values.keep) rmSync(join(work, 'mirror'), { recursive: true, force: true });
  }
  if (values['mirror-only']) {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    return report;
  }

  log(`${documents} documents: full build → ${outDir}`);
  const build = await runBenchBuild({
    repoRoot: REPO,
    contentDir,
    outDir,
    cacheDir,
    logFile: join(work, 'build.log'),
    env: { ...process.env, ...env },
  });
  log(
    `${documents} documents: built in ${(build.wallMs / 1000).toFixed(1)} s, exit ${build.exitCode}, peak ${(build.peakRssBytes / 2 ** 30).toFixed(2)} GiB`,
  );
  report.build = {
    wallMs: build.wallMs,
    peakRssBytes: build.peakRssBytes,
    phases: build.phases,
    search: build.search,
    exitCode: build.exitCode,
  };
  checkpoint(report);
  if (build.exitCode !== 0) {
    log(`${documents} documents: the build failed; see ${join(work, 'build.log')}`);
    return report;
  }
  const dist = directorySize(outDir);
  report.distBytes = dist.bytes;
  report.distFiles = dist.files;
  report.searchBytes = directorySize(join(outDir, 'pagefind')).bytes;
  const newest = generateIssue(options, plan, plan.issues - 1).find((file) => file.path.endsWith('.md'))!;
  report.documentPage = documentPageWeight(outDir, pagePath(newest.path));
  report.largestDocumentPage = documentPageWeight(outDir, pagePath(largest));

  if (values.baseline === 'pagefind') {
    report.baseline = await measurePagefindBaseline(work, outDir);
    log(
      `${documents} documents: ${report.baseline.command} in ${(report.baseline.wallMs / 1000).toFixed(1)} s, ` +
        `exit ${report.baseline.exitCode}, peak ${(report.baseline.peakRssBytes / 2 ** 30).toFixed(2)} GiB; ` +
        `our full build is ${formatRatio(build.wallMs, report.baseline.wallMs)} of it`,
    );
    checkpoint(report);
  }
  if (!values['no-browser']) {
    log(`${documents} documents: ${queries.length} queries in Chromium`);
    const { cold, second } = await measureQueries(outDir);
    report.coldQueries = cold;
    report.secondQueries = second;
    log(`${documents} documents: cold page: ${querySummary(cold)}`);
    log(`${documents} documents: second query: ${querySummary(second)}`);
    checkpoint(report);
  }
  if (!values['no-rebuild']) {
    const { sameYear, newYear } = nextIssues(plan);
    if (sameYear === null) log(`${documents} documents: the newest year is full; no same-year issue to add`);
    for (const [kind, index] of [
      ['same year', sameYear],
      ['new year', newYear],
    ] as const) {
      if (index === null) continue;
      const rebuild = await rebuildWithIssue(work, options, plan, index, kind, env);
      report.rebuilds.push(rebuild);
      checkpoint(report);
      log(
        `${documents} documents: rebuilt in ${(rebuild.wallMs / 1000).toFixed(1)} s ` +
          `(${formatRatio(rebuild.wallMs, build.wallMs)} the full build), exit ${rebuild.exitCode}, ` +
          `${rebuild.search ? `${rebuild.search.rebuiltShards} of ${rebuild.search.shards}` : 'no'} shards re-indexed, ` +
          `${rebuild.phases.keptRoutes ?? '?'} of ${rebuild.phases.routes ?? '?'} routes kept`,
      );
    }
  }
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  return report;
}

for (const size of sizes) reports.push(await benchSize(size));
const report = reportOf(reports);
writeFileSync(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
rmSync(`${stem}.partial.json`, { force: true });
const markdown = formatMarkdown(report);
writeFileSync(`${stem}.md`, markdown);
process.stdout.write(`${markdown}\n`);
log(`wrote ${stem}.json and ${stem}.md`);
