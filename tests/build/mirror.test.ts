/**
 * The offline mirror made from the built sample archive (src/mirror/mirror.ts): links that
 * work from disk, nothing that needs a server, the offline search index finding what the online
 * search finds, README.txt and SHA256SUMS, and a zip that is the same bytes every time.
 * The browser side (file:// in Chromium) is tests/e2e/mirror.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { runInNewContext } from 'node:vm';
import { unzipSync } from 'fflate';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MirrorReport } from '../../src/mirror/mirror';
import { searchIndex } from '../../src/search/offline/engine';
import { SEARCH_GLOBAL } from '../../src/search/offline/files';
import type { SearchManifest, Shard } from '../../src/search/offline/offline-index';
import { classifyNumberQuery, fullTextQuery, lookupNumber } from '../../src/search/state';
import { ISSUE_TOC } from '../helpers/archive';
import { listFiles, readPage, selectAll } from '../helpers/built-site';
import { mirrorSampleBuild, SAMPLE_MIRROR_NAME } from '../helpers/mirror';
import { NUMBER_QUERIES, TERM_QUERIES } from '../helpers/search-queries';

const NAME = SAMPLE_MIRROR_NAME;

const work = mkdtempSync(join(tmpdir(), 'gazette-mirror-test-'));
let report: MirrorReport;
let again: MirrorReport;
let folder: string;

const mirror = (outDir: string, siteDir?: string, base?: string) => mirrorSampleBuild(work, outDir, { siteDir, base });

beforeAll(async () => {
  report = await mirror('first');
  again = await mirror('second');
  folder = report.folder;
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every URL a page's elements point at (canonical links aside), with the element's tag. */
function pageUrls(path: string): string[] {
  const urls: string[] = [];
  for (const element of selectAll(
    '[href], [src], [srcset], [action], meta[http-equiv]',
    readPage(folder, path),
  ) as Element[]) {
    const { properties: p, tagName } = element;
    const rel = ([] as unknown[]).concat(p.rel ?? []).map(String);
    if (tagName === 'link' && rel.includes('canonical')) continue;
    for (const name of ['href', 'src', 'action']) if (typeof p[name] === 'string') urls.push(p[name] as string);
    if (typeof p.srcSet === 'string') urls.push(...p.srcSet.split(',').map((c) => c.trim().split(/\s+/u)[0]!));
    const refresh = /url=(.*)$/iu.exec(String(p.content ?? ''));
    if (tagName === 'meta' && refresh) urls.push(refresh[1]!);
  }
  return urls;
}

