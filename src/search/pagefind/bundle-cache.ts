/**
 * The cache of built shard bundles, kept in Astro's cache folder (or `search.cacheDir`) between
 * builds. A shard's bundle is stored under the hash of its pages (URL and HTML of each) and of
 * the indexing settings; a shard whose key is cached is placed from there instead of being
 * indexed again. Pagefind's output depends only on its input, so a reused shard is the same
 * bytes as a freshly built one.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Bumped when the cached bundle layout or what goes into a shard's key changes. The key names
 * the folder of every older shard in the output, so changing it changes the built site.
 */
const CACHE_FORMAT = 1;
/** Cached shards unused for this long are removed (other builds on the machine may share the cache). */
const CACHE_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;
/** Prefix of a cached shard's folder: `shard-<key>`. */
const SHARD_PREFIX = 'shard-';

export interface ShardKeyInput {
  pagefindVersion: string;
  /** Pagefind's indexing options (its service config). */
  indexOptions: unknown;
  /** Word locations per chunk of the word index. */
  chunkSize: number;
  /** In index order: URL and content hash of each page. */
  pages: readonly { url: string; hash: string }[];
}

/** The hex key a shard's bundle is cached under; the output names older shards by its start. */
export function shardKey({ pagefindVersion, indexOptions, chunkSize, pages }: ShardKeyInput): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({ format: CACHE_FORMAT, pagefind: pagefindVersion, indexOptions, chunkSize: String(chunkSize) }),
  );
  for (const page of pages) hash.update(`\n${page.url}\t${page.hash}`);
  return hash.digest('hex');
}

/** The cache folder of a shard's bundle. */
export function bundleDir(cacheDir: string, key: string): string {
  return join(cacheDir, `${SHARD_PREFIX}${key}`);
}

const PLACE_CONCURRENCY = 64;

/**
 * Puts a cached bundle into the output: hard links where the file system allows (a 10,000
 * document index is some 16,000 files, and copying them cost more than indexing the shard a
 * new issue changed), copies otherwise. The output's files are never written in place: the
 * next build empties the output folder, which unlinks them and leaves the cache intact.
 * Returns the bytes and files placed.
 */
export async function placeTree(from: string, to: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true, recursive: true });
  for (const entry of entries.filter((e) => e.isDirectory())) {
    await mkdir(join(to, relative(from, join(entry.parentPath, entry.name))), { recursive: true });
  }
  // Many at a time: each is a metadata operation that waits on the disk, not the CPU.
  const sources = entries.filter((e) => e.isFile()).map((entry) => join(entry.parentPath, entry.name));
  for (let i = 0; i < sources.length; i += PLACE_CONCURRENCY) {
    const sizes = await Promise.all(
      sources.slice(i, i + PLACE_CONCURRENCY).map(async (source) => {
        const target = join(to, relative(from, source));
        await link(source, target).catch(() => copyFile(source, target));
        return (await stat(source)).size;
      }),
    );
    for (const size of sizes) bytes += size;
    files += sizes.length;
  }
  return { bytes, files };
}

/**
 * Moves a finished folder into the cache in one step, so that no build sees it half written.
 * Another build on the machine may have cached the same content meanwhile: either copy will do.
 */
export async function settle(staging: string, final: string): Promise<void> {
  await rename(staging, final).catch(async (error) => {
    if (!(await exists(final))) throw error;
    await rm(staging, { recursive: true, force: true });
  });
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Removes cached shards no build has used for two weeks (placing one touches it). */
export async function pruneCache(cacheDir: string, now = Date.now()): Promise<void> {
  const cutoff = now - CACHE_MAX_AGE_MS;
  for (const entry of await readdir(cacheDir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory() || !entry.name.startsWith(SHARD_PREFIX)) continue;
    const path = join(cacheDir, entry.name);
    const { mtimeMs } = await stat(path);
    if (mtimeMs < cutoff) await rm(path, { recursive: true, force: true });
  }
}
