/**
 * The pages Pagefind indexes: one document page per search record (src/search/records.ts),
 * with the date and filters the record gives, and a hash of the built page for the shard's
 * cache key. Hashes are kept between builds by file size and modification time, so pages a
 * build left in place (src/build/previous-output.ts) are not read again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_PATHS } from '../../site/open-data';
import type { ShardPage } from './shards';
import { documentPath } from '../../site/site-model';
import { readSearchRecords, recordPageFile } from '../records';

export interface DocumentPage extends ShardPage {
  /** Path of the HTML file relative to the site folder. */
  file: string;
  /** sha256 of the HTML, without its `<link>` elements. */
  hash: string;
  /** Size of the HTML file: what Pagefind's memory for the page grows with. */
  bytes: number;
  filters: Record<string, string[]>;
}

/**
 * `<link>` and `<script>` elements (stylesheets, feeds, canonical URL, the site's scripts) play
 * no part in what Pagefind indexes, and a change to the site's styles or scripts changes the
 * hashed asset names they carry on every page: they are left out of a page's hash so that a
 * new stylesheet or script does not re-index the whole archive.
 */
const UNINDEXED_TAGS = /<link\b[^>]*>|<script\b[^>]*>[\s\S]*?<\/script>/gu;

/** A page's hash for the shard key: its HTML less `<link>` and `<script>` elements. */
export function pageHash(html: string): string {
  return createHash('sha256').update(html.replace(UNINDEXED_TAGS, '')).digest('hex');
}

/** Page hashes of earlier builds, by file, with the size and modification time they were made at. */
interface HashCache {
  format: number;
  files: Record<string, { size: number; mtimeMs: number; hash: string }>;
}

export const HASH_CACHE_FILE = 'page-hashes.json';
/** Bumped when what a page's hash covers changes. */
const HASH_CACHE_FORMAT = 2;
/** Pages hashed at a time: enough to keep the disk busy, little memory for 100,000 pages. */
const CONCURRENCY = 64;

/** The document pages of the built site in `siteDir`, in the records' order (by id). */
export async function findDocumentPages(siteDir: string, cacheDir: string): Promise<DocumentPage[]> {
  const cacheFile = join(cacheDir, HASH_CACHE_FILE);
  const previous = await readFile(cacheFile, 'utf8').then(
    (text) => JSON.parse(text) as HashCache,
    () => undefined,
  );
  const known = previous?.format === HASH_CACHE_FORMAT ? previous.files : {};
  const hashed: HashCache = { format: HASH_CACHE_FORMAT, files: {} };

  const hashPage = async (page: Omit<DocumentPage, 'hash' | 'bytes'>): Promise<DocumentPage> => {
    const path = join(siteDir, page.file);
    const { size, mtimeMs } = await stat(path).catch((cause: unknown) => {
      throw new Error(`${path}: the page of a document listed in ${DATA_PATHS.documentsJsonl} was not built`, {
        cause,
      });
    });
    const cached = known[page.file];
    const hash =
      cached && cached.size === size && cached.mtimeMs === mtimeMs
        ? cached.hash
        : pageHash(await readFile(path, 'utf8'));
    hashed.files[page.file] = { size, mtimeMs, hash };
    return { ...page, hash, bytes: size };
  };

  const pages: DocumentPage[] = [];
  let batch: Omit<DocumentPage, 'hash' | 'bytes'>[] = [];
  const flush = async () => {
    pages.push(...(await Promise.all(batch.map(hashPage))));
    batch = [];
  };
  for await (const record of readSearchRecords(siteDir)) {
    batch.push({
      url: `/${documentPath(record.id)}`,
      file: recordPageFile(record),
      date: record.sort.date,
      filters: record.filters,
    });
    if (batch.length === CONCURRENCY) await flush();
  }
  await flush();

  await mkdir(cacheDir, { recursive: true });
  await writeFile(`${cacheFile}.${process.pid}.tmp`, JSON.stringify(hashed));
  await rename(`${cacheFile}.${process.pid}.tmp`, cacheFile);
  return pages;
}
