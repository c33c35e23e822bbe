/**
 * `npm run bench -- --docs 1000,10000 [--corpus ../shared/corpus/lawrefbook]`
 *
 * For each archive size: generates a realistic archive (src/bench/generate.ts) in a work
 * folder, builds it from scratch, measures the build (wall time by phase, peak memory of all
 * its processes, pages per second, output and index sizes), runs a fixed list of queries in
 * headless Chromium (bytes and time to the first result, cold page and second query), adds one
 * new issue and measures the rebuild, then runs `npm run mirror` on the archive (wall time,
 * peak memory of all its processes, whether Pagefind ran, folder and zip sizes). Writes
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
 *   --no-browser          skip the search measurements
 *   --no-rebuild          skip the rebuild after a new issue
 *   --no-mirror           skip the mirror
 *   --mirror-only         measure the mirror only (no site build, queries or rebuild)
 *   --keep                keep each size's work folder (default: removed after measuring)
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateArchive, generateIssue, planArchive, type BenchArchiveOptions } from '../src/bench/generate';
import {
  formatMarkdown,
  parseTimingLog,
  unmeasuredSize,
  type BenchReport,
  type MirrorMeasurement,
  type QueryMeasurement,
  type SizeReport,
} from '../src/bench/report';
import { runBenchBuild, runMeasured } from '../src/bench/run-build';
import { readArchiveTexts, readRegulationCorpus } from '../src/bench/text-source';
import { DEFAULT_SHARD_DOCUMENTS } from '../src/search/pagefind/shards';
import { launchBrowser, recordNetwork } from '../tests/helpers/browser';
import { startServer } from '../tests/helpers/serve';

const REPO = resolve(dirname(new URL(import.meta.url).pathname), '..');
const BUILD_DATE = '2026-01-01';
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
    'chunked-store': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-rebuild': { type: 'boolean', default: false },
    'no-mirror': { type: 'boolean', default: false },
    'mirror-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

if (values['mirror-only'] && values['no-mirror']) fail('--mirror-only and --no-mirror exclude each other');
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

/** Writes files under `dir`; returns their bytes and the largest document (by Markdown size). */
function writeFiles(
  dir: string,
  files: Iterable<{ path: string; content: string }>,
): { bytes: number; largest: string } {
  let bytes = 0;
  let largest = { path: '', bytes: 0 };
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    const size = Buffer.byteLength(file.content);
    bytes += size;
    if (file.path.endsWith('.md') && size > largest.bytes) largest = { path: file.path, bytes: size };
  }
  return { bytes, largest: largest.path };
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

/** Records the time each search finishes (#search-results turning data-state="done"). */
const RESULT_OBSERVER = `
  window.__searchDone = [];
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.target.id === 'search-results' && r.target.getAttribute('data-state') === 'done') window.__searchDone.push(performance.now());
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
`;

async function measureQueries(outDir: string): Promise<{ cold: QueryMeasurement[]; second: QueryMeasurement[] }> {
  const server = await startServer(outDir, '/');
  const browser = await launchBrowser();
  const cold: QueryMeasurement[] = [];
  const second: QueryMeasurement[] = [];
  try {
    for (const [i, query] of queries.entries()) {
      const next = queries[(i + 1) % queries.length]!;
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.addInitScript(RESULT_OBSERVER);
      const network = await recordNetwork(page);
      const measure = async (q: string, firstResultMs: number): Promise<QueryMeasurement> => {
        await network.waitForIdle(750, 60_000);
        const requests = network.requests.filter((r) => r.finished && !r.failed);
        const gzipBytes = requests.reduce((sum, r) => {
          const file = fileOf(outDir, server.origin, r.url);
          return sum + (file ? gzipSync(readFileSync(file)).length : r.encodedBytes);
        }, 0);
        const results = await page.locator('#search-results > li').count();
        const status = (await page.locator('#search-status').textContent()) ?? '';
        const total = Number(status.match(/找到 (\d+) 篇/u)?.[1] ?? results);
        return {
          query: q,
          rawBytes: network.totalBytes(),
          gzipBytes,
          requests: requests.length,
          firstResultMs,
          results: total,
        };
      };

      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => (window as unknown as { __searchDone: number[] }).__searchDone.length > 0);
      const coldMs = await page.evaluate(() => (window as unknown as { __searchDone: number[] }).__searchDone[0]!);
      cold.push(await measure(query, coldMs));

      network.reset();
      const secondMs = await page.evaluate(async (q) => {
        const w = window as unknown as { __searchDone: number[] };
        const before = w.__searchDone.length;
        const input = document.getElementById('search-input') as HTMLInputElement;
        input.value = q;
        const started = performance.now();
        (document.getElementById('search-form') as HTMLFormElement).requestSubmit();
        while (w.__searchDone.length === before) await new Promise((r) => setTimeout(r, 5));
        return w.__searchDone[before]! - started;
      }, next);
      second.push(await measure(next, secondMs));
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

async function benchSize(documents: number): Promise<SizeReport> {
  const work = join(resolve(values.work), `n${documents}`);
  const contentDir = join(work, 'content');
  const outDir = join(work, 'dist');
  const cacheDir = join(work, 'cache');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  const options: BenchArchiveOptions = { documents, texts };
  const plan = planArchive(options);
  log(`${documents} documents: generating ${plan.issues} issues (${plan.firstYear}–${plan.lastYear}) in ${contentDir}`);
  const { bytes: contentBytes, largest } = writeFiles(contentDir, generateArchive(options));
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

  if (!values['no-browser']) {
    log(`${documents} documents: ${queries.length} queries in Chromium`);
    const { cold, second } = await measureQueries(outDir);
    report.coldQueries = cold;
    report.secondQueries = second;
  }
  if (!values['no-rebuild']) {
    const added = generateIssue(options, plan, plan.issues);
    writeFiles(contentDir, added);
    log(`${documents} documents: added issue ${added[0]!.path.replace(/\/issue\.yaml$/u, '')}; rebuilding`);
    const rebuild = await runBenchBuild({
      repoRoot: REPO,
      contentDir,
      outDir,
      cacheDir,
      logFile: join(work, 'rebuild.log'),
      env: { ...process.env, ...env },
    });
    report.rebuild = {
      wallMs: rebuild.wallMs,
      peakRssBytes: rebuild.peakRssBytes,
      phases: rebuild.phases,
      search: rebuild.search,
      exitCode: rebuild.exitCode,
    };
    log(`${documents} documents: rebuilt in ${(rebuild.wallMs / 1000).toFixed(1)} s, exit ${rebuild.exitCode}`);
  }
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  return report;
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
for (const size of sizes) reports.push(await benchSize(size));
const report: BenchReport = {
  startedAt,
  finishedAt: new Date().toISOString(),
  machine,
  corpus: corpusLabel,
  shardDocuments,
  heapMiB: values.heap ? Number(values.heap) : null,
  chunkedStore: values['chunked-store'],
  sizes: reports,
};
const outDir = resolve(values.out);
mkdirSync(outDir, { recursive: true });
const stem = join(outDir, `${startedAt.replace(/[:.]/gu, '-').slice(0, 19)}-${sizes.join('-')}`);
writeFileSync(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
const markdown = formatMarkdown(report);
writeFileSync(`${stem}.md`, markdown);
process.stdout.write(`${markdown}\n`);
log(`wrote ${stem}.json and ${stem}.md`);
