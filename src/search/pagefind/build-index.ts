/**
 * The search step of the build: the document pages (from the search records) planned into
 * shards by date (src/search/pagefind/shards.ts), each shard placed from the bundle cache or indexed
 * by Pagefind, Pagefind's runtime placed once, and the manifest the search page merges by.
 *
 * Output, in `<outDir>/pagefind/`:
 *   pagefind.js, pagefind-worker.js, wasm.*.pagefind   Pagefind's runtime
 *   pagefind-entry.json, *.pf_meta, index/ …          the newest shard (Pagefind's primary index)
 *   shards/<id>-<hash>/                               every older shard; the name changes with
 *                                                     its content, so it can be cached forever
 *   shards.json                                       the manifest the search page merges by
 * The index stores URLs relative to the output directory; the search page passes
 * `baseUrl: import.meta.env.BASE_URL`, so the same index works for any `base`.
 */
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { freemem } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { exportIndexChunkSize } from '../../config';
import { DEFAULT_INDEX_CHUNK_SIZE, DEFAULT_INDEX_MEMORY_MIB } from '../../config/search';
import { DATA_PATHS } from '../../site/open-data';
import {
  addFilterCounts,
  DEFAULT_SHARD_DOCUMENTS,
  openPartDocuments,
  planShards,
  SHARD_FILTER,
  SHARD_MANIFEST_FILE,
  sortedCounts,
  type FilterCounts,
  type ShardManifest,
} from './shards';
import { bundleDir, exists, placeTree, pruneCache, shardKey } from './bundle-cache';
import { findDocumentPages } from './document-pages';
import { memoryBudget, runPool, serviceMemory } from './pool';
import {
  closePagefind,
  indexShard,
  PAGEFIND_SERVICES,
  PAGEFIND_VERSION,
  pagefindService,
  PagefindBuildError,
  type PagefindOptions,
} from './service';
import { formatBytes, formatMs, logTiming } from './timing';

export interface PagefindIndexOptions {
  /**
   * Extra options for Pagefind's indexer (`rootSelector`, `excludeSelectors`, `forceLanguage`,
   * …). Defaults are right for this site; this exists for experiments and benchmarks.
   */
  indexOptions?: PagefindOptions;
  /** Most documents in one shard: the configuration's `search.shardDocuments` (src/config/search.ts). */
  shardDocuments?: number;
  /** Word locations per chunk of Pagefind's word index: `search.indexChunkSize`. */
  indexChunkSize?: number;
  /** MiB the Pagefind services indexing side by side may take together: `search.indexMemory`. */
  indexMemory?: number;
  /** File to append this step's timings to: `build.timingLog`. */
  timingLog?: string;
  /** Folder for cached shard bundles and page hashes. */
  cacheDir: string;
}

export interface PagefindIndexSummary {
  indexedPages: number;
  shards: number;
  /** Shards indexed in this build (the others were reused from the cache). */
  rebuiltShards: number;
  /** Most shards indexed at once. */
  parallel: number;
  bytes: number;
  files: number;
}

/** Indexes the built site in `siteDir` and writes the bundle to `<siteDir>/pagefind/`. Any Pagefind error fails the build. */
export async function buildPagefindIndex(
  siteDir: string,
  logger: AstroIntegrationLogger,
  {
    indexOptions = {},
    shardDocuments = DEFAULT_SHARD_DOCUMENTS,
    indexChunkSize = DEFAULT_INDEX_CHUNK_SIZE,
    indexMemory = DEFAULT_INDEX_MEMORY_MIB,
    timingLog,
    cacheDir,
  }: PagefindIndexOptions,
): Promise<PagefindIndexSummary> {
  const started = performance.now();
  const outputPath = join(siteDir, 'pagefind');
  exportIndexChunkSize(indexChunkSize);
  logger.info('Building the full-text search index with Pagefind…');
  try {
    const pages = await findDocumentPages(siteDir, cacheDir);
    const scanned = performance.now();
    const shards = planShards(pages, shardDocuments);
    const runtimeDir = join(cacheDir, `runtime-${PAGEFIND_VERSION}`);
    await rm(outputPath, { recursive: true, force: true });
    await mkdir(outputPath, { recursive: true });

    const keyed = shards.map((shard) => ({
      shard,
      key: shardKey({ pagefindVersion: PAGEFIND_VERSION, indexOptions, chunkSize: indexChunkSize, pages: shard.pages }),
    }));
    const missing: typeof keyed = [];
    for (const entry of keyed) if (!(await exists(bundleDir(cacheDir, entry.key)))) missing.push(entry);
    // The runtime is cached beside the shards; without it, a shard is indexed again to get it.
    const toIndex = missing.length === 0 && !(await exists(runtimeDir)) ? keyed.slice(0, 1) : missing;

    const indexingStarted = performance.now();
    const budget = memoryBudget(indexMemory * 1024 * 1024, freemem());
    const parallel = await runPool(
      toIndex.map((entry) => ({
        item: entry,
        memory: serviceMemory(entry.shard.pages.reduce((sum, page) => sum + page.bytes, 0)),
      })),
      { slots: PAGEFIND_SERVICES, budget },
      async ({ shard, key }, slot) => {
        const t = performance.now();
        const cached = bundleDir(cacheDir, key);
        await rm(cached, { recursive: true, force: true });
        await indexShard(siteDir, shard, pagefindService(slot), indexOptions, cached, runtimeDir, logger);
        logger.info(
          `Indexed shard ${shard.id} (${shard.pages.length} documents) in ${formatMs(performance.now() - t)}.`,
        );
      },
    );
    const indexingMs = performance.now() - indexingStarted;
    const rebuilt = toIndex.length;

    const manifest: ShardManifest = {
      version: 1,
      shardFilter: SHARD_FILTER,
      shards: [],
      filters: {},
      firstAnswerDocuments: openPartDocuments(shardDocuments),
    };
    const totals: FilterCounts = {};
    let bytes = 0;
    let files = 0;
    for (const [position, { shard, key }] of keyed.entries()) {
      const cached = bundleDir(cacheDir, key);
      const now = new Date();
      await utimes(cached, now, now);
      const path = position === 0 ? '' : `shards/${shard.id}-${key.slice(0, 10)}/`;
      const placed = await placeTree(cached, join(outputPath, path));
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
      `Indexed ${pages.length} document pages in ${shards.length} shard(s), ` +
        `${rebuilt} re-indexed and ${shards.length - rebuilt} reused (at most ${parallel} at once): ` +
        `${files} files, ${formatBytes(bytes)}, in ${formatMs(ms)}.`,
    );
    if (pages.length === 0)
      logger.warn(`No page was indexed: search will find nothing (${DATA_PATHS.documentsJsonl} lists no document).`);
    await logTiming(timingLog, {
      totalMs: Math.round(ms),
      scanMs: Math.round(scanned - started),
      indexingMs: Math.round(indexingMs),
      documents: pages.length,
      shards: shards.length,
      rebuiltShards: rebuilt,
      parallel,
      bytes,
    });
    return { indexedPages: pages.length, shards: shards.length, rebuiltShards: rebuilt, parallel, bytes, files };
  } catch (cause) {
    if (cause instanceof PagefindBuildError) throw cause;
    throw new PagefindBuildError(`Pagefind failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  } finally {
    await closePagefind();
  }
}
