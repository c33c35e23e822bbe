/**
 * The header's search box on every page: when it gets focus, the browser prefetches what the
 * search page needs for its first results (src/search/client/search-page.ts, loadPrimary):
 * the title pre-answer's file, Pagefind's script, worker and WebAssembly, the shard manifest,
 * and the metadata of every shard of the first answer (firstAnswerShards: the newest, and the
 * next newest while they hold less than half a shard). Submitting then finds them in the
 * cache. Pages whose box is never focused fetch nothing; the search page has no header box
 * (one search box per page) and loads the engine itself when its own box gets focus.
 */
import { firstAnswerShards, SHARD_MANIFEST_FILE, type ShardManifest } from '../pagefind/shards';
import { RECENT_TITLES_FILE } from '../recent-titles';

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

async function fetchJson<T>(path: string): Promise<T | null> {
  const response = await fetch(siteUrl(path));
  return response.ok ? ((await response.json()) as T) : null;
}

/** The index Pagefind picks for the page's language: exact, then by primary subtag, then the first. */
function entryIndex(entry: PagefindEntry): { hash: string; wasm: string | null } | undefined {
  const lang = (document.documentElement.lang || 'unknown').toLowerCase();
  const { languages } = entry;
  return languages[lang] ?? languages[lang.split('-')[0]!] ?? Object.values(languages)[0];
}

/** One bundle's start-up files: Pagefind fetches its entry with a cache-busting stamp, so it is read here only for names. */
async function prefetchBundle(folder: string): Promise<void> {
  const entry = await fetchJson<PagefindEntry>(`${folder}pagefind-entry.json`);
  const index = entry && entryIndex(entry);
  if (!index) return;
  prefetch(`${folder}wasm.${index.wasm ?? 'unknown'}.pagefind`);
  prefetch(`${folder}pagefind.${index.hash}.pf_meta`);
}

async function prefetchSearch(): Promise<void> {
  for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-worker.js', RECENT_TITLES_FILE]) prefetch(file);
  const manifest = await fetchJson<ShardManifest>(`pagefind/${SHARD_MANIFEST_FILE}`);
  const shards = manifest ? firstAnswerShards(manifest) : [{ path: '' }];
  await Promise.all(shards.map((shard) => prefetchBundle(`pagefind/${shard.path}`)));
}

for (const input of document.querySelectorAll<HTMLInputElement>('.site-search input[name="q"]')) {
  input.addEventListener('focus', () => void prefetchSearch().catch(() => {}), { once: true });
}
