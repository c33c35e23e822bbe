/**
 * The site's Content-Security-Policy and Permissions-Policy, in one place for `_headers`
 * (src/build/cdn-headers.ts), the <meta> of every page (src/layouts/BaseLayout.astro,
 * the short-link pages) and the offline mirror (src/mirror/offline-page.ts).
 *
 * The site inlines no script or style (Astro's `inlineStylesheets: 'never'`, module scripts
 * from files), so 'self' is enough for both; Pagefind compiles its WebAssembly search
 * ('wasm-unsafe-eval') and fetches its index and starts its worker from the site itself
 * (connect-src and worker-src fall back to default-src / script-src 'self'). Nothing is
 * loaded from elsewhere: images, fonts and frames included.
 */

type Directives = Readonly<Record<string, readonly string[]>>;

const SITE: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Browsers ignore frame-ancestors in a <meta> policy (and warn about it), so it is left out there. */
const HEADER_ONLY = new Set(['frame-ancestors']);

function serialize(directives: Directives, keep: (name: string) => boolean = () => true): string {
  return Object.entries(directives)
    .filter(([name]) => keep(name))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The Content-Security-Policy header of every response (`_headers`). */
export const CONTENT_SECURITY_POLICY = serialize(SITE);

/** The same policy as a page's <meta http-equiv="Content-Security-Policy">, for hosts that ignore `_headers`. */
export const META_CONTENT_SECURITY_POLICY = serialize(SITE, (name) => !HEADER_ONLY.has(name));

/**
 * The mirror's pages, opened from disk or served by kiwix-serve: the same policy, less
 * 'wasm-unsafe-eval' (its search is a plain script, src/search/client/offline-search.ts).
 */
export const MIRROR_CONTENT_SECURITY_POLICY = serialize(
  { ...SITE, 'script-src': ["'self'"] },
  (name) => !HEADER_ONLY.has(name),
);

/** Features no page of an archive uses: denied to the site and anything it could embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
  'browsing-topics',
]
  .map((feature) => `${feature}=()`)
  .join(', ');
