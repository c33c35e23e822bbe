/**
 * Astro integration that builds the full-text search index with Pagefind, in shards.
 *
 * After `astro build` has written every page, the document pages (those marked
 * `data-pagefind-body`) are found in the output, split into shards by the date they sort by
 * (src/lib/search-shards.ts) and each shard is indexed on its own with Pagefind's Node API:
 * one `createIndex` per shard, deleted and the service closed after writing, so Pagefind's
 * memory is bounded by the largest shard rather than by the archive. Chinese text is
 * segmented because the `pagefind` package runs its "extended" binary on `<html lang="zh-CN">`.
 *
 * Incremental: a shard's bundle is cached in Astro's cache folder under the hash of its pages
 * (URL and HTML of each, less the `<link>` elements) and of the indexing settings. A shard whose pages did not change is
 * copied from there instead of being indexed again, so a new issue re-indexes only the
 * newest shard. Pagefind's output depends only on its input, so a reused shard is the same
 * bytes as a freshly built one. What the scan learns of each page is cached too, by file size
 * and modification time, so pages a build left in place are not read again.
 *
 * Output, in `<outDir>/pagefind/`:
 *   pagefind.js, pagefind-worker.js, wasm.*.pagefind   Pagefind's runtime
 *   pagefind-entry.json, *.pf_meta, index/ …          the newest shard (Pagefind's primary index)
 *   shards/<id>-<hash>/                               every older shard; the name changes with
 *                                                     its content, so it can be cached forever
 *   shards.json                                       the manifest the search page merges by
 * The index stores URLs relative to the output directory; the search page passes
 * `baseUrl: import.meta.env.BASE_URL`, so the same index works for any `base`.
 *
 * With a `timingLog` file (GAZETTE_TIMING_LOG), this step appends one JSON line with its
 * timings (the benchmark reads it). Any Pagefind error fails the build.
 */
import { createHash } from 'node:crypto';
import { appendFile, copyFile, link, mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import {
  addFilterCounts,
  DEFAULT_SHARD_DOCUMENTS,
  planShards,
  SHARD_FILTER,
  SHARD_MANIFEST_FILE,
  sortedCounts,
  type FilterCounts,
  type PlannedShard,
  type ShardManifest,
  type ShardPage,
} from '../lib/search-shards';
import { exportIndexChunkSize } from '../config';
import { DEFAULT_INDEX_CHUNK_SIZE } from '../config/search';

export interface PagefindIntegrationOptions {
  /**
   * Extra options for Pagefind's indexer (`rootSelector`, `excludeSelectors`, `forceLanguage`,
   * …). Defaults are right for this site; this exists for experiments and benchmarks.
   */
  indexOptions?: pagefind.PagefindServiceConfig;
  /** Most documents in one shard: the configuration's `search.shardDocuments` (src/config/search.ts). */
  shardDocuments?: number;
  /** Folder for cached shard bundles: `search.cacheDir`; without it, `<Astro cacheDir>/gazette-search`. */
  cacheDir?: string;
  /** Word locations per chunk of Pagefind's word index: `search.indexChunkSize`. */
  indexChunkSize?: number;
  /** File to append this step's timings to: `build.timingLog`. */
  timingLog?: string;
}

/**
 * Files Pagefind writes for its own UIs (about 430 KB). The search page uses Pagefind's JS API
 * and merges the shards itself, which those UIs cannot do, so they are left out.
 */
const PREBUILT_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
];

/** Pagefind's runtime, shared by every shard: it lives once, at the top of `pagefind/`. */
function isRuntimeFile(name: string): boolean {
  return /^pagefind(?:-worker|-highlight)?\.js$/u.test(name) || /^wasm\..+\.pagefind$/u.test(name);
}

/** Bumped when the cached bundle layout or what goes into a shard's key changes. */
const CACHE_FORMAT = 1;
/** Cached shards unused for this long are removed (other builds on the machine may share the cache). */
const CACHE_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

export default function pagefindIntegration(
  options: PagefindIntegrationOptions = {},
): AstroIntegration {
  let cacheDir = options.cacheDir;
  return {
    name: 'gazette:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir ??= join(fileURLToPath(config.cacheDir), 'gazette-search');
      },
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger, { ...options, cacheDir: cacheDir! });
      },
    },
  };
}

export { pagefindIntegration as pagefind };

class PagefindBuildError extends Error {
  override name = 'PagefindBuildError';
}

function check<T extends { errors: string[] }>(step: string, response: T, logger: AstroIntegrationLogger): T {
  if (response.errors.length > 0) {
    for (const error of response.errors) logger.error(`Pagefind (${step}): ${error}`);
    throw new PagefindBuildError(
      `Pagefind failed while ${step}: ${response.errors.join('; ')}. ` +
        'The search index was not written; fix the error above and rebuild.',
    );
  }
  return response;
}

