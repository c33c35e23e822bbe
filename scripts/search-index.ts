/**
 * `npx tsx scripts/search-index.ts <site folder> [--shard-size 1500] [--memory 4096]`
 *
 * Runs the build's search step alone (src/search/pagefind/build-index.ts) on a site that
 * `astro build` has written, with an empty shard cache, and prints its wall time, how many
 * shards it indexed and at most at once, and the peak memory of this process and its Pagefind
 * services together. For choosing `search.shardDocuments` and `search.indexMemory` on a
 * machine (README, "Search at scale and benchmarks"). The site's `pagefind/` folder is
 * replaced by the index this run builds; nothing else in the site is written.
 *
 * Options:
 *   --shard-size <n>   most documents in a shard (default: the configuration's default)
 *   --memory <MiB>     what the Pagefind services indexing side by side may take together
 *                      (default: the configuration's default)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AstroIntegrationLogger } from 'astro';
import { treeRss } from '../src/bench/run-build';
import { DEFAULT_INDEX_MEMORY_MIB } from '../src/config/search';
import { buildPagefindIndex } from '../src/search/pagefind/build-index';
import { DEFAULT_SHARD_DOCUMENTS } from '../src/search/pagefind/shards';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'shard-size': { type: 'string', default: String(DEFAULT_SHARD_DOCUMENTS) },
    memory: { type: 'string', default: String(DEFAULT_INDEX_MEMORY_MIB) },
  },
});
const [site] = positionals;
const shardDocuments = Number(values['shard-size']);
const indexMemory = Number(values.memory);
if (!site || positionals.length > 1 || !(shardDocuments >= 1) || !(indexMemory >= 1)) {
  console.error('usage: npx tsx scripts/search-index.ts <site folder> [--shard-size <n>] [--memory <MiB>]');
  process.exit(2);
}

const log = (message: string) => console.log(`[search-index] ${message}`);
// The search step reports through Astro's logger; these are the calls it makes.
const logger = { info: log, warn: log, error: (message: string) => console.error(`[search-index] ${message}`) };

const cacheDir = mkdtempSync(join(tmpdir(), 'gazette-search-index-'));
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, treeRss(process.pid))), 250);
const started = performance.now();
try {
  const summary = await buildPagefindIndex(resolve(site), logger as unknown as AstroIntegrationLogger, {
    shardDocuments,
    indexMemory,
    cacheDir,
  });
  const seconds = (performance.now() - started) / 1000;
  log(
    `${summary.indexedPages} documents, shards of at most ${shardDocuments}, memory budget ${indexMemory} MiB: ` +
      `${summary.shards} shards, at most ${summary.parallel} at once, ${seconds.toFixed(1)} s, ` +
      `peak ${(peak / 2 ** 30).toFixed(2)} GiB (this process and its Pagefind services)`,
  );
} finally {
  clearInterval(sampler);
  rmSync(cacheDir, { recursive: true, force: true });
}
