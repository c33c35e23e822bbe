import { describe, expect, it } from 'vitest';
import { cdnHeaders } from './cdn-headers';

describe('cdnHeaders', () => {
  it('caches fingerprinted assets for a year and revalidates everything else', () => {
    const headers = cdnHeaders('/', '_assets');
    expect(headers).toContain('/*\n  Cache-Control: public, max-age=0, must-revalidate');
    expect(headers).toContain('/_assets/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(headers).toContain('/pagefind/fragment/*\n  Cache-Control: public, max-age=31536000, immutable');
  });

  it('sends the strict CSP, frame-ancestors included, and the Permissions-Policy with every response', () => {
    const headers = cdnHeaders('/', '_assets');
    expect(headers).toContain(
      '/*\n  Cache-Control: public, max-age=0, must-revalidate\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n' +
        "  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'\n" +
        '  Permissions-Policy: accelerometer=(), autoplay=(), camera=()',
    );
  });

  it('puts every rule under a sub-path base', () => {
    const paths = cdnHeaders('/gazette/', '_assets')
      .split('\n')
      .filter((line) => line && !line.startsWith(' '));
    expect(paths.every((path) => path.startsWith('/gazette/'))).toBe(true);
  });
});
