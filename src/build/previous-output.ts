/**
 * Astro integration that deals with the previous build's output, in one of two ways.
 *
 * **Kept and pruned**, when the previous build into this output folder completed and left the
 * incremental-build manifest it ended with. Astro's incremental build skips a page whose key
 * and code are unchanged, and when the page's file is already in the output it leaves it there;
 * only when the output was emptied does it copy the file back from its cache, a cost per kept
 * page that grows with the archive (README, "Incremental builds"). So the folder is not emptied
 * (`vite.build.emptyOutDir: false`), and once the pages are generated every file that this
 * build neither wrote nor kept is removed: a file stays when its modification time is not older
 * than the build's start, or when Astro's new manifest lists it as the output of a page of this
 * build. What a page of a deleted document left behind goes; nothing else does.
 *
 * **Removed in the background** otherwise (first build, another output folder, a build that
 * failed half way, a manifest this code does not know). Astro empties the output folder with a
 * synchronous `rmSync` that blocks the build while it removes; instead the folder's
 * entries are renamed into a sibling folder at build start, which is instant on one file
 * system, and that folder is removed with the asynchronous `rm` while Vite bundles and pages
 * render. The build waits for it before it ends; a folder left by a build that crashed is
 * removed by the next. A `.git` entry stays, as Astro's own emptying keeps it.
 *
 * A marker in Astro's cache folder (`gazette-output.json`: the output folder and the hash of
 * the manifest) is written when the build ends and deleted when one starts, so a build that
 * stops half way never has its output kept.
 *
 * What this relies on in Astro (the manifest, its cache, skipped pages, emptyOutDir) is fenced
 * in src/build/astro-internals.ts.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import {
  ASTRO_MANIFEST_FILE,
  AstroAssumptionError,
  keptOutputConfig,
  manifestOutputs,
  parseAstroManifest,
  type AstroManifest,
} from './astro-internals';

const MARKER_FILE = 'gazette-output.json';

interface Marker {
  outDir: string;
  manifest: string;
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * Astro's manifest in `cacheDir`, read once, with the hash the marker records; undefined when
 * there is none. A manifest of a shape this code does not know is an AstroAssumptionError.
 */
async function readAstroManifest(cacheDir: string): Promise<{ manifest: AstroManifest; hash: string } | undefined> {
  const file = join(cacheDir, ASTRO_MANIFEST_FILE);
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return undefined;
  return {
    manifest: parseAstroManifest(bytes.toString('utf8'), file),
    hash: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Removes the folders that moving `paths` away left empty, up to `root` (not included). */
async function removeEmptyParents(root: string, paths: string[]): Promise<void> {
  const folders = new Set(paths.map((path) => dirname(path)));
  for (const start of [...folders].sort((a, b) => b.length - a.length)) {
    for (let folder = start; folder.startsWith(root + sep); folder = dirname(folder)) {
      if (
        !(await rmdir(folder).then(
          () => true,
          () => false,
        ))
      )
        break;
    }
  }
}

/**
 * What is stale below `dir`: files neither listed in `outputs` nor written since `startedMs`,
 * and folders holding nothing else (given whole, so that moving one takes one rename).
 */
async function staleEntries(
  root: string,
  dir: string,
  outputs: ReadonlySet<string>,
  startedMs: number,
): Promise<{ stale: string[]; wholly: boolean }> {
  const entries = await readdir(dir, { withFileTypes: true });
  const results = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir === root && entry.name === '.git') return { stale: [], wholly: false };
        const inner = await staleEntries(root, path, outputs, startedMs);
        return inner.wholly ? { stale: [path], wholly: true } : { stale: inner.stale, wholly: false };
      }
      const file = relative(root, path).split(sep).join('/');
      const isStale = !outputs.has(file) && (await stat(path)).mtimeMs < startedMs;
      return { stale: isStale ? [path] : [], wholly: isStale };
    }),
  );
  return {
    stale: results.flatMap((result) => result.stale),
    wholly: entries.length > 0 && results.every((result) => result.wholly),
  };
}

