/**
 * The search index in shards: which documents go into which shard, the manifest the search
 * page reads (`pagefind/shards.json`), and the order that makes "newest first" correct across
 * shards.
 *
 * Why shards: Pagefind holds a whole index in memory while it builds it, so a large archive's
 * index cannot be built in one piece on an ordinary machine (README, "Search at scale and
 * benchmarks", has the measured memory), and every new issue would rebuild all of it. Each
 * shard is built separately, cached by the hash of its pages, and merged in the browser.
 *
 * How documents are split: in date order, into consecutive blocks of about `shardDocuments`
 * documents; a block closes at the first change of date once it holds that many, so a date is
 * never split and every shard covers a date range of its own. Then "newest first" over the
 * whole archive is each shard's own date order, shard after shard (Pagefind's merged search
 * sorts merged results by score, and a sorted search scores a page by its rank inside its own
 * index, which would interleave the shards). Only the newest block is open: a new issue, of the
 * newest year or the first of a new one, lands there (or starts the next block once it is full),
 * and every closed block keeps its documents, its id and its cached bundle. The open block is
 * itself cut the same way into parts of half a shard, so that a new issue re-indexes the newest
 * part only; when the block closes, its parts give way to one shard, indexed once. The plan
 * depends only on the documents, so a clean build and an incremental one make the same shards.
 * Back-filling an old issue re-indexes the block it lands in, and the later ones only when a
 * block's closing date moves (its first `shardDocuments` documents now end on an earlier date).
 * Few, large shards matter: a search fetches index files from every shard.
 *
 * Pure: no file system, no Pagefind. The build integration and the search page use it.
 */

/** A page the index holds: its URL and the date it sorts by (YYYY-MM-DD). */
export interface ShardPage {
  url: string;
  date: string;
}

export interface PlannedShard<P extends ShardPage> {
  /** `<from>-<to>` (`<from>` for a single date): stable once the shard is closed. */
  id: string;
  /** Earliest and latest sort date of its pages. */
  from: string;
  to: string;
  /** Pages in URL order (the order they are indexed in, for reproducible output). */
  pages: P[];
}

/**
 * Default documents per shard: Pagefind's memory grows with the documents of the shard it
 * indexes. Shards of 1,500 real-size documents take some 1.5 GB each, so two are indexed side
 * by side, one per core, within the default memory budget and with the build's own Node
 * process beside them under 6 GB; shards of 3,000 took 3 GB and went one at a time. Smaller
 * shards also bound what a first search fetches (the newest shard) and what one new issue
 * re-indexes (the newest part of the open block: at most half a shard; README, "Search at scale
 * and benchmarks"; bench/results/).
 */
export const DEFAULT_SHARD_DOCUMENTS = 1500;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function makeShard<P extends ShardPage>(pages: P[]): PlannedShard<P> {
  const from = pages[0]!.date;
  const to = pages[pages.length - 1]!.date;
  return {
    id: from === to ? from : `${from}-${to}`,
    from,
    to,
    pages: [...pages].sort((a, b) => compareStrings(a.url, b.url)),
  };
}

/**
 * The open block is indexed in parts of half a shard: a new issue lands in its newest part,
 * and a rebuild re-indexes that part alone (at most half a shard's documents, not up to a
 * whole shard's). The parts give way to one shard when the block closes, which re-indexes it
 * once.
 */
const OPEN_BLOCK_PARTS = 2;

