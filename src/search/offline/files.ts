/**
 * How the offline search's data travels: classic scripts that store values in one global
 * registry, because a page opened from file:// may load <script src> but may not fetch() a
 * file or import a module. Shared by the index writer (offline-index.ts) and the browser
 * client (src/search/client/offline-search.ts), so both name the same files and keys.
 */

/** The global the data scripts assign to, and the names they assign. */
export const SEARCH_GLOBAL = 'GazetteMirrorSearch';
export const searchDataKey = {
  manifest: 'manifest',
  shard: (n: number) => `shard/${n}`,
  text: (id: number) => `text/${id}`,
};
/** Paths of the data scripts, relative to the search folder. */
export const searchDataPath = {
  manifest: 'manifest.js',
  shard: (n: number) => `shards/${n}.js`,
  text: (id: number) => `texts/${id}.js`,
};

/**
 * A classic script that stores `value` under `key` in the global registry. U+2028/2029 are
 * escaped because engines before ES2019 end a line (and the script) there.
 */
export function dataScript(key: string, value: unknown): string {
  const json = JSON.stringify(value)
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029');
  return `(self.${SEARCH_GLOBAL}=self.${SEARCH_GLOBAL}||{})[${JSON.stringify(key)}]=${json};\n`;
}

/** The mirror's folder for the offline search (client and data), from the mirror's root. */
export const SEARCH_DIR = '_search';
/** The client script, in SEARCH_DIR. */
export const CLIENT_FILE = 'search.js';
