import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { withZip64End, writeReproducibleZip, type ZipSource } from './zip';

const enc = new TextEncoder();
const ENTRIES = [
  { path: 'm/b.txt', data: enc.encode('乙') },
  { path: 'm/n/淄政办字-2020-56/index.html', data: enc.encode('<p>短链接</p>') },
  { path: 'm/a.txt', data: enc.encode('甲'.repeat(1000)) },
];

const work = mkdtempSync(join(tmpdir(), 'gazette-zip-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let zips = 0;

function sources(entries: readonly { path: string; data: Uint8Array }[]): ZipSource[] {
  return entries.map(({ path, data }) => ({ path, read: async () => data }));
}

/** The zip of `entries` as the streaming writer writes it to a file. */
async function reproducibleZip(
  entries: readonly { path: string; data: Uint8Array }[],
  isoDate: string,
): Promise<Uint8Array> {
  const file = join(work, `${(zips += 1)}.zip`);
  const bytes = await writeReproducibleZip(file, sources(entries), isoDate);
  const zip = new Uint8Array(readFileSync(file));
  expect(zip.length, 'the size it reports').toBe(bytes);
  return zip;
}

/** Offsets of the central directory's file headers (signature 0x02014b50). */
function centralHeaders(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const offsets: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i += 1) if (view.getUint32(i, true) === 0x02014b50) offsets.push(i);
  return offsets;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('writeReproducibleZip', () => {
  it('gives the same bytes for the same entries in any order and in any time zone', async () => {
    vi.stubEnv('TZ', 'Asia/Shanghai');
    const first = await reproducibleZip(ENTRIES, '2020-06-03');
    vi.stubEnv('TZ', 'America/Los_Angeles');
    const second = await reproducibleZip([...ENTRIES].reverse(), '2020-06-03');
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(await reproducibleZip(ENTRIES, '2020-06-04')).equals(Buffer.from(first))).toBe(false);
  });

  it('holds the entries in path order, unpacked unchanged, with UTF-8 names, date and rw-r--r--', async () => {
    const zip = await reproducibleZip(ENTRIES, '2020-06-03');
    const unpacked = unzipSync(zip);
    expect(Object.keys(unpacked)).toEqual(['m/a.txt', 'm/b.txt', 'm/n/淄政办字-2020-56/index.html']);
    expect(new TextDecoder().decode(unpacked['m/n/淄政办字-2020-56/index.html'])).toBe('<p>短链接</p>');

    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (const at of centralHeaders(zip)) {
      expect(view.getUint8(at + 5), 'made on Unix').toBe(3);
      const flags = view.getUint16(at + 8, true);
      const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
      expect(Boolean(flags & 0x800), `UTF-8 flag of ${name}`).toBe(/[^\x00-\x7f]/u.test(name));
      const time = view.getUint16(at + 12, true);
      const date = view.getUint16(at + 14, true);
      expect([1980 + (date >> 9), (date >> 5) & 15, date & 31, time]).toEqual([2020, 6, 3, 0]);
      expect(view.getUint32(at + 38, true) >>> 16).toBe(0o100644);
      expect(view.getUint16(at + 30, true), 'no extra fields').toBe(0);
    }
    expect(centralHeaders(zip)).toHaveLength(3);
  });

  it('clamps dates before 1980 and rejects bad paths and dates', async () => {
    await expect(reproducibleZip(ENTRIES, '1975-01-01')).resolves.toBeInstanceOf(Uint8Array);
    await expect(reproducibleZip([{ path: '../x', data: new Uint8Array() }], '2020-01-01')).rejects.toThrow(
      /not a relative file path/u,
    );
    await expect(reproducibleZip([ENTRIES[0]!, ENTRIES[0]!], '2020-01-01')).rejects.toThrow(/added twice/u);
    await expect(reproducibleZip(ENTRIES, '2020-02-30')).rejects.toThrow(/YYYY-MM-DD/u);
  });

  it('reads one entry at a time, in path order, and passes unzip -t', async () => {
    const log: string[] = [];
    let open = 0;
    const streamed = ENTRIES.map(({ path, data }) => ({
      path,
      read: async () => {
        open += 1;
        log.push(`${path} (${open} open)`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        queueMicrotask(() => (open -= 1));
        return data;
      },
    }));
    const file = join(work, 'streamed.zip');
    await writeReproducibleZip(file, streamed, '2020-06-03');
    expect(log).toEqual(['m/a.txt (1 open)', 'm/b.txt (1 open)', 'm/n/淄政办字-2020-56/index.html (1 open)']);
    const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
  });

  it('removes the partial file when an entry cannot be read', async () => {
    const file = join(work, 'failed.zip');
    const failing = [...sources(ENTRIES), { path: 'm/z.txt', read: () => Promise.reject(new Error('gone')) }];
    await expect(writeReproducibleZip(file, failing, '2020-06-03')).rejects.toThrow('gone');
    expect(existsSync(file)).toBe(false);
  });

  it('can end with the ZIP64 end record, which readers follow for the entry count', async () => {
    // What the writer does past 65,535 entries, tried on a small zip: readers that ignored the
    // ZIP64 record would see 65,535 entries here.
    const zip = await reproducibleZip(ENTRIES, '2020-06-03');
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const directoryOffset = view.getUint32(zip.length - 22 + 16, true);
    const last = withZip64End(zip.subarray(directoryOffset), directoryOffset, ENTRIES.length);
    const zip64 = Buffer.concat([zip.subarray(0, directoryOffset), last]);
    expect(zip64.readUInt16LE(zip64.length - 22 + 10), 'classic count: see ZIP64').toBe(0xffff);
    expect(Object.keys(unzipSync(new Uint8Array(zip64)))).toEqual([
      'm/a.txt',
      'm/b.txt',
      'm/n/淄政办字-2020-56/index.html',
    ]);
    const file = join(work, 'zip64.zip');
    writeFileSync(file, zip64);
    const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toMatch(/No errors detected/u);
    expect(spawnSync('zipinfo', ['-1', file], { encoding: 'utf8' }).stdout.trim().split('\n')).toHaveLength(3);
  });
});
