/**
 * Astro integration that clears the previous build's output in the background.
 *
 * Astro empties the output folder with a synchronous `rmSync` before bundling, which blocks the
 * build for the whole removal: 9.5 s of a 10,000-document rebuild here (47,000 files). At build
 * start this integration instead renames the folder's entries into a sibling folder, which is
 * instant on one file system, and removes that folder with the asynchronous `rm`, whose work
 * runs on libuv's thread pool while Vite bundles and pages render. The build waits for it
 * before it ends, so no stale output and no stray folder outlive the build (one left by a build
 * that crashed is removed by the next). A `.git` entry stays, as Astro's own emptying keeps it.
 * Entries that cannot be moved are left to Astro.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export default function previousOutputIntegration(): AstroIntegration {
  let outDir = '';
  let removal: Promise<void> | undefined;
  return {
    name: 'gazette:previous-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async ({ logger }) => {
        const parent = dirname(outDir);
        const prefix = `.${basename(outDir)}-previous-`;
        const entries = (await readdir(outDir).catch(() => [] as string[])).filter((name) => name !== '.git');
        const trash = join(parent, `${prefix}${process.pid}`);
        if (entries.length > 0) {
          await mkdir(trash, { recursive: true });
          for (const name of entries) await rename(join(outDir, name), join(trash, name)).catch(() => undefined);
        }
        const leftovers = (await readdir(parent)).filter((name) => name.startsWith(prefix)).map((name) => join(parent, name));
        removal = Promise.all(
          leftovers.map((folder) =>
            rm(folder, { recursive: true, force: true }).catch((error: Error) =>
              logger.warn(`could not remove the previous output in ${folder}: ${error.message}`),
            ),
          ),
        ).then(() => undefined);
      },
      'astro:build:done': async () => {
        await removal;
      },
    },
  };
}
