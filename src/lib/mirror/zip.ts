/**
 * A byte-for-byte reproducible zip: entries in code-point order of their paths, every entry
 * stamped with the same date and the same permissions (rw-r--r--, made on Unix), deflated at
 * one fixed level, no extra fields. Built with fflate (pure JavaScript: no zip binary whose
 * version or defaults could differ between machines). Names are UTF-8, flagged as such, so
 * Chinese file names (the short-link folders) unpack correctly on Windows too.
 */
import { zipSync, type ZipOptions } from 'fflate';
import { parseIsoDate } from '../dates';

export interface ZipEntry {
  /** Path inside the zip, with `/` separators. */
  path: string;
  data: Uint8Array;
}

/** rw-r--r-- regular file, in the high 16 bits of the external attributes (os = Unix). */
const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;
const UNIX = 3;

/**
 * The entries' timestamp. Zip stores a local date and time without a zone; a Date built from
 * local fields gives the same stored fields in every time zone. The format cannot go below
 * 1980, so older dates are clamped.
 */
function zipTimestamp(isoDate: string): Date {
  const date = parseIsoDate(isoDate);
  if (!date) throw new Error(`zip date: "${isoDate}" is not a date written YYYY-MM-DD`);
  return date.year < 1980 ? new Date(1980, 0, 1) : new Date(date.year, date.month - 1, date.day);
}

export function reproducibleZip(entries: readonly ZipEntry[], isoDate: string): Uint8Array {
  const mtime = zipTimestamp(isoDate);
  const seen = new Set<string>();
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const { path, data } of sorted) {
    if (!path || path.startsWith('/') || path.split('/').some((s) => s === '..' || s === '')) {
      throw new Error(`zip: "${path}" is not a relative file path`);
    }
    if (seen.has(path)) throw new Error(`zip: "${path}" is added twice`);
    seen.add(path);
    files[path] = [data, { level: 9, mtime, os: UNIX, attrs: FILE_ATTRIBUTES }];
  }
  return zipSync(files);
}
