import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  MIRROR_CONTENT_SECURITY_POLICY,
  PERMISSIONS_POLICY,
} from './csp';

describe('the Content-Security-Policy', () => {
  it('lets the site load only its own files, and Pagefind compile its WebAssembly', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('leaves frame-ancestors out of the <meta> policy, which browsers ignore there', () => {
    expect(META_CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'",
    );
  });

  it('gives the offline mirror the <meta> policy without WebAssembly', () => {
    expect(MIRROR_CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'",
    );
  });

  it('allows no inline code and nothing from another origin', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, MIRROR_CONTENT_SECURITY_POLICY]) {
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    }
  });
});

describe('the Permissions-Policy', () => {
  it('denies every listed feature to everyone, in Structured Fields syntax', () => {
    const features = PERMISSIONS_POLICY.split(', ');
    expect(features).toContain('camera=()');
    expect(features).toContain('geolocation=()');
    expect(features.every((feature) => /^[a-z-]+=\(\)$/.test(feature))).toBe(true);
    expect(new Set(features).size).toBe(features.length);
  });
});
