/**
 * Astro integration that builds the full-text search index with Pagefind.
 *
 * After `astro build` has written every page, the built HTML in the output directory is
 * indexed with Pagefind's Node API and the search bundle is written to `<outDir>/pagefind/`.
 * Only elements marked `data-pagefind-body` (the document pages) are indexed. Chinese text is
 * segmented into words because the `pagefind` package runs its "extended" binary, and every
 * page is `<html lang="zh-CN">`, so one `zh-cn` index is produced.
 *
 * The index stores URLs relative to the output directory (`/2020/07/zzbz-2020-56/`); the
 * search page passes `baseUrl: import.meta.env.BASE_URL` to Pagefind in the browser, so the
 * same index works for any `base`. Any Pagefind error fails the build.
 *
 * Modelled on Starlight's `packages/starlight/integrations/pagefind.ts`.
 */
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

export interface PagefindIntegrationOptions {
  /**
   * Extra options for Pagefind's indexer (`rootSelector`, `excludeSelectors`, `forceLanguage`,
   * …). Defaults are right for this site; this exists for experiments and benchmarks.
   */
  indexOptions?: pagefind.PagefindServiceConfig;
  /**
   * Keep Pagefind's prebuilt search UIs (pagefind-ui.js, pagefind-modular-ui.js,
   * pagefind-component-ui.js and their CSS, about 430 KB). The search page uses Pagefind's JS
   * API directly, so by default they are removed from the output.
   */
  keepPrebuiltUi?: boolean;
}

/** Files Pagefind writes for its own UIs; the site never loads them. */
const PREBUILT_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
];

export default function pagefindIntegration(
  options: PagefindIntegrationOptions = {},
): AstroIntegration {
  return {
    name: 'gazette:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger, options);
      },
    },
  };
}

export { pagefindIntegration as pagefind };

interface PagefindResponse {
  errors: string[];
}

class PagefindBuildError extends Error {
  override name = 'PagefindBuildError';
}

function check<T extends PagefindResponse>(step: string, response: T, logger: AstroIntegrationLogger): T {
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

/** Indexes the built site in `siteDir` and writes the bundle to `<siteDir>/pagefind/`. */
export async function buildSearchIndex(
  siteDir: string,
  logger: AstroIntegrationLogger,
  { indexOptions = {}, keepPrebuiltUi = false }: PagefindIntegrationOptions = {},
): Promise<{ htmlFiles: number; indexedPages: number; bytes: number; files: number }> {
  const started = performance.now();
  const outputPath = join(siteDir, 'pagefind');
  logger.info('Building the full-text search index with Pagefind…');
  try {
    const created = check(
      'creating the index',
      await step('creating the index', () => pagefind.createIndex(indexOptions)),
      logger,
    );
    const index = created.index;
    if (!index) throw new PagefindBuildError('Pagefind did not return an index.');

    const indexing = `indexing the HTML files in ${siteDir}`;
    const added = check(indexing, await step(indexing, () => index.addDirectory({ path: siteDir })), logger);
    const writing = `writing the index to ${outputPath}`;
    check(writing, await step(writing, () => index.writeFiles({ outputPath })), logger);
    if (!keepPrebuiltUi) {
      await Promise.all(PREBUILT_UI_FILES.map((file) => rm(join(outputPath, file), { force: true })));
    }

    const indexedPages = await readIndexedPageCount(outputPath);
    const { bytes, files } = await directorySize(outputPath);
    const ms = performance.now() - started;
    logger.info(
      `Indexed ${indexedPages} document pages (of ${added.page_count} HTML files) into ` +
        `${files} files, ${formatBytes(bytes)}, in ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`}.`,
    );
    if (indexedPages === 0) {
      logger.warn(
        'No page was indexed: search will find nothing. Document pages must mark their ' +
          'content with data-pagefind-body.',
      );
    }
    return { htmlFiles: added.page_count, indexedPages, bytes, files };
  } catch (cause) {
    if (cause instanceof PagefindBuildError) throw cause;
    throw new PagefindBuildError(
      `Pagefind failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  } finally {
    await pagefind.close();
  }
}

/** Pages actually indexed (those with data-pagefind-body), summed over languages. */
async function readIndexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, l) => sum + (l.page_count ?? 0), 0);
}

async function directorySize(path: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}
