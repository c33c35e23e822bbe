// @ts-check
/**
 * The project's Astro config for benchmark builds (`npm run bench`): the same site, with
 * Astro's cache folder (content data store, cached search shards) moved to
 * GAZETTE_BENCH_CACHE_DIR, so that a benchmark's full build starts without caches and does not
 * share them with other builds in the checkout.
 *
 * GAZETTE_BENCH_CHUNKED_STORE=1 (`npm run bench -- --chunked-store`) turns on Astro's
 * experimental chunked content data store. With the default single-file store, Astro 7.3
 * fails to bundle the data store of 50,000 documents ("Failed to convert rust `&str` into napi
 * `string`": the store, one string, outgrows what the bundler can hand to JavaScript).
 */
import config from '../astro.config.mjs';

export default {
  ...config,
  cacheDir: process.env.GAZETTE_BENCH_CACHE_DIR || config.cacheDir,
  experimental: {
    ...config.experimental,
    ...(process.env.GAZETTE_BENCH_CHUNKED_STORE === '1' ? { collectionStorage: 'chunked' } : {}),
  },
};
