/**
 * Bytes a reader's browser receives, as a CDN would send them. The benchmark's local server
 * (tests/helpers/serve.ts) does not compress, so each response's body is gzipped here (level 6,
 * what CDNs use for on-the-fly compression); Pagefind's index files are gzip already and are
 * sent as they are, so they count as stored. Pure.
 */
import { gzipSync } from 'node:zlib';

/** The bytes of a body as sent compressed: as stored when it is gzip already, else gzipped. */
export function transferBytes(body: Uint8Array): number {
  const gzipped = body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;
  return gzipped ? body.length : gzipSync(body, { level: 6 }).length;
}

/** A response, when it ended (ms since the epoch, the browser's clock) and its bytes. */
export interface TimedResponse {
  endedAt: number;
  bytes: number;
}

/** The bytes and number of the responses that had ended by `at` (same clock). */
export function bytesBefore(responses: readonly TimedResponse[], at: number): { bytes: number; requests: number } {
  const ended = responses.filter((r) => r.endedAt <= at);
  return { bytes: ended.reduce((sum, r) => sum + r.bytes, 0), requests: ended.length };
}
