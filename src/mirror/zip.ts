/**
 * A byte-for-byte reproducible zip, written as a stream: entries in code-point order of their
 * paths, every entry stamped with the same date and the same permissions (rw-r--r--, made on
 * Unix), deflated at one fixed level, no extra fields. Built with fflate (pure JavaScript: no
 * zip binary whose version or defaults could differ between machines) through its streaming
 * `Zip`, so that only one entry is in memory at a time, however large the archive: an entry's
 * data is read when its turn comes, deflated, and written to the file before the next is read.
 * Names are UTF-8, flagged as such, so Chinese file names (the short-link folders) unpack
 * correctly on Windows too.
 *
 * fflate writes the classic end record only, whose entry count has 16 bits; an archive of more
 * than 65,535 files (a mirror of a large archive) gets the ZIP64 end record and
 * locator that readers look for then. Offsets stay 32-bit: an archive over 4 GiB is refused.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { deflateSync, Zip, ZipPassThrough } from 'fflate';
import { parseIsoDate } from '../domain/dates';

export interface ZipSource {
  /** Path inside the zip, with `/` separators. */
  path: string;
  /** The entry's data, asked for when the entry is written. */
  read: () => Promise<Uint8Array>;
}

/** rw-r--r-- regular file, in the high 16 bits of the external attributes (os = Unix). */
const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;
const UNIX = 3;
const LEVEL = 9;
/** Waiting for the file after every small entry would cost more than the entry itself. */
const WRITE_BUFFER_BYTES = 4 * 1024 * 1024;
const MAX_CLASSIC_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;
const END_RECORD_BYTES = 22;
/** The ZIP64 end record (56 bytes) and its locator (20). */
const ZIP64_END_BYTES = 76;

/**
 * One entry, deflated whole with `deflateSync` (an entry is pushed once, with all its data).
 * fflate's streaming `ZipDeflate` sizes its hash table for its 96 KB window whatever the
 * entry's size, which for a mirror's tens of thousands of small files costs more than the
 * compression itself; fflate documents subclassing `ZipPassThrough` for custom compression.
 */
class WholeDeflate extends ZipPassThrough {
  override compression = 8;
  /** Level 9, marked "maximum compression" in the general-purpose flags, as fflate marks it. */
  flag = 1 as const;

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    if (!final) throw new Error('zip: an entry is pushed whole');
    this.ondata(null, deflateSync(chunk, { level: LEVEL }), final);
  }
}

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

function inPathOrder(sources: readonly ZipSource[]): ZipSource[] {
  const sorted = [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  sorted.forEach(({ path }, i) => {
    if (!path || path.startsWith('/') || path.split('/').some((s) => s === '..' || s === '')) {
      throw new Error(`zip: "${path}" is not a relative file path`);
    }
    if (i > 0 && sorted[i - 1]!.path === path) throw new Error(`zip: "${path}" is added twice`);
  });
  return sorted;
}

/**
 * fflate's last chunk (central directory of `count` entries, then the 22-byte end record),
 * written at `chunkOffset` in the file, with the ZIP64 end record and its locator put between
 * the two and the end record's counts set to 0xFFFF ("see the ZIP64 record").
 */
export function withZip64End(last: Uint8Array, chunkOffset: number, count: number): Uint8Array {
  const end = last.length - END_RECORD_BYTES;
  const classic = new DataView(last.buffer, last.byteOffset + end, END_RECORD_BYTES);
  const out = new Uint8Array(last.length + ZIP64_END_BYTES);
  out.set(last.subarray(0, end));
  out.set(last.subarray(end), end + ZIP64_END_BYTES);
  const record = new DataView(out.buffer, end, ZIP64_END_BYTES);
  record.setUint32(0, 0x06064b50, true);
  record.setBigUint64(4, 44n, true); // the record's size after this field
  record.setUint16(12, (UNIX << 8) | 45, true); // made by: Unix, version 4.5 (ZIP64)
  record.setUint16(14, 45, true);
  record.setBigUint64(24, BigInt(count), true); // entries on this disk
  record.setBigUint64(32, BigInt(count), true); // entries in all
  record.setBigUint64(40, BigInt(classic.getUint32(12, true)), true); // central directory size
  record.setBigUint64(48, BigInt(classic.getUint32(16, true)), true); // and offset
  record.setUint32(56, 0x07064b50, true); // the locator: where the record starts
  record.setBigUint64(64, BigInt(chunkOffset + end), true);
  record.setUint32(72, 1, true); // disks in all
  const tail = new DataView(out.buffer, end + ZIP64_END_BYTES, END_RECORD_BYTES);
  tail.setUint16(8, MAX_CLASSIC_ENTRIES, true);
  tail.setUint16(10, MAX_CLASSIC_ENTRIES, true);
  return out;
}

/**
 * Writes `sources` (in any order) to `file` as a reproducible zip and returns its size in
 * bytes. One entry's data is in memory at a time; writing waits for the file to drain. On an
 * error the partial file is removed.
 */
export async function writeReproducibleZip(
  file: string,
  sources: readonly ZipSource[],
  isoDate: string,
): Promise<number> {
  const mtime = zipTimestamp(isoDate);
  const sorted = inPathOrder(sources);
  const out = createWriteStream(file, { highWaterMark: WRITE_BUFFER_BYTES });
  let failure: unknown;
  out.on('error', (error) => (failure ??= error));
  let written = 0;
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failure ??= error;
      return;
    }
    const data = final && sorted.length > MAX_CLASSIC_ENTRIES ? withZip64End(chunk, written, sorted.length) : chunk;
    written += data.length;
    out.write(data);
  });
  const check = () => {
    if (failure) throw failure;
    if (written > MAX_OFFSET)
      throw new Error(`zip: ${file} would pass 4 GiB, which needs ZIP64 offsets this writer does not write`);
  };
  try {
    for (const source of sorted) {
      const data = await source.read();
      const entry = new WholeDeflate(source.path);
      Object.assign(entry, { mtime, os: UNIX, attrs: FILE_ATTRIBUTES });
      zip.add(entry);
      entry.push(data, true);
      check();
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    zip.end();
    check();
    out.end();
    await finished(out);
    return written;
  } catch (error) {
    out.destroy();
    await rm(file, { force: true });
    throw error;
  }
}
