/**
 * Where the site is published. One content tree can be built for several places (a CDN at the
 * root, a sub-path, a test folder) without editing files.
 */
import { z } from 'zod';

export const DEFAULT_SITE = 'https://gazette.example.org';

/** `gazette`, `/gazette`, `//gazette//` → `/gazette/`; empty → `/` (the site links with trailing slashes). */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed.replace(/\/{2,}/g, '/')}/` : '/';
}

export const SiteConfigSchema = z
  .strictObject({
    /**
     * Absolute origin of the published site, for canonical URLs, feeds and the mirror's README.
     * @default 'https://gazette.example.org'
     */
    site: z
      .url({ protocol: /^https?$/, error: 'must be an absolute http(s) address, like https://gazette.example.org' })
      .default(DEFAULT_SITE),
    /**
     * Path the site is served under, e.g. `/gazette/`; slashes are added as needed.
     * @default '/'
     */
    base: z.string().transform(normalizeBase).default('/'),
  })
  .prefault({});
