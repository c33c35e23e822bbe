/**
 * Bundles the offline search client (src/search/client/offline-search.ts and the pure modules
 * it shares with the index builder) into one classic script with esbuild: an IIFE, no
 * import/export left, syntax lowered for browsers of the last years (offices update slowly).
 * The same sources and esbuild version give the same bytes.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const CLIENT_ENTRY = fileURLToPath(new URL('../search/client/offline-search.ts', import.meta.url));

export async function bundleSearchClient(): Promise<string> {
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome87', 'firefox78', 'safari15'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no offline search client');
  return output.text;
}
