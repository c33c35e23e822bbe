/**
 * The header's search box on every page: when it gets focus, the browser prefetches what the
 * search page needs for its first results (src/search/client/search-page.ts, loadPrimary):
 * Pagefind's script, worker and WebAssembly, the shard manifest and the newest shard's
 * metadata, the primary index. Submitting then finds them in the cache. Pages whose box is
 * never focused fetch nothing; the search page has no header box (one search box per page)
 * and loads the engine itself when its own box gets focus.
 */
const BASE = import.meta.env.BASE_URL;

interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

function siteUrl(path: string): string {
  return new URL(path, new URL(BASE, location.href)).href;
}

function prefetch(path: string): void {
  const link = document.createElement('link');
  link.rel = 'prefetch';
  link.href = siteUrl(path);
  document.head.append(link);
}

/** The index Pagefind picks for the page's language: exact, then by primary subtag, then the first. */
function entryIndex(entry: PagefindEntry): { hash: string; wasm: string | null } | undefined {
  const lang = (document.documentElement.lang || 'unknown').toLowerCase();
  const { languages } = entry;
  return languages[lang] ?? languages[lang.split('-')[0]!] ?? Object.values(languages)[0];
}

async function prefetchSearch(): Promise<void> {
  for (const file of ['pagefind.js', 'pagefind-worker.js', 'shards.json']) prefetch(`pagefind/${file}`);
  // Pagefind itself fetches its entry file with a cache-busting stamp: read it here only for names.
  const response = await fetch(siteUrl('pagefind/pagefind-entry.json'));
  if (!response.ok) return;
  const index = entryIndex((await response.json()) as PagefindEntry);
  if (!index) return;
  prefetch(`pagefind/wasm.${index.wasm ?? 'unknown'}.pagefind`);
  prefetch(`pagefind/pagefind.${index.hash}.pf_meta`);
}

for (const input of document.querySelectorAll<HTMLInputElement>('.site-search input[name="q"]')) {
  input.addEventListener('focus', () => void prefetchSearch().catch(() => {}), { once: true });
}
