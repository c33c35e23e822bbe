import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { reproducibleZip } from './zip';

const enc = new TextEncoder();
const ENTRIES = [
  { path: 'm/b.txt', data: enc.encode('乙') },
  { path: 'm/n/淄政办字-2020-56/index.html', data: enc.encode('<p>短链接</p>') },
  { path: 'm/a.txt', data: enc.encode('甲'.repeat(1000)) },
];

/** Offsets of the central directory's file headers (signature 0x02014b50). */
function centralHeaders(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const offsets: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i += 1) if (view.getUint32(i, true) === 0x02014b50) offsets.push(i);
  return offsets;
}

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('reproducibleZip', () => {
  it('gives the same bytes for the same entries in any order and in any time zone', () => {
    process.env.TZ = 'Asia/Shanghai';
    const first = reproducibleZip(ENTRIES, '2020-06-03');
    process.env.TZ = 'America/Los_Angeles';
    const second = reproducibleZip([...ENTRIES].reverse(), '2020-06-03');
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(reproducibleZip(ENTRIES, '2020-06-04')).equals(Buffer.from(first))).toBe(false);
  });

  it('holds the entries in path order, unpacked unchanged, with UTF-8 names, date and rw-r--r--', () => {
    const zip = reproducibleZip(ENTRIES, '2020-06-03');
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

  it('clamps dates before 1980 and rejects bad paths and dates', () => {
    expect(() => reproducibleZip(ENTRIES, '1975-01-01')).not.toThrow();
    expect(() => reproducibleZip([{ path: '../x', data: new Uint8Array() }], '2020-01-01')).toThrow(/not a relative file path/u);
    expect(() => reproducibleZip([ENTRIES[0]!, ENTRIES[0]!], '2020-01-01')).toThrow(/added twice/u);
    expect(() => reproducibleZip(ENTRIES, '2020-02-30')).toThrow(/YYYY-MM-DD/u);
  });
});
