import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytesBefore, transferBytes } from './transfer';

describe('transferBytes', () => {
  it('gzips a plain body', () => {
    const body = Buffer.from('检索结果'.repeat(500));
    expect(transferBytes(body)).toBe(gzipSync(body, { level: 6 }).length);
    expect(transferBytes(body)).toBeLessThan(body.length / 10);
  });

  it('counts a body that is gzip already (Pagefind index files) as stored', () => {
    const stored = gzipSync(Buffer.from('pagefind_dcd'.repeat(100)));
    expect(transferBytes(stored)).toBe(stored.length);
  });
});

describe('bytesBefore', () => {
  it('sums the responses that ended by the moment, the moment included', () => {
    const responses = [
      { endedAt: 1000, bytes: 10 },
      { endedAt: 1500, bytes: 20 },
      { endedAt: 1501, bytes: 40 },
    ];
    expect(bytesBefore(responses, 1500)).toEqual({ bytes: 30, requests: 2 });
    expect(bytesBefore(responses, 999)).toEqual({ bytes: 0, requests: 0 });
  });
});
