/**
 * Turns a normal build of the archive into the offline mirror: a folder that works opened
 * from disk, and a reproducible zip of it.
 *
 *   <outDir>/<name>/        every page with relative links (relativize.ts), no module scripts
 *                           (offline-page.ts), the search page running the offline search
 *                           (_search/: client and index, search-index.ts), README.txt,
 *                           SHA256SUMS
 *   <outDir>/<name>.zip     the folder, zipped reproducibly (zip.ts)
 *
 * What only works on a web server is left out: Pagefind's bundle (fetch + wasm in a worker),
 * the number tables the online search page fetches, the CDN's _headers, and any script no
 * page can load any more.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { sha256sums } from './checksums';
import { bundleSearchClient } from './client-bundle';
import rehypeOfflinePage from './offline-page';
import { MIRROR_CONTENT_SECURITY_POLICY } from '../csp';
import { lookupContext } from '../number-lookup';
import { mirrorReadme, type MirrorReadmeInfo } from './readme';
import rehypeRelativize, { relativizeCss, type RelativizeContext } from './relativize';
import { CLIENT_FILE, SEARCH_DIR, searchDataPath } from './search-files';
import { readSearchRecords } from '../../search/records';
import { buildSearchIndex, searchIndexFiles } from './search-index';
import { reproducibleZip } from './zip';

export interface MirrorOptions {
  /** A finished build of the site (astro build's output). */
  siteDir: string;
  /** Where the mirror folder and zip go. */
  outDir: string;
  /** Name of the folder and the zip (without .zip), e.g. `zibo-mirror-2020-05-26`. */
  name: string;
  /** The mirror's date, YYYY-MM-DD: the zip's timestamps. */
  date: string;
  /** The base the site was built with. Default `/`. */
  base?: string;
  /** The published site (origin and base): absolute links to it become local. */
  site?: string;
  readme: MirrorReadmeInfo;
  /** Write the zip too (default true). */
  zip?: boolean;
}

export interface MirrorReport {
  folder: string;
  zip?: string;
  files: number;
  bytes: number;
  zipBytes?: number;
  site: { files: number; bytes: number };
  search: { documents: number; shards: number; indexBytes: number; clientBytes: number; manifestBytes: number };
  /** `page: script` for every module script or modulepreload removed from a page. */
  droppedScripts: string[];
  /** `page → target` for every link to a file the mirror does not have. */
  missingLinks: string[];
  /** Files of the build left out of the mirror. */
  leftOut: string[];
}

/** The search page of the site, from its root; the mirror gives it the offline search. */
export const SEARCH_PAGE = 'search/index.html';
export const README_FILE = 'README.txt';
export const CHECKSUM_FILE = 'SHA256SUMS';

/**
 * Parts of a build that only work on a web server: Pagefind's bundle, the CDN's headers, and
 * whatever the online search page fetches from its own folder (number lookup tables).
 */
const SERVER_ONLY = [/^pagefind\//u, /^_headers$/u, /^search\/(?!index\.html$)/u];

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const utf8 = new TextEncoder();
const decoder = new TextDecoder();

export async function createMirror(options: MirrorOptions): Promise<MirrorReport> {
  const base = options.base ?? '/';
  const siteFiles = await listFiles(options.siteDir);
  const kept = new Set(siteFiles.filter((path) => !SERVER_ONLY.some((pattern) => pattern.test(path))));
  const searchPath = (path: string) => `${SEARCH_DIR}/${path}`;

  // Every file the mirror will have, for telling files from folders while links are rewritten.
  const output = new Map<string, Uint8Array>();
  const planned = new Set([...kept, searchPath(CLIENT_FILE), searchPath(searchDataPath.manifest), README_FILE]);
  const referenced = new Set<string>();
  const droppedScripts: string[] = [];
  const missingLinks: string[] = [];
  let siteBytes = 0;

  const context = (from: string): RelativizeContext => ({
    from,
    base,
    site: options.site,
    isFile: (path) => planned.has(path),
    onLink: (target, exists) => {
      referenced.add(target);
      if (!exists) missingLinks.push(`${from} → ${target}`);
    },
  });

  for (const path of siteFiles) {
    const data = new Uint8Array(await readFile(join(options.siteDir, path)));
    siteBytes += data.length;
    if (!kept.has(path)) continue;
    if (path.endsWith('.html')) {
      const scripts = path === SEARCH_PAGE ? [searchDataPath.manifest, CLIENT_FILE].map((p) => `${base}${searchPath(p)}`) : [];
      const processor = unified()
        .use(rehypeParse)
        .use(rehypeOfflinePage, {
          scripts,
          onDropped: (what) => path !== SEARCH_PAGE && droppedScripts.push(`${path}: ${what}`),
          contentSecurityPolicy: MIRROR_CONTENT_SECURITY_POLICY,
        })
        .use(rehypeRelativize, context(path))
        .use(rehypeStringify);
      const tree = processor.parse(decoder.decode(data)) as Root;
      output.set(path, utf8.encode(processor.stringify(processor.runSync(tree) as Root)));
    } else if (path.endsWith('.css')) {
      output.set(path, utf8.encode(relativizeCss(decoder.decode(data), context(path))));
    } else {
      output.set(path, data);
    }
  }

  // Scripts that only module scripts imported, or that nothing loads any more.
  const leftOut = siteFiles.filter((path) => !kept.has(path));
  for (const path of [...output.keys()]) {
    if (path.endsWith('.js') && !referenced.has(path)) {
      output.delete(path);
      leftOut.push(path);
    }
  }

  const index = buildSearchIndex(await Array.fromAsync(readSearchRecords(options.siteDir)), { numberContext: lookupContext(options.readme.gazetteName) });
  const indexFiles = searchIndexFiles(index);
  let indexBytes = 0;
  for (const [path, content] of indexFiles) {
    const data = utf8.encode(content);
    indexBytes += data.length;
    output.set(searchPath(path), data);
  }
  const client = utf8.encode(await bundleSearchClient());
  output.set(searchPath(CLIENT_FILE), client);
  output.set(README_FILE, utf8.encode(mirrorReadme(options.readme)));
  output.set(CHECKSUM_FILE, utf8.encode(sha256sums([...output].map(([path, data]) => ({ path, data })))));

  const folder = join(options.outDir, options.name);
  await rm(folder, { recursive: true, force: true });
  const paths = [...output.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let bytes = 0;
  for (const path of paths) {
    const target = join(folder, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, output.get(path)!);
    bytes += output.get(path)!.length;
  }

  const report: MirrorReport = {
    folder,
    files: paths.length,
    bytes,
    site: { files: siteFiles.length, bytes: siteBytes },
    search: {
      documents: index.manifest.documents.length,
      shards: index.manifest.shardCount,
      indexBytes,
      clientBytes: client.length,
      manifestBytes: utf8.encode(indexFiles.get(searchDataPath.manifest) ?? '').length,
    },
    droppedScripts,
    missingLinks: [...new Set(missingLinks)],
    leftOut: leftOut.sort(),
  };
  if (options.zip !== false) {
    const zip = reproducibleZip(
      paths.map((path) => ({ path: `${options.name}/${path}`, data: output.get(path)! })),
      options.date,
    );
    report.zip = join(options.outDir, `${options.name}.zip`);
    await writeFile(report.zip, zip);
    report.zipBytes = zip.length;
  }
  return report;
}