/**
 * Awaits one Pagefind call. If the Pagefind binary dies (it panics on some I/O errors, e.g. when
 * `<outDir>/pagefind` is a file), the Node API never settles its promise and Node would exit
 * silently once nothing else is pending, leaving a site without a search index. Node announces
 * that moment with 'beforeExit'; the step is then rejected so that the build fails loudly.
 */
function step<T>(description: string, call: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onBeforeExit = () =>
      reject(
        new PagefindBuildError(
          `Pagefind stopped without answering while ${description} (its process probably ` +
            'crashed; see its output above).',
        ),
      );
    process.once('beforeExit', onBeforeExit);
    call()
      .then(resolve, reject)
      .finally(() => process.off('beforeExit', onBeforeExit));
  });
}

/* ------------------------------------------------------------------------ finding pages */

interface DocumentPage extends ShardPage {
  /** Path of the HTML file relative to the site folder. */
  file: string;
  /** sha256 of the HTML, without its `<link>` elements. */
  hash: string;
  filters: Record<string, string[]>;
}

const SORT_DATE = /data-pagefind-sort="date:([^"]*)"/u;
/**
 * `<link>` elements (stylesheets, feeds, canonical URL) play no part in what Pagefind indexes, and
 * a restyled site changes every page's stylesheet link: they are left out of a shard's hash so
 * that a new stylesheet does not re-index the whole archive.
 */
const LINK_TAGS = /<link\b[^>]*>/gu;
// `<span data-pagefind-filter="type">意见</span>`: the form the document page uses.
const FILTER = /<([a-z][a-z0-9]*)\b[^>]*?\sdata-pagefind-filter="([^"]+)"[^>]*>([^<]*)<\/\1>/gu;

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|#39));/giu, (_, dec, hex, named) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" }[String(named).toLowerCase()] ?? '';
  });
}

/** The filter values Pagefind will read from a page, by filter name. */
export function pageFilters(html: string): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [, , attribute, content] of html.matchAll(FILTER)) {
    const [key, inline] = attribute!.split(/:(.*)/su);
    const value = decodeEntities(inline ?? content!).trim();
    if (key && value) (filters[key] ??= []).push(value);
  }
  return filters;
}

async function listHtmlFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}

function pageUrl(file: string): string {
  return `/${file.replace(/(?:^|\/)index\.html$/u, (match) => (match.startsWith('/') ? '/' : ''))}`;
}

/** What a scan learnt of one built page: nothing when Pagefind does not index it. */
type ScannedPage = Omit<DocumentPage, 'file' | 'url'> | null;

/**
 * Scans of earlier builds, by file, with the size and modification time they were made at: a
 * page a build left in place (src/integrations/previous-output.ts) is not read again.
 */
interface ScanCache {
  format: number;
  files: Record<string, { size: number; mtimeMs: number; page: ScannedPage }>;
}

const SCAN_CACHE_FILE = 'scanned-pages.json';

function scanPage(file: string, text: string): ScannedPage {
  if (!text.includes('data-pagefind-body')) return null;
  const date = text.match(SORT_DATE)?.[1];
  if (!date) {
    throw new PagefindBuildError(
      `${file}: a page marked data-pagefind-body needs data-pagefind-sort="date:YYYY-MM-DD" (the search index is split and ordered by it)`,
    );
  }
  return { date, hash: createHash('sha256').update(text.replace(LINK_TAGS, '')).digest('hex'), filters: pageFilters(text) };
}

/** Reads every built page once (or not at all, when unchanged since the last scan): hash, sort date and filters of the ones Pagefind indexes. */
async function findDocumentPages(siteDir: string, cacheDir: string): Promise<{ pages: DocumentPage[]; htmlFiles: number }> {
  const files = await listHtmlFiles(siteDir);
  const cacheFile = join(cacheDir, SCAN_CACHE_FILE);
  const previous = await readFile(cacheFile, 'utf8').then(
    (text) => JSON.parse(text) as ScanCache,
    () => undefined,
  );
  const known = previous?.format === CACHE_FORMAT ? previous.files : {};
  const scanned: ScanCache = { format: CACHE_FORMAT, files: {} };
  const pages: DocumentPage[] = [];
  // Some files at a time: enough to keep the disk busy, little memory for 100,000 pages.
  const CONCURRENCY = 64;
  for (let i = 0; i < files.length; i += CONCURRENCY) {
    const batch = await Promise.all(
      files.slice(i, i + CONCURRENCY).map(async (file) => {
        const path = join(siteDir, file);
        const { size, mtimeMs } = await stat(path);
        const cached = known[file];
        if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return { file, size, mtimeMs, page: cached.page };
        return { file, size, mtimeMs, page: scanPage(file, await readFile(path, 'utf8')) };
      }),
    );
    for (const { file, size, mtimeMs, page } of batch) {
      scanned.files[file] = { size, mtimeMs, page };
      if (page) pages.push({ url: pageUrl(file), file, ...page });
    }
  }
  await mkdir(cacheDir, { recursive: true });
  await writeFile(`${cacheFile}.${process.pid}.tmp`, JSON.stringify(scanned));
  await rename(`${cacheFile}.${process.pid}.tmp`, cacheFile);
  return { pages, htmlFiles: files.length };
}

