/**
 * How many shards are indexed at once. Pagefind's service handles its messages one at a time
 * (one core each), so shards are indexed by several services side by side: at most one per
 * core, and only as many as the memory budget holds, since each service keeps its whole shard
 * in memory until the shard is written. A shard's memory is estimated from the HTML it indexes
 * (README, "Search at scale and benchmarks", has the measurement behind the factor).
 *
 * Pure scheduling: no Pagefind, no file system.
 */

/**
 * Peak memory of a Pagefind service per byte of HTML it indexes, with its fixed base. Measured:
 * a second service indexing 1,000 benchmark pages (some 11 KB of HTML each) beside the first
 * raised the build's peak by 0.43 GiB; 800 pages of bare regulation text (15 KB each) peaked
 * at 0.94 GB, about 75 bytes a byte, since all of that HTML is indexed text.
 */
export const SERVICE_BASE_BYTES = 64 * 1024 * 1024;
export const SERVICE_BYTES_PER_HTML_BYTE = 40;

/** The memory a Pagefind service is expected to take while indexing pages of `htmlBytes`. */
export function serviceMemory(htmlBytes: number): number {
  return SERVICE_BASE_BYTES + SERVICE_BYTES_PER_HTML_BYTE * htmlBytes;
}

/**
 * The memory the services may take together: the configured budget, but never more than
 * three quarters of what the system has available now, so that indexing never swaps.
 */
export function memoryBudget(configuredBytes: number, availableBytes: number): number {
  return Math.min(configuredBytes, Math.floor(availableBytes * 0.75));
}

export interface PoolJob<T> {
  item: T;
  /** Estimated peak memory while the job runs. */
  memory: number;
}

/**
 * Runs jobs, largest first, at most `slots` at a time and, while more than one runs, within
 * `budget` bytes of estimated memory together (a job larger than the budget runs alone).
 * `run` gets the slot the job occupies (0 … slots - 1), for a service per slot. The first
 * failure stops new jobs from starting; it is thrown once the running ones have settled.
 * Returns the most jobs that ran at once.
 */
export async function runPool<T>(
  jobs: readonly PoolJob<T>[],
  { slots, budget }: { slots: number; budget: number },
  run: (item: T, slot: number) => Promise<void>,
): Promise<number> {
  if (!(slots >= 1)) throw new Error(`slots: expected at least 1, got ${slots}`);
  const waiting = [...jobs].sort((a, b) => b.memory - a.memory);
  const free = Array.from({ length: slots }, (_, slot) => slot).reverse();
  const running = new Set<Promise<void>>();
  let used = 0;
  let most = 0;
  let failure: { error: unknown } | undefined;

  const fits = (job: PoolJob<T>) => running.size === 0 || used + job.memory <= budget;
  while (waiting.length > 0 || running.size > 0) {
    while (!failure && waiting.length > 0 && free.length > 0) {
      const index = waiting.findIndex(fits);
      if (index < 0) break;
      const [job] = waiting.splice(index, 1) as [PoolJob<T>];
      const slot = free.pop()!;
      used += job.memory;
      const task: Promise<void> = run(job.item, slot)
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          used -= job.memory;
          free.push(slot);
          running.delete(task);
        });
      running.add(task);
      most = Math.max(most, running.size);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  if (failure) throw failure.error;
  return most;
}
