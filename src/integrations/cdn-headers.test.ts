import { describe, expect, it } from 'vitest';
import { cdnHeaders } from './cdn-headers';

describe('cdnHeaders', () => {
  it('caches fingerprinted assets for a year and revalidates everything else', () => {
    const headers = cdnHeaders('/', '_assets');
    expect(headers).toContain('/*\n  Cache-Control: public, max-age=0, must-revalidate');
    expect(headers).toContain('/_assets/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(headers).toContain('/pagefind/fragment/*\n  Cache-Control: public, max-age=31536000, immutable');
  });

  it('puts every rule under a sub-path base', () => {
    const paths = cdnHeaders('/gazette/', '_assets')
      .split('\n')
      .filter((line) => line && !line.startsWith(' '));
    expect(paths.every((path) => path.startsWith('/gazette/'))).toBe(true);
  });
});
