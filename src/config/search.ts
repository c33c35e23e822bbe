/** The full-text search index (src/search/pagefind/). */
import { z } from 'zod';
import { DEFAULT_SHARD_DOCUMENTS } from '../search/pagefind/shards';

/** Pagefind's default is 20,000 word locations; see `indexChunkSize`. */
export const DEFAULT_INDEX_CHUNK_SIZE = 4000;
/** Default memory budget of the Pagefind services indexing at once, in MiB; see `indexMemory`. */
export const DEFAULT_INDEX_MEMORY_MIB = 4096;

export const SearchConfigSchema = z
  .strictObject({
    /**
     * Build the Pagefind index. The offline mirror turns it off: it builds its own index and
     * would throw Pagefind's away.
     * @default true
     */
    pagefind: z.boolean().default(true),
    /**
     * Folder for cached shard bundles, relative to the project root. Keep it between builds
     * (e.g. in CI's cache) to re-index only changed shards.
     * @default '<build.cacheDir>/gazette-search'
     */
    cacheDir: z.string().min(1).optional(),
    /**
     * Most documents in one index shard (the newest, open block of documents is indexed in parts
     * of half as many). Bounds Pagefind's memory and the time to re-index the shard a change
     * falls in (a new issue: the open block's newest part); fewer, larger shards make a search
     * fetch less.
     * @default DEFAULT_SHARD_DOCUMENTS
     */
    shardDocuments: z.int().positive().default(DEFAULT_SHARD_DOCUMENTS),
    /**
     * Word locations per chunk of Pagefind's word index. A search fetches one chunk per word
     * per shard: with several shards, Pagefind's default chunks made index files the bulk of a
     * search's bytes.
     * @default 4000
     */
    indexChunkSize: z.int().positive().default(DEFAULT_INDEX_CHUNK_SIZE),
    /**
     * Memory, in MiB, the Pagefind services may take together: shards are indexed side by side,
     * one per core, as long as their estimated memory fits (never more than three quarters of
     * the memory available when indexing starts). A shard larger than the budget is indexed alone.
     * @default 4096
     */
    indexMemory: z.int().positive().default(DEFAULT_INDEX_MEMORY_MIB),
  })
  .prefault({});
