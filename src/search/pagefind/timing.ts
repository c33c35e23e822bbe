/**
 * How the search step reports itself: its log line's figures, and one JSON line of timings
 * appended to the configured timing log (`build.timingLog`), which the benchmark reads
 * (src/bench/report.ts, `parseTimingLog`).
 */
import { appendFile } from 'node:fs/promises';

/** The timing log line of the search step (with `step: 'search-index'` and the time it was written). */
export interface SearchTiming {
  totalMs: number;
  /** Reading the search records and hashing the document pages. */
  scanMs: number;
  /** Pagefind's own work on the shards that were indexed again (wall time, shards side by side). */
  indexingMs: number;
  documents: number;
  shards: number;
  rebuiltShards: number;
  /** Most shards indexed at once. */
  parallel: number;
  bytes: number;
}

/** Appends the entry, stamped with the time, to `file`; does nothing without a file. */
export async function logTiming(file: string | undefined, entry: SearchTiming): Promise<void> {
  if (file)
    await appendFile(file, `${JSON.stringify({ step: 'search-index', ...entry, at: new Date().toISOString() })}\n`);
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}
