/**
 * Turns a normal build of the archive into the offline mirror: a folder that works opened
 * from disk, and a reproducible zip of it.
 *
 *   <outDir>/<name>/        every page with relative links (relativize.ts), no module scripts
 *                           (offline-page.ts), the search page running the offline search
 *                           (_search/: client and index, src/search/offline/), README.txt,
 *                           SHA256SUMS
 *   <outDir>/<name>.zip     the folder, zipped reproducibly (zip.ts)
 *
 * Both are written file by file (a few site files in flight, then the zip read back from the
 * folder one entry at a time), and the offline search index one group of terms at a time
 * (writeSearchIndex in src/search/offline/offline-index.ts), so a mirror of a large archive needs little more memory
 * than the list of its paths and the search manifest.
 *
 * What only works on a web server is left out: Pagefind's bundle (fetch + wasm in a worker),
 * the number tables the online search page fetches, the CDN's _headers, and any script no
 * page can load any more.
 */
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Root } from 'hast';
import pMap from 'p-map';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { sha256Hex, sha256sums } from './checksums';
import { bundleSearchClient } from './client-bundle';
import rehypeOfflinePage from './offline-page';
import { MIRROR_CONTENT_SECURITY_POLICY } from '../site/csp';
import { lookupContext } from '../domain/number-lookup';
import { mirrorReadme, type MirrorReadmeInfo } from './readme';
import rehypeRelativize, { relativizeCss, type RelativizeContext } from './relativize';
import { CLIENT_FILE, SEARCH_DIR, searchDataPath } from '../search/offline/files';
import { readSearchRecords } from '../search/records';
import { writeSearchIndex } from '../search/offline/offline-index';
import { writeReproducibleZip } from './zip';

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

/**
 * Site files read, rewritten and written at once. Rewriting runs on this one thread; a few
 * files in flight let reading and writing overlap it, and bound the memory to a few pages
 * and their trees.
 */
const FILES_AT_ONCE = 4;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const utf8 = new TextEncoder();
const decoder = new TextDecoder();
const searchPath = (path: string) => `${SEARCH_DIR}/${path}`;

/** A file written to the mirror folder: what SHA256SUMS, the zip and the report need of it. */
interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** The mirror folder as it is written, file by file. */
class MirrorFolder {
  readonly files: WrittenFile[] = [];

  constructor(readonly dir: string) {}

  file(path: string): string {
    return join(this.dir, ...path.split('/'));
  }