/** A previous manifest this code cannot read: the output is removed, not kept, and the log says why. */
function unknownManifest(logger: AstroIntegrationLogger) {
  return (error: unknown): undefined => {
    if (!(error instanceof AstroAssumptionError)) throw error;
    logger.warn(`${error.message}; the previous output is removed instead of kept`);
    return undefined;
  };
}

export default function previousOutputIntegration(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let keep = false;
  let startedMs = 0;
  let removal: Promise<void> | undefined;

  /** Moves `paths` (default: the output folder's entries) into a sibling folder and removes it in the background. */
  const moveAside = async (logger: AstroIntegrationLogger, paths?: string[]) => {
    const parent = dirname(outDir);
    const prefix = `.${basename(outDir)}-previous-`;
    const entries =
      paths ??
      (await readdir(outDir).catch(() => [] as string[]))
        .filter((name) => name !== '.git')
        .map((name) => join(outDir, name));
    const trash = join(parent, `${prefix}${process.pid}`);
    if (entries.length > 0) {
      await mkdir(trash, { recursive: true });
      // Flattened names: only the files' removal matters.
      for (const [index, path] of entries.entries())
        await rename(path, join(trash, `${index}-${basename(path)}`)).catch(() => undefined);
    }
    const leftovers = (await readdir(parent))
      .filter((name) => name.startsWith(prefix))
      .map((name) => join(parent, name));
    removal = Promise.all(
      leftovers.map((folder) =>
        rm(folder, { recursive: true, force: true }).catch((error: Error) =>
          logger.warn(`could not remove the previous output in ${folder}: ${error.message}`),
        ),
      ),
    ).then(() => undefined);
  };

  const prune = async (logger: AstroIntegrationLogger, manifest: AstroManifest | undefined) => {
    if (!manifest) {
      throw new AstroAssumptionError(
        'incremental-build manifest written at the end of a build',
        `${join(cacheDir, ASTRO_MANIFEST_FILE)} is missing: cannot tell this build's output from the previous one's. Delete ${outDir} and build again.`,
      );
    }
    const { stale } = await staleEntries(outDir, outDir, manifestOutputs(manifest), startedMs);
    await moveAside(logger, stale);
    await removeEmptyParents(outDir, stale);
    if (stale.length > 0)
      logger.info(`removing ${stale.length} file(s) or folder(s) of the previous build that this build does not make`);
  };

  return {
    name: 'gazette:previous-output',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, logger }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        const marker = await readJson<Marker>(join(cacheDir, MARKER_FILE));
        const previous =
          marker?.outDir === outDir ? await readAstroManifest(cacheDir).catch(unknownManifest(logger)) : undefined;
        keep =
          config.experimental.incrementalBuild === true && previous !== undefined && marker?.manifest === previous.hash;
        if (keep) updateConfig(keptOutputConfig());
      },
      'astro:build:start': async ({ logger }) => {
        await rm(join(cacheDir, MARKER_FILE), { force: true });
        if (!keep) {
          await moveAside(logger);
          return;
        }
        // The file system's clock, not the process's: it is the one output files are stamped by.
        const probe = join(outDir, `.build-start-${process.pid}`);
        await mkdir(outDir, { recursive: true });
        await writeFile(probe, '');
        startedMs = (await stat(probe)).mtimeMs;
        await rm(probe);
      },
      'astro:build:done': async ({ logger }) => {
        // Kept output: what is stale is moved aside and removed now, since astro's CLI ends with
        // process.exit(), which would cut a removal left running. Removed output: that started
        // with the build and has had its time.
        // Pruning cannot do without the manifest; a build that kept nothing only loses its marker.
        const current = await (keep
          ? readAstroManifest(cacheDir)
          : readAstroManifest(cacheDir).catch(unknownManifest(logger)));
        if (keep) await prune(logger, current?.manifest);
        await removal;
        if (current)
          await writeFile(
            join(cacheDir, MARKER_FILE),
            `${JSON.stringify({ outDir, manifest: current.hash } satisfies Marker)}\n`,
          );
      },
    },
  };
}
