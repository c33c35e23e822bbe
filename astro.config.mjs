// @ts-check
import { defineConfig } from 'astro/config';
import { gazette } from './src/integration';

// Everything that comes from the gazette's settings (site, base, folders, Markdown, the build
// hooks) is set by gazette() from GazetteConfigSchema (src/config) and the GAZETTE_* environment;
// options passed here win over the environment.
export default defineConfig({
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Fingerprinted assets live here; public/_headers gives them a year of immutable caching.
    assets: '_assets',
    inlineStylesheets: 'never',
    // Pages copied from the previous build (incrementalBuild) wait on the disk, not the CPU:
    // four at a time halved the copying of unchanged pages.
    concurrency: 4,
  },
  integrations: [gazette()],
  // Never inline a small script (the header's search prefetch) into the page: the pages' Content
  // Security Policy allows scripts from the site's own files only (src/site/csp.ts).
  vite: { build: { assetsInlineLimit: 0 } },
  experimental: {
    // Pages whose getStaticPaths() cacheKey (src/site/page-cache-key.ts) and code are unchanged
    // are reused from the previous build (src/build/previous-output.ts) instead of
    // rendered again.
    incrementalBuild: true,
  },
});