  async write(path: string, data: Uint8Array): Promise<void> {
    const target = this.file(path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
    this.files.push({ path, bytes: data.length, sha256: sha256Hex(data) });
  }
}

/** What one site file gave the mirror besides the file itself. */
interface Rewritten {
  siteBytes: number;
  droppedScripts: string[];
  missingLinks: string[];
}

/**
 * Copies the site into the mirror folder, each page and stylesheet rewritten on the way, and
 * writes the offline search (from the build's search records), README.txt and SHA256SUMS.
 */
async function writeFolder(options: MirrorOptions, folder: MirrorFolder) {
  const base = options.base ?? '/';
  const siteFiles = await listFiles(options.siteDir);
  // The mirror's own files replace any the site has by their names.
  const own = (path: string) => path === README_FILE || path === CHECKSUM_FILE || path.startsWith(`${SEARCH_DIR}/`);
  const kept = new Set(siteFiles.filter((path) => !own(path) && !SERVER_ONLY.some((pattern) => pattern.test(path))));
  // Every file the mirror will have, for telling files from folders while links are rewritten.
  const planned = new Set([...kept, searchPath(CLIENT_FILE), searchPath(searchDataPath.manifest), README_FILE]);
  const referenced = new Set<string>();

  const rewrite = async (path: string): Promise<Rewritten> => {
    const source = join(options.siteDir, path);
    if (!kept.has(path)) return { siteBytes: (await stat(source)).size, droppedScripts: [], missingLinks: [] };
    const data = new Uint8Array(await readFile(source));
    const result: Rewritten = { siteBytes: data.length, droppedScripts: [], missingLinks: [] };
    const context = (from: string): RelativizeContext => ({
      from,
      base,
      site: options.site,
      isFile: (file) => planned.has(file),
      onLink: (target, exists) => {
        referenced.add(target);
        if (!exists) result.missingLinks.push(`${from} → ${target}`);
      },
    });
    let output = data;
    if (path.endsWith('.html')) {
      const scripts =
        path === SEARCH_PAGE ? [searchDataPath.manifest, CLIENT_FILE].map((p) => `${base}${searchPath(p)}`) : [];
      const processor = unified()
        .use(rehypeParse)
        .use(rehypeOfflinePage, {
          scripts,
          onDropped: (what) => path !== SEARCH_PAGE && result.droppedScripts.push(`${path}: ${what}`),
          contentSecurityPolicy: MIRROR_CONTENT_SECURITY_POLICY,
        })
        .use(rehypeRelativize, context(path))
        .use(rehypeStringify);
      const tree = processor.parse(decoder.decode(data)) as Root;
      output = utf8.encode(processor.stringify(processor.runSync(tree) as Root));
    } else if (path.endsWith('.css')) {
      output = utf8.encode(relativizeCss(decoder.decode(data), context(path)));
    }
    await folder.write(path, output);
    return result;
  };

  // Scripts wait until every page is rewritten: only then is it known whether any page still
  // loads them (module scripts, and whatever only they imported, are gone).
  const isScript = (path: string) => kept.has(path) && path.endsWith('.js');
  const rewritten = await pMap(
    siteFiles.filter((path) => !isScript(path)),
    rewrite,
    { concurrency: FILES_AT_ONCE },
  );
  const leftOut = siteFiles.filter((path) => !kept.has(path));
  let siteBytes = rewritten.reduce((sum, file) => sum + file.siteBytes, 0);
  for (const path of siteFiles.filter(isScript)) {
    const data = new Uint8Array(await readFile(join(options.siteDir, path)));
    siteBytes += data.length;
    if (referenced.has(path)) await folder.write(path, data);
    else leftOut.push(path);
  }

  let indexBytes = 0;
  let manifestBytes = 0;
  const manifest = await writeSearchIndex(
    () => readSearchRecords(options.siteDir),
    async (path, content) => {
      const data = utf8.encode(content);
      indexBytes += data.length;
      if (path === searchDataPath.manifest) manifestBytes = data.length;
      await folder.write(searchPath(path), data);
    },
    { numberContext: lookupContext(options.readme.gazetteName) },
  );
  const client = utf8.encode(await bundleSearchClient());
  await folder.write(searchPath(CLIENT_FILE), client);
  await folder.write(README_FILE, utf8.encode(mirrorReadme(options.readme)));
  await folder.write(CHECKSUM_FILE, utf8.encode(sha256sums(folder.files)));

  return {
    site: { files: siteFiles.length, bytes: siteBytes },
    search: {
      documents: manifest.documents.length,
      shards: manifest.shardCount,
      indexBytes,
      clientBytes: client.length,
      manifestBytes,
    },
    droppedScripts: rewritten.flatMap((file) => file.droppedScripts),
    missingLinks: [...new Set(rewritten.flatMap((file) => file.missingLinks))],
    leftOut: leftOut.sort(),
  };
}

/**
 * Writes the mirror folder, then zips it from the folder, file by file: neither step holds
 * more than a few files of the site in memory, so the mirror's memory does not grow with the
 * archive beyond the search manifest, one group of the index's terms and the list of paths.
 */
export async function createMirror(options: MirrorOptions): Promise<MirrorReport> {
  const folder = new MirrorFolder(join(options.outDir, options.name));
  await rm(folder.dir, { recursive: true, force: true });
  const written = await writeFolder(options, folder);
  const paths = folder.files.map((file) => file.path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const report: MirrorReport = {
    folder: folder.dir,
    files: paths.length,
    bytes: folder.files.reduce((sum, file) => sum + file.bytes, 0),
    ...written,
  };
  if (options.zip !== false) {
    report.zip = join(options.outDir, `${options.name}.zip`);
    report.zipBytes = await writeReproducibleZip(
      report.zip,
      paths.map((path) => ({
        path: `${options.name}/${path}`,
        read: async () => new Uint8Array(await readFile(folder.file(path))),
      })),
      options.date,
    );
  }
  return report;
}
