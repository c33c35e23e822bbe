/**
 * Everything this project assumes about Astro beyond its documented API, in one place, so that
 * an Astro upgrade has one module to review and one test to run
 * (tests/build/astro-internals.test.ts, which fails naming the assumption an Astro breaks):
 *
 * 1. Version: the assumptions hold for the Astro range of package.json, which is pinned to
 *    ASTRO_TESTED_RANGE (a unit test keeps the two equal).
 * 2. Manifest: with `experimental.incrementalBuild`, Astro ends a build by writing
 *    `<cacheDir>/incremental-build.json`, `{ version: 1, routes: { [component]: { paths: {
 *    [pathname]: { outputFile } } } } }`, listing the output file of every keyed page of that
 *    build, URL-encoded and relative to the output folder (astro/dist/core/build/incremental.js).
 * 3. Cache layout: it keeps a copy of every keyed page it renders in `<cacheDir>/dist/`, at the
 *    page's output path, and rewrites the copy only when it renders the page.
 * 4. Skipped pages: a page whose key and code are unchanged is not rendered; when its file is
 *    already in the output folder Astro leaves it there untouched, else it copies it back from
 *    the cache (astro/dist/core/build/generate.js).
 * 5. Emptying: Astro empties the output folder before a build unless Vite's
 *    `build.emptyOutDir` is false, which the keep-and-prune step sets (keptOutputConfig).
 * 6. Log lines: the benchmark (src/bench/report.ts) reads phases of a build, and how many
 *    routes it kept from the previous build, from Astro's log, with colours off: ASTRO_LOG.
 */
import { join } from 'node:path';

/** The Astro versions these assumptions were tested with: package.json's range for astro. */
export const ASTRO_TESTED_RANGE = '~7.3.5';

/** 2: Astro's incremental-build manifest, in its cacheDir. */
export const ASTRO_MANIFEST_FILE = 'incremental-build.json';
const ASTRO_MANIFEST_VERSION = 1;

/** The part of Astro's manifest read here. */
export interface AstroManifest {
  version: number;
  routes: Record<string, { paths: Record<string, { outputFile: string }> }>;
}

/** An assumption about Astro that no longer holds, named so that an upgrade knows where to look. */
export class AstroAssumptionError extends Error {
  constructor(assumption: string, detail: string) {
    super(`Astro no longer behaves as src/build/astro-internals.ts assumes (${assumption}): ${detail}`);
    this.name = 'AstroAssumptionError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads Astro's manifest from its text; throws an AstroAssumptionError naming what differs
 * from the assumed shape (another version, routes without paths, a path without outputFile).
 */
export function parseAstroManifest(text: string, file = ASTRO_MANIFEST_FILE): AstroManifest {
  const fail = (detail: string) => new AstroAssumptionError('incremental-build manifest shape', `${file}: ${detail}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw fail(`not JSON (${(error as Error).message})`);
  }
  if (!isRecord(data)) throw fail('not an object');
  if (data.version !== ASTRO_MANIFEST_VERSION)
    throw fail(`version ${JSON.stringify(data.version)}, expected ${ASTRO_MANIFEST_VERSION}`);
  if (!isRecord(data.routes)) throw fail('no "routes" object');
  const routes: AstroManifest['routes'] = {};
  for (const [component, route] of Object.entries(data.routes)) {
    if (!isRecord(route) || !isRecord(route.paths)) throw fail(`routes["${component}"] has no "paths" object`);
    const paths: AstroManifest['routes'][string]['paths'] = {};
    for (const [pathname, entry] of Object.entries(route.paths)) {
      if (!isRecord(entry) || typeof entry.outputFile !== 'string') {
        throw fail(`routes["${component}"].paths["${pathname}"] has no "outputFile" string`);
      }
      paths[pathname] = { outputFile: entry.outputFile };
    }
    routes[component] = { paths };
  }
  return { version: ASTRO_MANIFEST_VERSION, routes };
}

/** 2: the output files (relative to the output folder, decoded) of the keyed pages a manifest lists. */
export function manifestOutputs(manifest: AstroManifest): Set<string> {
  const outputs = new Set<string>();
  for (const route of Object.values(manifest.routes)) {
    // 'n/%E5%B8%82…/index.html' for n/市…/index.html.
    for (const path of Object.values(route.paths)) outputs.add(decodeURIComponent(path.outputFile));
  }
  return outputs;
}

/** 3: the folder where Astro keeps its copies of keyed pages, laid out as the output folder. */
export function cachedPagesDir(cacheDir: string): string {
  return join(cacheDir, 'dist');
}

/** 3: where Astro keeps its copy of a keyed page's output file (a path from the output folder). */
export function cachedPageCopy(cacheDir: string, outputFile: string): string {
  return join(cachedPagesDir(cacheDir), ...outputFile.split('/'));
}

/** 4, 5: the config that makes Astro leave the previous output in place, its skipped pages kept. */
export function keptOutputConfig(): { vite: { build: { emptyOutDir: false } } } {
  return { vite: { build: { emptyOutDir: false } } };
}

/**
 * 6: Astro's log lines the benchmark reads. Durations as Astro prints them: `950ms`, `11.77s`,
 * `1m 13s` (minutes, value, unit).
 */
const DURATION = /(?:(\d+)m )?(\d+(?:\.\d+)?)(ms|s)\b/u;
export const ASTRO_LOG = {
  /** How long content syncing took: `[types] Generated 26.16s`. */
  contentSynced: new RegExp(`\\[types\\] Generated ${DURATION.source}`, 'u'),
  /** The banner before page generation; the next `completed` line is its duration. */
  generatingBanner: / generating static routes /u,
  /** `✓ Completed in 11.77s.` */
  completed: new RegExp(`✓ Completed in ${DURATION.source}`, 'u'),
  /** `[build] 6321 page(s) built in 73.41s` */
  pagesBuilt: /\[build\] (\d+) page\(s\) built in/u,
  /** Each route generated, after the banner: `  ├─ /2020/07/index.html` (global: count the matches). */
  route: /├─/gu,
  /**
   * The mark after a route kept from the previous build (incremental build): ` (cached)`, or
   * ` (restored)` when copied back from Astro's cache (global: count the matches).
   */
  keptRoute: / \((?:cached|restored)\)/gu,
} as const;