/* ------------------------------------------------------------------------------ shards */

function shardKey(shard: PlannedShard<DocumentPage>, indexOptions: pagefind.PagefindServiceConfig, chunkSize: number): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      format: CACHE_FORMAT,
      pagefind: PAGEFIND_VERSION,
      indexOptions,
      chunkSize: String(chunkSize),
    }),
  );
  for (const page of shard.pages) hash.update(`\n${page.url}\t${page.hash}`);
  return hash.digest('hex');
}

const PLACE_CONCURRENCY = 64;

/**
 * Puts a cached bundle into the output: hard links where the file system allows (a 10,000
 * document index is some 16,000 files, and copying them cost more than indexing the shard a
 * new issue changed), copies otherwise. The output's files are never written in place: the
 * next build empties the output folder, which unlinks them and leaves the cache intact.
 * Returns the bytes and files placed.
 */
async function placeTree(from: string, to: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true, recursive: true });
  for (const entry of entries.filter((e) => e.isDirectory())) {
    await mkdir(join(to, relative(from, join(entry.parentPath, entry.name))), { recursive: true });
  }
  // Many at a time: each is a metadata operation that waits on the disk, not the CPU.
  const sources = entries.filter((e) => e.isFile()).map((entry) => join(entry.parentPath, entry.name));
  for (let i = 0; i < sources.length; i += PLACE_CONCURRENCY) {
    const sizes = await Promise.all(
      sources.slice(i, i + PLACE_CONCURRENCY).map(async (source) => {
        const target = join(to, relative(from, source));
        await link(source, target).catch(() => copyFile(source, target));
        return (await stat(source)).size;
      }),
    );
    for (const size of sizes) bytes += size;
    files += sizes.length;
  }
  return { bytes, files };
}

/**
 * Moves a finished folder into the cache in one step, so that no build sees it half written.
 * Another build on the machine may have cached the same content meanwhile: either copy will do.
 */
