/**
 * Rendered document bodies, kept as files named by the hash of their HTML, beside Astro's data
 * store in the cache folder.
 *
 * Astro bundles its whole content data store into the build as one string: the rendered
 * bodies made up most of it, Vite bundled and Node compiled all of it on every build, and a
 * large archive's store could not be bundled at all (README, "Incremental builds"). So the
 * store keeps each document's metadata and the hash of its body, and pages read the body from
 * here when they render it. The files are
 * content-addressed: a hash names one body forever, so a page's cache key can use the hash,
 * and a build never overwrites a file another build may be reading.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** The folder in Astro's cache folder that holds the bodies. */
export const BODY_STORE_FOLDER = 'gazette-bodies';

const SUFFIX = '.html';

export function bodyHash(html: string): string {
  return createHash('sha256').update(html).digest('base64url');
}

export interface BodyStore {
  readonly dir: string;
  has(hash: string): boolean;
  /** Stores a body; returns its hash. */
  write(html: string): string;
  /** A stored body; throws, naming the file and the way out, when it is missing. */
  read(hash: string): string;
  /**
   * Something computed from a body alone (its plain text …), kept beside it as
   * `<hash>.<suffix>` so that it is computed once per body, not once per build.
   */
  derived(hash: string, suffix: string, compute: (html: string) => string): string;
  /** Removes every stored body, and what was derived from it, but those named (files being written are left alone). */
  prune(keep: ReadonlySet<string>): void;
}

export function bodyStore(cacheDir: string): BodyStore {
  const dir = join(cacheDir, BODY_STORE_FOLDER);
  const path = (hash: string) => join(dir, `${hash}${SUFFIX}`);
  const writeOnce = (file: string, text: string) => {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed, so that no reader ever sees half a file; aside for each
    // thread, since render workers (render-pool.ts) may store the same body at once.
    const staging = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(staging, text);
    renameSync(staging, file);
  };
  const store: BodyStore = {
    dir,
    has: (hash) => existsSync(path(hash)),
    write(html) {
      const hash = bodyHash(html);
      if (!existsSync(path(hash))) writeOnce(path(hash), html);
      return hash;
    },
    read(hash) {
      try {
        return readFileSync(path(hash), 'utf8');
      } catch (cause) {
        throw new Error(
          `The rendered body ${path(hash)} is missing from the build cache. ` +
            `Delete the cache folder ${cacheDir} (or the data store in it) and build again.`,
          { cause },
        );
      }
    },
    derived(hash, suffix, compute) {
      const file = join(dir, `${hash}.${suffix}`);
      try {
        return readFileSync(file, 'utf8');
      } catch {
        const value = compute(store.read(hash));
        writeOnce(file, value);
        return value;
      }
    },
    prune(keep) {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        if (name.endsWith('.tmp')) continue;
        if (!keep.has(name.slice(0, name.indexOf('.')))) rmSync(join(dir, name), { force: true });
      }
    },
  };
  return store;
}
