/**
 * Writes `_headers` (the format Netlify, Cloudflare Pages and several CDNs read) into the build:
 * fingerprinted files get a year of immutable caching; HTML, feeds and the search entry
 * points, whose names do not change with their content, are revalidated on every visit. Every
 * response carries the site's Content-Security-Policy and Permissions-Policy (src/site/csp.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY } from '../site/csp';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

export function cdnHeaders(base: string, assetsDir: string): string {
  const rule = (path: string, ...headers: string[]) => `${base}${path}\n${headers.map((h) => `  ${h}`).join('\n')}\n`;
  return [
    rule(
      '*',
      `Cache-Control: ${REVALIDATE}`,
      'X-Content-Type-Options: nosniff',
      'Referrer-Policy: strict-origin-when-cross-origin',
      `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
      `Permissions-Policy: ${PERMISSIONS_POLICY}`,
    ),
    rule(`${assetsDir}/*`, `Cache-Control: ${IMMUTABLE}`),
    // Pagefind names its index chunks and fragments by content hash; the entry files
    // (pagefind.js, pagefind-entry.json, the wasm loader) keep fixed names and revalidate.
    rule('pagefind/fragment/*', `Cache-Control: ${IMMUTABLE}`),
    rule('pagefind/index/*', `Cache-Control: ${IMMUTABLE}`),
    rule('pagefind/filter/*', `Cache-Control: ${IMMUTABLE}`),
    rule('feed.xml', 'Content-Type: application/atom+xml; charset=utf-8'),
  ].join('\n');
}

export default function cdnHeadersIntegration(): AstroIntegration {
  let base = '/';
  let assetsDir = '_astro';
  return {
    name: 'gazette:cdn-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        assetsDir = config.build.assets;
      },
      'astro:build:done': async ({ dir, logger }) => {
        await writeFile(join(fileURLToPath(dir), '_headers'), cdnHeaders(base, assetsDir));
        logger.info('wrote _headers');
      },
    },
  };
}