describe('the mirror folder', () => {
  it('has every page of the site and leaves out what only works on a server', () => {
    const files = listFiles(folder);
    const site = listFiles(inject('outRoot'));
    for (const page of site.filter((f) => f.endsWith('.html'))) expect(files).toContain(page);
    for (const slug of ISSUE_TOC.map((d) => d.slug)) expect(files).toContain(`2020/07/${slug}/index.html`);
    expect(
      files.filter(
        (f) => f.startsWith('pagefind/') || f === '_headers' || (f.startsWith('search/') && f !== 'search/index.html'),
      ),
    ).toEqual([]);
    expect(
      files.filter((f) => f.endsWith('.js') && !f.startsWith('_search/')),
      'scripts no page can load',
    ).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining(['README.txt', 'SHA256SUMS', '_search/search.js', '_search/manifest.js', '404.html']),
    );
    expect(report.missingLinks).toEqual([]);
  });

  it('has no module script and no root-relative or site-absolute URL, and every link opens an existing file', () => {
    const files = new Set(listFiles(folder));
    const problems: string[] = [];
    for (const page of [...files].filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(folder, page), 'utf8');
      if (/<script[^>]*type="?module/iu.test(html) || /modulepreload/iu.test(html))
        problems.push(`${page}: module script`);
      for (const url of pageUrls(page)) {
        if (url.startsWith('#') || /^(mailto|tel|data):/u.test(url)) continue;
        if (url.startsWith('/') || url.startsWith(inject('siteUrl'))) {
          problems.push(`${page}: ${url} is not relative`);
          continue;
        }
        if (/^[a-z]+:/iu.test(url)) continue; // another site
        const target = posix.normalize(
          posix.join(posix.dirname(page), decodeURIComponent(url.replace(/[?#].*$/u, ''))),
        );
        // `files` holds files only: a link to a folder (which needs a server) fails here too.
        if (!files.has(target)) problems.push(`${page}: ${url} → ${target} is not a file of the mirror`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('rewrites stylesheets so that no url() is root-relative', () => {
    for (const css of listFiles(folder).filter((f) => f.endsWith('.css'))) {
      expect(readFileSync(join(folder, css), 'utf8'), css).not.toMatch(/url\(\s*["']?\//u);
    }
  });

  it('gives the search page the offline search instead of Pagefind', () => {
    const html = readFileSync(join(folder, 'search/index.html'), 'utf8');
    expect(html).toContain(
      '<script src="../_search/manifest.js"></script><script src="../_search/search.js"></script>',
    );
    expect(html).not.toContain('pagefind');
    expect(html).toContain('id="search-results"');
    const client = readFileSync(join(folder, '_search/search.js'), 'utf8');
    expect(client).not.toMatch(/\bimport\s*[({"'*]|\bexport\s*[{*]|import\.meta/u);
  });

  it('keeps short links working: the refresh and the link open the document', () => {
    const html = readFileSync(join(folder, 'n/淄政办字-2020-56/index.html'), 'utf8');
    expect(html).toContain('content="0; url=../../2020/07/zzbz-2020-56/index.html"');
    expect(html).toContain('href="../../2020/07/zzbz-2020-56/index.html"');
  });

  it('has a README.txt in Chinese and a SHA256SUMS that sha256sum -c accepts', () => {
    const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
    expect(readme).toContain('《淄博市人民政府公报》离线镜像');
    expect(readme).toContain('镜像日期：2020年6月3日');
    const sums = readFileSync(join(folder, 'SHA256SUMS'), 'utf8');
    const listed = sums
      .trim()
      .split('\n')
      .map((line) => line.slice(66));
    expect(listed).toEqual(listFiles(folder).filter((f) => f !== 'SHA256SUMS'));
    const check = spawnSync('sha256sum', ['--check', '--strict', '--quiet', 'SHA256SUMS'], {
      cwd: folder,
      encoding: 'utf8',
    });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });
});

describe('the zip', () => {
  it('is byte-for-byte the same when the same site is mirrored again', () => {
    expect(report.zipBytes).toBeGreaterThan(0);
    expect(readFileSync(again.zip!).equals(readFileSync(report.zip!))).toBe(true);
  });

  it('holds the mirror folder, file for file', () => {
    const entries = unzipSync(new Uint8Array(readFileSync(report.zip!)));
    const files = listFiles(folder);
    expect(Object.keys(entries)).toEqual(files.map((f) => `${NAME}/${f}`).sort());
    for (const file of files)
      expect(Buffer.from(entries[`${NAME}/${file}`]!).equals(readFileSync(join(folder, file))), file).toBe(true);
  });

  it('reports its size against the site build', () => {
    console.log(
      `mirror: ${report.files} files, ${report.bytes} bytes (zip ${report.zipBytes} bytes); ` +
        `site build: ${report.site.files} files, ${report.site.bytes} bytes; offline search: index ${report.search.indexBytes} bytes ` +
        `in ${report.search.shards} shards, manifest ${report.search.manifestBytes} bytes, client ${report.search.clientBytes} bytes`,
    );
    expect(report.search.documents).toBe(ISSUE_TOC.length);
  });
});

describe('the offline search index', () => {
  let manifest: SearchManifest;
  let shards: Map<number, Shard>;

  beforeAll(() => {
    const sandbox: Record<string, unknown> = {};
    sandbox.self = sandbox;
    for (const file of listFiles(join(folder, '_search')).filter((f) => f !== 'search.js')) {
      runInNewContext(readFileSync(join(folder, '_search', file), 'utf8'), sandbox);
    }
    const registry = sandbox[SEARCH_GLOBAL] as Record<string, unknown>;
    manifest = registry.manifest as SearchManifest;
    shards = new Map(Array.from({ length: manifest.shardCount }, (_, n) => [n, registry[`shard/${n}`] as Shard]));
  });

  const first = (query: string) => {
    const numberQuery = classifyNumberQuery(query);
    const pinned = numberQuery ? lookupNumber(numberQuery, manifest.numbers) : null;
    if (pinned) return pinned.url;
    const { matches } = searchIndex(manifest, shards, {
      text: fullTextQuery(query, numberQuery),
      filters: {},
      sort: 'relevance',
    });
    return matches[0] ? manifest.documents[matches[0].id]!.url : '(none)';
  };

  it.each(TERM_QUERIES)('%s → %s first, as online', (query, slug) => {
    expect(first(query)).toBe(`2020/07/${slug}/index.html`);
  });

  it.each(NUMBER_QUERIES)('document number %s → zzbz-2020-56', (query) => {
    expect(first(query)).toBe('2020/07/zzbz-2020-56/index.html');
  });

  it('has the filters of the online index', () => {
    const keys = new Set(manifest.documents.flatMap((d) => Object.keys(d.filters)));
    expect([...keys]).toEqual(expect.arrayContaining(['year', 'issuer', 'type', 'section']));
  });
});

describe('a mirror of the sub-path build', () => {
  it('has the same files and relative links as the mirror of the root build', async () => {
    const sub = await mirror('sub', inject('outSub'), inject('subBase'));
    expect(sub.missingLinks).toEqual([]);
    expect(listFiles(sub.folder)).toEqual(listFiles(folder));
    const page = '2020/07/zzbz-2020-56/index.html';
    const links = (dir: string) =>
      readFileSync(join(dir, page), 'utf8')
        .match(/(?<=href=")[^"]*(?=")/gu)!
        .filter((h) => !h.startsWith('http'));
    expect(links(sub.folder)).toEqual(links(folder));
  }, 60_000);
});

describe("a mirror of a site that has files by the mirror's own names", () => {
  it('writes its own README.txt, SHA256SUMS and _search/ in their place, each once in the zip', async () => {
    // The mirror folder itself, mirrored again: it has all three already.
    const twice = await mirror('twice', folder);
    expect(twice.leftOut).toEqual(expect.arrayContaining(['README.txt', 'SHA256SUMS', '_search/search.js']));
    const entries = Object.keys(unzipSync(new Uint8Array(readFileSync(twice.zip!))));
    expect(entries.filter((entry) => entry === `${NAME}/README.txt`)).toHaveLength(1);
    expect(entries).toEqual(
      listFiles(twice.folder)
        .map((f) => `${NAME}/${f}`)
        .sort(),
    );
    const check = spawnSync('sha256sum', ['--check', '--strict', '--quiet', 'SHA256SUMS'], {
      cwd: twice.folder,
      encoding: 'utf8',
    });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  }, 60_000);
});
