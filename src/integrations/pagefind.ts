/**
 * The Pagefind integration, registered by gazette() (src/integration.ts). It lives with the
 * rest of search in src/search/pagefind/: integration.ts (the hooks), build-index.ts (the
 * step), document-pages.ts (pages from the search records), bundle-cache.ts (cached shards),
 * service.ts (Pagefind's API), timing.ts (the timing log).
 */
export { default, default as pagefind, type PagefindIntegrationOptions } from '../search/pagefind/integration';