/** Consecutive blocks of pages in date order, each closed at the first change of date once it holds `size`. */
function cutBlocks<P extends ShardPage>(byDate: readonly P[], size: number): P[][] {
  const blocks: P[][] = [];
  let block: P[] = [];
  for (const page of byDate) {
    if (block.length >= size && page.date !== block[block.length - 1]!.date) {
      blocks.push(block);
      block = [];
    }
    block.push(page);
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

/**
 * Splits pages into shards with disjoint date ranges, newest shard first: blocks of
 * `shardDocuments` in date order, each closed at the next change of date, and the last, open
 * block in parts of half as many.
 * Throws on a page whose date is not YYYY-MM-DD or on a URL given twice.
 */
export function planShards<P extends ShardPage>(
  pages: readonly P[],
  shardDocuments: number = DEFAULT_SHARD_DOCUMENTS,
): PlannedShard<P>[] {
  if (!(shardDocuments >= 1)) throw new Error(`shardDocuments: expected at least 1, got ${shardDocuments}`);
  const urls = new Set<string>();
  for (const page of pages) {
    if (!ISO_DATE.test(page.date)) throw new Error(`${page.url}: sort date "${page.date}" is not YYYY-MM-DD`);
    if (urls.has(page.url)) throw new Error(`${page.url}: indexed twice`);
    urls.add(page.url);
  }
  const byDate = [...pages].sort((a, b) => compareStrings(a.date, b.date));
  const closed = cutBlocks(byDate, shardDocuments);
  const open = closed.pop() ?? [];
  const parts = cutBlocks(open, openPartDocuments(shardDocuments));
  return [...closed, ...parts].map((block) => makeShard(block)).reverse();
}

/* ------------------------------------------------------------------------------ manifest */

export type FilterCounts = Record<string, Record<string, number>>;

/** One shard as the search page sees it. */
export interface ShardEntry {
  id: string;
  /** Bundle folder relative to `pagefind/`: '' for the newest shard, which is Pagefind's primary index. */
  path: string;
  from: string;
  to: string;
  documents: number;
}

/** `pagefind/shards.json`. */
export interface ShardManifest {
  version: 1;
  /** The synthetic filter that tells the shards apart in a merged search. */
  shardFilter: string;
  /** Newest first. */
  shards: ShardEntry[];
  /** Documents per filter value over the whole archive (what an empty search would count). */
  filters: FilterCounts;
  /**
   * The first answer of a search covers the newest shards until they hold this many documents
   * (half a shard): the open block's newest part may hold only the last issue or two.
   */
  firstAnswerDocuments: number;
}

export const SHARD_MANIFEST_FILE = 'shards.json';
/** Name of the synthetic per-shard filter; starts with an underscore so it never clashes with a page's filter. */
export const SHARD_FILTER = '_shard';

/**
 * Documents in a part of the open block: half a shard. The first answer of a search covers at
 * least as many (`ShardManifest.firstAnswerDocuments`), so that it never rests on a part that
 * holds only the last issue or two.
 */
export function openPartDocuments(shardDocuments: number): number {
  return Math.ceil(shardDocuments / OPEN_BLOCK_PARTS);
}

/** The newest shards, until they hold `firstAnswerDocuments` (all of them on a small archive). */
export function firstAnswerShards(manifest: ShardManifest): ShardEntry[] {
  const shards: ShardEntry[] = [];
  let documents = 0;
  for (const shard of manifest.shards) {
    if (shards.length > 0 && documents >= manifest.firstAnswerDocuments) break;
    shards.push(shard);
    documents += shard.documents;
  }
  return shards;
}

/** Adds one page's filter values to counts (a value listed twice on a page counts once). */
export function addFilterCounts(counts: FilterCounts, filters: Record<string, readonly string[]>): void {
  for (const [key, values] of Object.entries(filters)) {
    const byValue = (counts[key] ??= {});
    for (const value of new Set(values)) byValue[value] = (byValue[value] ?? 0) + 1;
  }
}

/** Counts with keys and values in code-point order, so the manifest is byte-for-byte reproducible. */
export function sortedCounts(counts: FilterCounts): FilterCounts {
  const out: FilterCounts = {};
  for (const key of Object.keys(counts).sort(compareStrings)) {
    out[key] = {};
    for (const value of Object.keys(counts[key]!).sort(compareStrings)) out[key][value] = counts[key]![value]!;
  }
  return out;
}

/* ------------------------------------------------------------------------- date ordering */

/**
 * The part of a date-ordered result list that a window [start, start + length) needs from each
 * shard: shards in manifest order (newest first), with how many results each has.
 * Returns, for each shard that contributes, the slice of its own results to take.
 */
export function dateOrderWindow(
  counts: readonly { id: string; results: number }[],
  start: number,
  length: number,
): { id: string; from: number; to: number }[] {
  const out: { id: string; from: number; to: number }[] = [];
  let offset = 0;
  const end = start + length;
  for (const { id, results } of counts) {
    const shardStart = offset;
    const shardEnd = offset + results;
    offset = shardEnd;
    if (shardEnd <= start || results === 0) continue;
    if (shardStart >= end) break;
    out.push({ id, from: Math.max(0, start - shardStart), to: Math.min(results, end - shardStart) });
  }
  return out;
}
