// @ts-check
/**
 * The project's Astro config for benchmark builds (`npm run bench`): the same site, with
 * Astro's cache folder (content data store, cached search shards) moved to
 * GAZETTE_BENCH_CACHE_DIR, so that a benchmark's full build starts without caches and does not
 * share them with other builds in the checkout.
 *
 * GAZETTE_BENCH_CHUNKED_STORE=1 (`npm run bench -- --chunked-store`) turns on Astro's
 * experimental chunked content data store. It was needed while rendered bodies were kept in
 * the store: Astro 7.3 then failed to bundle the single-file store of a large archive
 * ("Failed to convert rust `&str` into napi `string`"). Since bodies live in the body store
 * (src/content/body-store.ts) the single-file store works at every size benchmarked
 * (README, "Measured, and what limits it"); the option stays for comparison.
 */
import config from '../astro.config.mjs';
import { gazette } from '../src/integration';

export default {
  ...config,
  // gazette() sets Astro's cacheDir: the benchmark's folder is its option, over GAZETTE_CACHE_DIR.
  integrations: [gazette({ build: { cacheDir: process.env.GAZETTE_BENCH_CACHE_DIR } })],
  experimental: {
    ...config.experimental,
    ...(process.env.GAZETTE_BENCH_CHUNKED_STORE === '1' ? { collectionStorage: 'chunked' } : {}),
  },
};
