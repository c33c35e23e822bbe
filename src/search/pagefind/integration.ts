/**
 * Astro integration that builds the full-text search index with Pagefind, in shards, once
 * `astro build` has written every page (build-index.ts). `gazette()` (src/integration.ts)
 * registers it with the configuration's search settings, unless `search.pagefind` is off.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildPagefindIndex, type PagefindIndexOptions } from './build-index';

export type PagefindIntegrationOptions = Omit<PagefindIndexOptions, 'cacheDir'> & {
  /** Folder for cached shard bundles: `search.cacheDir`; without it, `<Astro cacheDir>/gazette-search`. */
  cacheDir?: string;
};

export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  let cacheDir = options.cacheDir;
  return {
    name: 'gazette:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir ??= join(fileURLToPath(config.cacheDir), 'gazette-search');
      },
      'astro:build:done': async ({ dir, logger }) => {
        await buildPagefindIndex(fileURLToPath(dir), logger, { ...options, cacheDir: cacheDir! });
      },
    },
  };
}
