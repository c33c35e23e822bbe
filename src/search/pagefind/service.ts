/**
 * The calls to Pagefind's Node API: one shard indexed into a folder of its own, every error
 * turned into a failed build. Pagefind runs as a child process (its "extended" binary, which
 * segments Chinese on `<html lang="zh-CN">`); it is closed after every shard so that its memory
 * goes back to the system before the next one starts.
 *
 * Several shards are indexed side by side (pool.ts), each by a service of its own: one service
 * handles its messages one at a time, so several indexes in one service would share one core.
 * The Node API keeps a single service per loaded module, so each further service is the same
 * module loaded under a URL of its own.
 */
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { settle } from './bundle-cache';

export type PagefindOptions = pagefind.PagefindServiceConfig;
/** Pagefind's Node API, bound to one service (one child process). */
export type PagefindApi = typeof pagefind;

/**
 * One API per core, each with a service of its own. They are loaded with this module, while
 * the build's module loader still runs (by the time the search step runs it has closed, and a
 * dynamic import would fail); a service's process starts only when its API is first called.
 */
const services: PagefindApi[] = [
  pagefind,
  ...(await Promise.all(
    Array.from(
      { length: availableParallelism() - 1 },
      (_, i) =>
        import(/* @vite-ignore */ `${import.meta.resolve('pagefind')}?service=${i + 1}`) as Promise<PagefindApi>,
    ),
  )),
];

/** How many Pagefind services can index at once. */
export const PAGEFIND_SERVICES = services.length;

/** The Node API of service `slot` (0 … PAGEFIND_SERVICES - 1). */
export function pagefindService(slot: number): PagefindApi {
  const service = services[slot];
  if (!service) throw new Error(`Pagefind service ${slot}: only ${services.length} exist`);
  return service;
}

export class PagefindBuildError extends Error {
  override name = 'PagefindBuildError';
}

/** The installed Pagefind's version: a new binary may index differently, so it is part of each cache key. */
export const PAGEFIND_VERSION: string = await readFile(
  new URL('../package.json', import.meta.resolve('pagefind')),
  'utf8',
).then((text) => (JSON.parse(text) as { version: string }).version);

/**
 * Files Pagefind writes for its own UIs. The search page uses Pagefind's JS API and merges the
 * shards itself, which those UIs cannot do, so they are left out.
 */
const PREBUILT_UI_FILES = new Set([
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
]);

/** Pagefind's runtime, shared by every shard: it lives once, at the top of `pagefind/`. */
export function isRuntimeFile(name: string): boolean {
  return /^pagefind(?:-worker|-highlight)?\.js$/u.test(name) || /^wasm\..+\.pagefind$/u.test(name);
}

/** Whether a file Pagefind wrote belongs to one of its prebuilt UIs. */
export function isPrebuiltUiFile(name: string): boolean {
  return PREBUILT_UI_FILES.has(name);
}

/** The response, or a build error listing Pagefind's errors (each logged too). */
export function check<T extends { errors: string[] }>(what: string, response: T, logger: AstroIntegrationLogger): T {
  if (response.errors.length > 0) {
    for (const error of response.errors) logger.error(`Pagefind (${what}): ${error}`);
    throw new PagefindBuildError(
      `Pagefind failed while ${what}: ${response.errors.join('; ')}. ` +
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
export function step<T>(description: string, call: () => Promise<T>): Promise<T> {
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

/**
 * Pages sent to a service before the first of them is answered. The service takes its messages
 * one at a time, in the order sent (so the index is the same), and with a few waiting it
 * indexes one page while the next is read and encoded instead of waiting for it. Each page in
 * flight holds a 'beforeExit' listener (step); Node warns beyond 10, for two services.
 */
const PAGES_IN_FLIGHT = 4;

/** One page to index: its URL in the index and its file below the site folder. */
export interface IndexedPage {
  url: string;
  file: string;
}

/**
 * Indexes one shard's pages into `bundleDir` (its index files; the runtime goes to
 * `runtimeDir`). Both are written beside their final place and moved there when complete.
 */
export async function indexShard(
  siteDir: string,
  shard: { id: string; pages: readonly IndexedPage[] },
  service: PagefindApi,
  indexOptions: PagefindOptions,
  bundleDir: string,
  runtimeDir: string,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const label = `shard ${shard.id}`;
  try {
    const creating = `creating the index of ${label}`;
    const { index } = check(creating, await step(creating, () => service.createIndex(indexOptions)), logger);
    if (!index) throw new PagefindBuildError('Pagefind did not return an index.');
    const inFlight: Promise<unknown>[] = [];
    try {
      for (const page of shard.pages) {
        const content = await readFile(join(siteDir, page.file), 'utf8');
        const what = `indexing ${page.file}`;
        inFlight.push(
          step(what, () => index.addHTMLFile({ url: page.url, content })).then((r) => check(what, r, logger)),
        );
        if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
      }
      await Promise.all(inFlight);
    } finally {
      // After a failure, the pages still in flight settle before the service is closed.
      await Promise.allSettled(inFlight);
    }
    const staging = `${bundleDir}.tmp-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    const writing = `writing the index of ${label}`;
    check(writing, await step(writing, () => index.writeFiles({ outputPath: staging })), logger);
    await step(`releasing the index of ${label}`, () => index.deleteIndex());
    const runtimeStaging = `${bundleDir}.runtime-tmp-${process.pid}`;
    await mkdir(runtimeStaging, { recursive: true });
    for (const name of await readdir(staging)) {
      if (isPrebuiltUiFile(name)) await rm(join(staging, name));
      else if (isRuntimeFile(name)) await rename(join(staging, name), join(runtimeStaging, name));
    }
    await settle(runtimeStaging, runtimeDir);
    await settle(staging, bundleDir);
  } finally {
    await service.close();
  }
}

/** Stops every Pagefind binary started (a later call starts a new one). */
export async function closePagefind(): Promise<void> {
  await Promise.all(services.map((service) => service.close()));
}
