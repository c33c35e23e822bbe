import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTimingLog } from '../../bench/report';
import { formatBytes, formatMs, logTiming, type SearchTiming } from './timing';

const ENTRY: SearchTiming = {
  totalMs: 1200,
  scanMs: 40,
  indexingMs: 900,
  documents: 5,
  shards: 1,
  rebuiltShards: 1,
  parallel: 1,
  bytes: 271_462,
};

describe('logTiming', () => {
  const work = mkdtempSync(join(tmpdir(), 'gazette-timing-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('appends one JSON line the benchmark reads back', async () => {
    const file = join(work, 'timings.jsonl');
    await logTiming(file, { ...ENTRY, totalMs: 1 });
    await logTiming(file, ENTRY);
    const text = readFileSync(file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(2);
    expect(parseTimingLog(text)).toMatchObject(ENTRY);
  });

  it('writes nothing without a file', async () => {
    await expect(logTiming(undefined, ENTRY)).resolves.toBeUndefined();
  });
});

describe('formatMs and formatBytes', () => {
  it('write milliseconds below a second, seconds above', () => {
    expect(formatMs(595.4)).toBe('595 ms');
    expect(formatMs(69_123)).toBe('69.12 s');
  });

  it('write bytes in binary units', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(271_462)).toBe('265.1 KiB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.00 MiB');
  });
});