async function settle(staging: string, final: string): Promise<void> {
  await rename(staging, final).catch(async (error) => {
    if (!(await exists(final))) throw error;
    await rm(staging, { recursive: true, force: true });
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Indexes one shard into `bundleDir` (its index files; the runtime goes to `runtimeDir`). */
async function indexShard(
  siteDir: string,
  shard: PlannedShard<DocumentPage>,
  indexOptions: pagefind.PagefindServiceConfig,
  bundleDir: string,
  runtimeDir: string,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const label = `shard ${shard.id}`;
  try {
    const created = check(`creating the index of ${label}`, await step(`creating the index of ${label}`, () => pagefind.createIndex(indexOptions)), logger);
    const index = created.index;
    if (!index) throw new PagefindBuildError('Pagefind did not return an index.');
    for (const page of shard.pages) {
      const content = await readFile(join(siteDir, page.file), 'utf8');
      const what = `indexing ${page.file}`;
      check(what, await step(what, () => index.addHTMLFile({ url: page.url, content })), logger);
    }
    const staging = `${bundleDir}.tmp-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    const writing = `writing the index of ${label}`;
    check(writing, await step(writing, () => index.writeFiles({ outputPath: staging })), logger);
    await step(`releasing the index of ${label}`, () => index.deleteIndex());
    const runtimeStaging = `${runtimeDir}.tmp-${process.pid}`;
    await mkdir(runtimeStaging, { recursive: true });
    for (const name of await readdir(staging)) {
      if (PREBUILT_UI_FILES.includes(name)) await rm(join(staging, name));
      else if (isRuntimeFile(name)) await rename(join(staging, name), join(runtimeStaging, name));
    }
    await settle(runtimeStaging, runtimeDir);
    await settle(staging, bundleDir);
  } finally {
    // Stops the binary: its memory goes back to the system before the next shard starts.
    await pagefind.close();
  }
}

/** The installed Pagefind's version: a new binary may index differently, so it is part of each key. */
const PAGEFIND_VERSION: string = await readFile(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')
  .then((text) => (JSON.parse(text) as { version: string }).version);

export interface SearchIndexSummary {
  htmlFiles: number;
  indexedPages: number;
  shards: number;
  /** Shards indexed in this build (the others were reused from the cache). */
  rebuiltShards: number;
  bytes: number;
  files: number;
}

/** Indexes the built site in `siteDir` and writes the bundle to `<siteDir>/pagefind/`. */
export async function buildSearchIndex(
  siteDir: string,
  logger: AstroIntegrationLogger,
  {
    indexOptions = {},
    shardDocuments = DEFAULT_SHARD_DOCUMENTS,
    indexChunkSize = DEFAULT_INDEX_CHUNK_SIZE,
    timingLog,
    cacheDir,
  }: PagefindIntegrationOptions & { cacheDir: string },
): Promise<SearchIndexSummary> {
  const started = performance.now();
  const outputPath = join(siteDir, 'pagefind');
  exportIndexChunkSize(indexChunkSize);
  logger.info('Building the full-text search index with Pagefind…');
  try {
    const { pages, htmlFiles } = await findDocumentPages(siteDir, cacheDir);
    const scanned = performance.now();
    const shards = planShards(pages, shardDocuments);
    const runtimeDir = join(cacheDir, `runtime-${PAGEFIND_VERSION}`);
    await rm(outputPath, { recursive: true, force: true });
    await mkdir(outputPath, { recursive: true });

    const manifest: ShardManifest = { version: 1, shardFilter: SHARD_FILTER, shards: [], filters: {} };
    const totals: FilterCounts = {};
    let rebuilt = 0;
    let indexingMs = 0;
    let bytes = 0;
    let files = 0;
    for (const [position, shard] of shards.entries()) {
      const key = shardKey(shard, indexOptions, indexChunkSize);
      const bundleDir = join(cacheDir, `shard-${key}`);
      // The runtime is cached beside the shards; without it, the shard is indexed again to get it.
      if (!(await exists(bundleDir)) || !(await exists(runtimeDir))) {
        const t = performance.now();
        await rm(bundleDir, { recursive: true, force: true });
        await indexShard(siteDir, shard, indexOptions, bundleDir, runtimeDir, logger);
        indexingMs += performance.now() - t;
        rebuilt += 1;
        logger.info(`Indexed shard ${shard.id} (${shard.pages.length} documents) in ${formatMs(performance.now() - t)}.`);
      }
      const now = new Date();
      await utimes(bundleDir, now, now);
      const path = position === 0 ? '' : `shards/${shard.id}-${key.slice(0, 10)}/`;
      const placed = await placeTree(bundleDir, join(outputPath, path));
      bytes += placed.bytes;
      files += placed.files;
      for (const page of shard.pages) addFilterCounts(totals, page.filters);
      manifest.shards.push({ id: shard.id, path, from: shard.from, to: shard.to, documents: shard.pages.length });
    }
    if (shards.length > 0) {
      const runtime = await placeTree(runtimeDir, outputPath);
      bytes += runtime.bytes;
      files += runtime.files;
    }
    manifest.filters = sortedCounts(totals);
    const manifestText = `${JSON.stringify(manifest)}\n`;
    await writeFile(join(outputPath, SHARD_MANIFEST_FILE), manifestText);
    bytes += Buffer.byteLength(manifestText);
    files += 1;
    await pruneCache(cacheDir);

    const ms = performance.now() - started;
    logger.info(
      `Indexed ${pages.length} document pages (of ${htmlFiles} HTML files) in ${shards.length} shard(s), ` +
        `${rebuilt} re-indexed and ${shards.length - rebuilt} reused: ${files} files, ${formatBytes(bytes)}, in ${formatMs(ms)}.`,
    );
    if (pages.length === 0) {
      logger.warn(
        'No page was indexed: search will find nothing. Document pages must mark their ' +
          'content with data-pagefind-body.',
      );
    }
    await logTiming(timingLog, {
      step: 'search-index',
      totalMs: Math.round(ms),
      scanMs: Math.round(scanned - started),
      indexingMs: Math.round(indexingMs),
      documents: pages.length,
      shards: shards.length,
      rebuiltShards: rebuilt,
      bytes,
    });
    return { htmlFiles, indexedPages: pages.length, shards: shards.length, rebuiltShards: rebuilt, bytes, files };
  } catch (cause) {
    if (cause instanceof PagefindBuildError) throw cause;
    throw new PagefindBuildError(`Pagefind failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  } finally {
    await pagefind.close();
  }
}

async function pruneCache(cacheDir: string): Promise<void> {
  const cutoff = Date.now() - CACHE_MAX_AGE_MS;
  for (const entry of await readdir(cacheDir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory() || !entry.name.startsWith('shard-')) continue;
    const path = join(cacheDir, entry.name);
    const { mtimeMs } = await stat(path);
    if (mtimeMs < cutoff) await rm(path, { recursive: true, force: true });
  }
}

async function logTiming(file: string | undefined, entry: Record<string, unknown>): Promise<void> {
  if (file) await appendFile(file, `${JSON.stringify({ ...entry, at: new Date().toISOString() })}\n`);
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}
