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
 * How documents are split: by the date they are sorted by, so that every shard covers a
 * date range of its own and the ranges never overlap. Then "newest first" over the whole
 * archive is each shard's own date order, shard after shard (Pagefind's merged search sorts
 * merged results by score, and a sorted search scores a page by its rank inside its own
 * index, which would interleave the shards). The newest year is always a shard of its own:
 * a new issue lands there and only that small shard is re-indexed. Older years are grouped
 * from the oldest on, consecutive years together up to `maxDocuments`; a year larger than
 * that is split by month, a month by day. Grouping from the oldest keeps every boundary in
 * place as the archive grows at its new end (when a year closes it joins the last group or
 * starts a new one); only back-filling old issues moves the boundaries after them. Few, large
 * shards matter: a search fetches index files from every shard.
 *
 * Pure: no file system, no Pagefind. The build integration and the search page use it.
 */

/** A page the index holds: its URL and the date it sorts by (YYYY-MM-DD). */
export interface ShardPage {
  url: string;
  date: string;
}

export interface PlannedShard<P extends ShardPage> {
  /** Stable name of the period: `2025`, `1990-1994`, `2003-01-2003-06`, `2003-05-14`. */
  id: string;
  /** Earliest and latest sort date of its pages. */
  from: string;
  to: string;
  /** Pages in URL order (the order they are indexed in, for reproducible output). */
  pages: P[];
}

/**
 * Default documents per shard: Pagefind's memory grows with the documents of the shard it
 * indexes, and this keeps it, with the build's own Node process beside it, within the memory
 * budget of the benchmark (README, "Search at scale and benchmarks"; bench/results/).
 */
export const DEFAULT_SHARD_DOCUMENTS = 3000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

type Level = 'year' | 'month' | 'day';

function periodKey(date: string, level: Level): string {
  switch (level) {
    case 'year':
      return date.slice(0, 4);
    case 'month':
      return date.slice(0, 7);
    case 'day':
      return date;
  }
}

const FINER: Record<Level, Level | null> = { year: 'month', month: 'day', day: null };

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pages grouped by period key, keys in ascending order. */
function groupByPeriod<P extends ShardPage>(pages: readonly P[], level: Level): [string, P[]][] {
  const groups = new Map<string, P[]>();
  for (const page of pages) {
    const key = periodKey(page.date, level);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(page);
  }
  return [...groups].sort(([a], [b]) => compareStrings(a, b));
}

function makeShard<P extends ShardPage>(keys: string[], pages: P[]): PlannedShard<P> {
  const dates = pages.map((page) => page.date).sort(compareStrings);
  const first = keys[0]!;
  const last = keys[keys.length - 1]!;
  return {
    id: first === last ? first : `${first}-${last}`,
    from: dates[0]!,
    to: dates[dates.length - 1]!,
    pages: [...pages].sort((a, b) => compareStrings(a.url, b.url)),
  };
}

/** Consecutive periods of one level grouped up to `max` pages; larger periods split finer. */
function groupPeriods<P extends ShardPage>(pages: readonly P[], level: Level, max: number): PlannedShard<P>[] {
  const shards: PlannedShard<P>[] = [];
  let keys: string[] = [];
  let bucket: P[] = [];
  const flush = () => {
    if (bucket.length > 0) shards.push(makeShard(keys, bucket));
    keys = [];
    bucket = [];
  };
  for (const [key, group] of groupByPeriod(pages, level)) {
    const finer = FINER[level];
    if (group.length > max && finer) {
      flush();
      shards.push(...groupPeriods(group, finer, max));
      continue;
    }
    if (bucket.length + group.length > max) flush();
    keys.push(key);
    bucket.push(...group);
  }
  flush();
  return shards;
}

/**
 * Splits pages into shards with disjoint date ranges, newest shard first.
 * Throws on a page whose date is not YYYY-MM-DD or on a URL given twice.
 */
export function planShards<P extends ShardPage>(
  pages: readonly P[],
  maxDocuments: number = DEFAULT_SHARD_DOCUMENTS,
): PlannedShard<P>[] {
  if (!(maxDocuments >= 1)) throw new Error(`maxDocuments: expected at least 1, got ${maxDocuments}`);
  const urls = new Set<string>();
  for (const page of pages) {
    if (!ISO_DATE.test(page.date)) throw new Error(`${page.url}: sort date "${page.date}" is not YYYY-MM-DD`);
    if (urls.has(page.url)) throw new Error(`${page.url}: indexed twice`);
    urls.add(page.url);
  }
  if (pages.length === 0) return [];
  const newestYear = pages.reduce((year, page) => (page.date.slice(0, 4) > year ? page.date.slice(0, 4) : year), '');
  const open = pages.filter((page) => page.date.startsWith(newestYear));
  const older = pages.filter((page) => !page.date.startsWith(newestYear));
  const shards = [...groupPeriods(older, 'year', maxDocuments), ...groupPeriods(open, 'year', maxDocuments)];
  return shards.reverse();
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
}

export const SHARD_MANIFEST_FILE = 'shards.json';
/** Name of the synthetic per-shard filter; starts with an underscore so it never clashes with a page's filter. */
export const SHARD_FILTER = '_shard';

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
