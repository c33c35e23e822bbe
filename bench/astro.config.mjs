// @ts-check
/**
 * The project's Astro config for benchmark builds (`npm run bench`): the same site, with
 * Astro's cache folder (content data store, cached search shards) moved to
 * GAZETTE_BENCH_CACHE_DIR, so that a benchmark's full build starts without caches and does not
 * share them with other builds in the checkout.
 */
import config from '../astro.config.mjs';

export default {
  ...config,
  cacheDir: process.env.GAZETTE_BENCH_CACHE_DIR || config.cacheDir,
};
