/**
 * Deployment settings, read from the environment so that one content tree can be built for
 * several places (a CDN at the root, a sub-path, a test folder) without editing files.
 *
 *   GAZETTE_SITE     absolute origin of the published site, for canonical URLs and feeds
 *   GAZETTE_BASE     path the site is served under, e.g. /gazette/ (default /)
 *   GAZETTE_OUT_DIR  where the build writes (default dist/)
 *   GAZETTE_CONTENT_DIR  the content tree to build (default content/)
 *   GAZETTE_CACHE_DIR    Astro's cache, incl. the content layer's data store, and check's
 *                        Markdown verdicts (default node_modules/.astro/); builds running at
 *                        the same time need their own
 */
export interface SiteSettings {
  site: string;
  base: string;
  outDir: string;
  contentDir: string;
  cacheDir: string;
}

export const DEFAULT_SITE = 'https://gazette.example.org';

function normalizeBase(base: string | undefined): string {
  if (!base || base === '/') return '/';
  return `/${base.replace(/^\/+|\/+$/g, '')}/`;
}

export function siteSettings(env: Record<string, string | undefined>): SiteSettings {
  return {
    site: env.GAZETTE_SITE || DEFAULT_SITE,
    base: normalizeBase(env.GAZETTE_BASE),
    outDir: env.GAZETTE_OUT_DIR || './dist',
    contentDir: env.GAZETTE_CONTENT_DIR || './content',
    cacheDir: env.GAZETTE_CACHE_DIR || './node_modules/.astro',
  };
}
