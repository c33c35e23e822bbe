/**
 * Measures ranking on a title archive (./title-archive.ts): runs each case's query through the
 * real search page in headless Chromium (Pagefind, as a reader sees it) and through the offline
 * mirror's engine (its index written from the same build's search records, as `npm run mirror`
 * writes it), and tells which document comes first. `scripts/title-ranking.ts` prints the
 * figures; tests/e2e/title-ranking.test.ts holds a small archive to them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Browser } from 'playwright-core';
import { RESULTS_DONE } from '../../tests/helpers/archive';
import { launchBrowser } from '../../tests/helpers/browser';
import { startServer } from '../../tests/helpers/serve';
import { searchIndex } from '../search/offline/engine';
import { SEARCH_GLOBAL } from '../search/offline/files';
import { writeSearchIndex, type SearchManifest, type Shard } from '../search/offline/offline-index';
import { readSearchRecords } from '../search/records';
import { classifyNumberQuery, fullTextQuery } from '../search/state';
import type { GeneratedFile } from './generate';
import type { RankingCase, RankingCaseKind } from './title-archive';

export interface CaseResult extends RankingCase {
  /** The id of the document shown first (null: no result). */
  first: string | null;
  /** 1-based position of the expected document among the results read (null: not among them). */
  rank: number | null;
}

/** Writes an archive's files under a content folder. */
export function writeArchiveFiles(contentDir: string, files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const path = join(contentDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}

/** A document's id from a result's URL or a page path: `/2020/07/x/`, `2020/07/x/index.html` → `2020/07/x`. */
export function documentIdOf(url: string): string {
  return new URL(url, 'http://site/').pathname.replace(/index\.html$/u, '').replace(/^\/+|\/+$/gu, '');
}

function resultOf(testCase: RankingCase, ids: readonly string[]): CaseResult {
  const at = ids.indexOf(testCase.expected);
  return { ...testCase, first: ids[0] ?? null, rank: at >= 0 ? at + 1 : null };
}

/** The cases through the built site's search page (served at `/`), one fresh page each. */
export async function rankOnline(
  siteDir: string,
  cases: readonly RankingCase[],
  browser?: Browser,
): Promise<CaseResult[]> {
  const server = await startServer(siteDir, '/');
  const own = browser ? null : await launchBrowser();
  try {
    const context = await (browser ?? own)!.newContext({ locale: 'zh-CN' });
    const results: CaseResult[] = [];
    for (const testCase of cases) {
      const page = await context.newPage();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(testCase.query)}`);
      await page.locator(RESULTS_DONE).waitFor({ state: 'attached', timeout: 60_000 });
      // (No helper functions inside: tsx would name them with a __name the page does not have.)
      const hrefs = await page
        .locator('ol#search-results > li.search-result a.result-title')
        .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
      results.push(resultOf(testCase, hrefs.map(documentIdOf)));
      await page.close();
    }
    await context.close();
    return results;
  } finally {
    await own?.close();
    await server.close();
  }
}

/**
 * The offline mirror's index of a built site, in memory: written by writeSearchIndex (what
 * `npm run mirror` runs) from the site's search records, and read back as the page would.
 */
export async function offlineIndex(siteDir: string): Promise<{ manifest: SearchManifest; shards: Map<number, Shard> }> {
  const sandbox: Record<string, unknown> = {};
  sandbox.self = sandbox;
  await writeSearchIndex(
    () => readSearchRecords(siteDir),
    async (path, content) => {
      if (!path.startsWith('texts/')) runInNewContext(content, sandbox);
    },
  );
  const registry = sandbox[SEARCH_GLOBAL] as Record<string, unknown>;
  const manifest = registry.manifest as SearchManifest;
  const shards = new Map(Array.from({ length: manifest.shardCount }, (_, n) => [n, registry[`shard/${n}`] as Shard]));
  return { manifest, shards };
}

/** The cases through the offline engine, as the mirror's search page runs it (first ten results). */
export async function rankOffline(siteDir: string, cases: readonly RankingCase[]): Promise<CaseResult[]> {
  const { manifest, shards } = await offlineIndex(siteDir);
  return cases.map((testCase) => {
    const { matches } = searchIndex(manifest, shards, {
      text: fullTextQuery(testCase.query, classifyNumberQuery(testCase.query)),
      filters: {},
      sort: 'relevance',
    });
    return resultOf(
      testCase,
      matches.slice(0, 10).map((match) => documentIdOf(manifest.documents[match.id]!.url)),
    );
  });
}

/** Cases whose expected document came first, by kind. */
export function tally(results: readonly CaseResult[]): Record<RankingCaseKind, { first: number; of: number }> {
  const counts = {} as Record<RankingCaseKind, { first: number; of: number }>;
  for (const result of results) {
    const entry = (counts[result.kind] ??= { first: 0, of: 0 });
    entry.of += 1;
    if (result.rank === 1) entry.first += 1;
  }
  return counts;
}

/** One line per kind (`title 29/30`), then each miss with what came first instead. */
export function formatResults(label: string, results: readonly CaseResult[]): string {
  const lines = Object.entries(tally(results)).map(([kind, { first, of }]) => `${label} ${kind}: ${first}/${of} first`);
  for (const result of results.filter((r) => r.rank !== 1)) {
    lines.push(
      `  miss ${result.query} → ${result.first ?? '(nothing)'}; expected ${result.expected} at ${result.rank ?? 'not in the first page'}`,
    );
  }
  return lines.join('\n');
}
