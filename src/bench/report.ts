/**
 * The benchmark's numbers: where a build's time went (read from Astro's log and the search
 * integration's timing line), and the Markdown report. Pure.
 *
 * Astro prints how long content syncing took (`[types] Generated 26.16s`, which covers the
 * content layer sync: reading and validating the archive, rendering changed Markdown bodies)
 * and how long page generation took (` generating static routes ` … `✓ Completed in 11.77s.`).
 * The search integration writes its own timings to GAZETTE_TIMING_LOG. What remains of the
 * wall time (starting Node and Vite, bundling, writing _headers) is "other".
 */
import type { SearchTiming } from '../search/pagefind/timing';

import { ASTRO_LOG } from '../build/astro-internals';

export interface BuildPhases {
  contentMs: number | null;
  renderMs: number | null;
  searchMs: number | null;
  otherMs: number | null;
  pages: number | null;
  /** Routes generated (pages and files), and how many of them were kept from the previous build. */
  routes: number | null;
  keptRoutes: number | null;
}

function durationMs(match: RegExpMatchArray | null | undefined): number | null {
  if (!match) return null;
  const [, minutes, value, unit] = match;
  return Number(minutes ?? 0) * 60_000 + (unit === 'ms' ? Number(value) : Number(value) * 1000);
}

/** Phases of an `astro build` from its log (colours off) and the search step's timing line. */
export function parseBuildLog(log: string, wallMs: number, searchMs: number | null): BuildPhases {
  // Astro's log lines, as src/build/astro-internals.ts knows them.
  const content = log.match(ASTRO_LOG.contentSynced);
  // The "Completed in" that follows the static-route generation banner.
  const afterBanner = log.split(ASTRO_LOG.generatingBanner)[1];
  const render = afterBanner?.match(ASTRO_LOG.completed);
  const pages = log.match(ASTRO_LOG.pagesBuilt);
  const count = (pattern: RegExp) => (afterBanner === undefined ? null : (afterBanner.match(pattern)?.length ?? 0));
  const contentMs = durationMs(content);
  const renderMs = durationMs(render);
  const known = [contentMs, renderMs, searchMs].reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
  return {
    contentMs,
    renderMs,
    searchMs,
    otherMs: contentMs === null || renderMs === null || searchMs === null ? null : Math.max(0, wallMs - known),
    pages: pages ? Number(pages[1]) : null,
    routes: count(ASTRO_LOG.route),
    keptRoutes: count(ASTRO_LOG.keptRoute),
  };
}

/** The search integration's line in GAZETTE_TIMING_LOG (the last one, if a log holds several). */
export type { SearchTiming };

export function parseTimingLog(text: string): SearchTiming | null {
  const lines = text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { step?: string } & SearchTiming)
    .filter((entry) => entry.step === 'search-index');
  return lines.at(-1) ?? null;
}

/* --------------------------------------------------------------------------------- report */

export interface BuildMeasurement {
  wallMs: number;
  peakRssBytes: number;
  phases: BuildPhases;
  search: SearchTiming | null;
  exitCode: number | null;
}

/**
 * When a search showed its first results, in ms from its start (navigation start on a cold page,
 * submitting the form for a second query in the same page); null when it found nothing.
 */
export interface FirstResults {
  /**
   * To the frame that paints the first result (`li.search-result` in the results list, visible),
   * of either kind: the title pre-answer's (src/search/recent-titles.ts) or the engine's.
   */
  firstResultMs: number | null;
  /** To the frame that paints the first of the engine's (full-text) results. */
  firstFullTextMs: number | null;
}

export interface QueryMeasurement extends FirstResults {
  query: string;
  /** Bytes over the wire as the test server sends them (no compression), headers included, until the network is idle. */
  rawBytes: number;
  /** The same responses' bodies as a CDN sends them (./transfer.ts, `transferBytes`), until the network is idle. */
  gzipBytes: number;
  requests: number;
  /** Bytes (as `gzipBytes`) and requests of the responses that ended before the first result was shown. */
  bytesBeforeFirstResult?: number;
  requestsBeforeFirstResult?: number;
  /** To the search's end (`#search-results[data-state=done]`: every shard answered). */
  doneMs?: number;
  /**
   * Cold page only: to the first page of results computed as the search page did before the
   * newest shard answered first (every shard merged, searched, ten fragments loaded), in a
   * page of its own; the first result shown then waited for this.
   */
  allShardsFirstPageMs?: number;
  /**
   * Cold page only: the first results and `allShardsFirstPageMs` again, each in a cold page of its
   * own, over Chrome DevTools' "Slow 4G" network (150 ms round trips, 1.6 Mbit/s; a phone's).
   */
  slow4g?: FirstResults & { allShardsFirstPageMs: number };
  results: number;
}

/** `pagefind --site <dist>`, the CLI of the npm package's version, on the built pages. */
export interface BaselineMeasurement {
  tool: 'pagefind';
  /** The command as a reader would type it. */
  command: string;
  wallMs: number;
  /** Peak memory of its process tree (the npm wrapper and the binary). */
  peakRssBytes: number;
  exitCode: number | null;
  /** Pages Pagefind says it indexed. */
  pages: number | null;
}

/** A rebuild after adding one issue to the built archive (same caches, same output folder). */
export interface RebuildMeasurement extends BuildMeasurement {
  /** Whether the issue is the next of the newest year or the first of a new year. */
  kind: 'same year' | 'new year';
  /** `2024/17`. */
  issue: string;
}

/** The archive's Markdown files: size distribution (bytes, UTF-8, front matter included) and tables. */
export interface MarkdownSummary {
  documents: number;
  meanBytes: number;
  medianBytes: number;
  p90Bytes: number;
  p99Bytes: number;
  maxBytes: number;
  /** Share of documents with a pipe table. */
  tableShare: number;
}

export interface PageWeight {
  path: string;
  htmlGzipBytes: number;
  cssGzipBytes: number;
  scripts: number;
}

/** `npm run mirror` on the archive, cold (the mirror's site build never uses a cache). */
export interface MirrorMeasurement {
  wallMs: number;
  /** Peak memory of the whole process tree: the mirror command and its site build. */
  peakRssBytes: number;
  exitCode: number | null;
  /** From the mirror's report: its site build, and the rewriting and zipping after it. */
  buildMs: number | null;
  buildPeakRssBytes: number | null;
  mirrorMs: number | null;
  mirrorPeakRssBytes: number | null;
  /** Whether Pagefind ran: a timing line from its step, or a pagefind/ folder in the site build. */
  pagefind: boolean;
  files: number | null;
  bytes: number | null;
  zipBytes: number | null;
}

export interface SizeReport {
  documents: number;
  issues: number;
  years: string;
  contentBytes: number;
  /** Null when only the mirror was measured (`--mirror-only`). */
  build: BuildMeasurement | null;
  /** The generated Markdown (absent in reports from before it was measured). */
  markdown?: MarkdownSummary | null;
  /** `--baseline pagefind`: the Pagefind CLI alone on the same built pages. */
  baseline?: BaselineMeasurement | null;
  /** Rebuilds after one new issue each, in the order run (same caches). */
  rebuilds: RebuildMeasurement[];
  distBytes: number;
  distFiles: number;
  searchBytes: number;
  /** The first document of the newest issue, and the archive's largest document. */
  documentPage: PageWeight | null;
  largestDocumentPage: PageWeight | null;
  coldQueries: QueryMeasurement[];
  secondQueries: QueryMeasurement[];
  /** Absent in reports from before the mirror was measured. */
  mirror?: MirrorMeasurement | null;
}

/** A size's report before anything is measured: every measurement empty. */
export function unmeasuredSize(
  archive: Pick<SizeReport, 'documents' | 'issues' | 'years' | 'contentBytes'>,
): SizeReport {
  return {
    ...archive,
    build: null,
    markdown: null,
    baseline: null,
    rebuilds: [],
    distBytes: 0,
    distFiles: 0,
    searchBytes: 0,
    documentPage: null,
    largestDocumentPage: null,
    coldQueries: [],
    secondQueries: [],
    mirror: null,
  };
}

/** Whether Markdown holds a pipe table (its delimiter row). */
export function hasPipeTable(markdown: string): boolean {
  return /^\|(?: *:?-{3,}:? *\|)+ *$/mu.test(markdown);
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** What the size summary needs of one Markdown file. */
export function markdownFacts(content: string): { bytes: number; table: boolean } {
  return { bytes: Buffer.byteLength(content), table: hasPipeTable(content) };
}

/** The size distribution of Markdown files, from their `markdownFacts`. */
export function summarizeMarkdown(files: Iterable<{ bytes: number; table: boolean }>): MarkdownSummary {
  const sizes: number[] = [];
  let tables = 0;
  for (const { bytes, table } of files) {
    sizes.push(bytes);
    if (table) tables += 1;
  }
  if (sizes.length === 0) throw new Error('summarizeMarkdown: no document');
  sizes.sort((a, b) => a - b);
  return {
    documents: sizes.length,
    meanBytes: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
    medianBytes: percentile(sizes, 0.5),
    p90Bytes: percentile(sizes, 0.9),
    p99Bytes: percentile(sizes, 0.99),
    maxBytes: sizes.at(-1)!,
    tableShare: tables / sizes.length,
  };
}

/** `a` as a multiple of `b`, e.g. 1.71×. */
export function formatRatio(a: number | null | undefined, b: number | null | undefined): string {
  return a === null || a === undefined || !b ? '–' : `${(a / b).toFixed(2)}×`;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  astro: string;
  pagefind: string;
  os: string;
  loadAverage: number[];
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  corpus: string;
  shardDocuments: number;
  /** V8 heap limit given to the builds, when not Node's default. */
  heapMiB: number | null;
  /** Whether the builds used Astro's experimental chunked content data store. */
  chunkedStore: boolean;
  sizes: SizeReport[];
}

const MB = 1024 * 1024;
const REBUILD_KINDS: readonly RebuildMeasurement['kind'][] = ['same year', 'new year'];

export function formatSeconds(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`;
}

export function formatMiB(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '–';
  return bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(2)} GiB` : `${(bytes / MB).toFixed(1)} MiB`;
}

export function formatKB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function formatMs(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '–' : `${Math.round(ms)} ms`;
}

/** Medians of a set of queries (first result, bytes before it, all shards, bytes in all). */
export function querySummary(queries: QueryMeasurement[]): string {
  if (queries.length === 0) return '–';
  const shown = queries.flatMap((q) => (q.firstResultMs === null ? [] : [q.firstResultMs]));
  const before = queries.flatMap((q) => (q.bytesBeforeFirstResult === undefined ? [] : [q.bytesBeforeFirstResult]));
  const done = queries.flatMap((q) => (q.doneMs === undefined ? [] : [q.doneMs]));
  const allShards = queries.flatMap((q) => (q.allShardsFirstPageMs === undefined ? [] : [q.allShardsFirstPageMs]));
  const gz = queries.map((q) => q.gzipBytes);
  const raw = queries.map((q) => q.rawBytes);
  return (
    firstResult(shown) +
    (before.length ? `, ${formatKB(median(before))} gz before it (max ${formatKB(Math.max(...before))})` : '') +
    (done.length ? `; all shards ${formatMs(median(done))}` : '') +
    (allShards.length ? asBefore(shown, allShards) : '') +
    firstFullText(queries, allShards) +
    `; in all ${formatKB(median(gz))} gz / ${formatKB(median(raw))} raw (max ${formatKB(Math.max(...gz))} gz)`
  );
}

/** The median first result and the slowest. */
function firstResult(shown: number[]): string {
  return `first result ${shown.length ? `${formatMs(median(shown))} (max ${formatMs(Math.max(...shown))})` : '–'}`;
}

/** The median first full-text result when a title pre-answer came before it, and its share of the old way's. */
function firstFullText(queries: FirstResults[], allShards: number[]): string {
  if (!queries.some((q) => q.firstFullTextMs !== q.firstResultMs)) return '';
  const fullText = queries.flatMap((q) => (q.firstFullTextMs === null ? [] : [q.firstFullTextMs]));
  if (fullText.length === 0) return '';
  return (
    `; first full-text result ${formatMs(median(fullText))}` +
    (allShards.length ? ` (${formatRatio(median(fullText), median(allShards))} of the old way)` : '')
  );
}

/** The old way's median (every shard awaited), and the first result's share of it. */
function asBefore(shown: number[], allShards: number[]): string {
  return (
    `; waiting for every shard, as before: ${formatMs(median(allShards))}` +
    (shown.length ? ` (first result in ${formatRatio(median(shown), median(allShards))} of it)` : '')
  );
}

/** Medians of the cold queries over "Slow 4G": first result, and every shard awaited as before. */
export function slowNetworkSummary(queries: QueryMeasurement[]): string {
  const measured = queries.flatMap((q) => (q.slow4g ? [q.slow4g] : []));
  if (measured.length === 0) return '–';
  const shown = measured.flatMap((m) => (m.firstResultMs === null ? [] : [m.firstResultMs]));
  const allShards = measured.map((m) => m.allShardsFirstPageMs);
  return firstResult(shown) + asBefore(shown, allShards) + firstFullText(measured, allShards);
}

function pageWeight(page: PageWeight | null): string {
  if (!page) return '–';
  return `${formatKB(page.htmlGzipBytes + page.cssGzipBytes)} (${formatKB(page.htmlGzipBytes)} + ${formatKB(page.cssGzipBytes)}); ${page.scripts} scripts`;
}

function pagesPerSecond(build: BuildMeasurement | null): string {
  if (!build) return '–';
  const { pages, renderMs } = build.phases;
  if (!pages || !renderMs) return '–';
  return `${Math.round(pages / (renderMs / 1000))} (${Math.round(pages / (build.wallMs / 1000))} over the whole build)`;
}

/** The report as Markdown: one column per archive size. */
export function formatMarkdown(report: BenchReport): string {
  const { machine, sizes } = report;
  const row = (label: string, cell: (size: SizeReport) => string) =>
    `| ${label} | ${sizes.map((size) => cell(size)).join(' | ')} |`;
  const build = (b: BuildMeasurement | null, f: (b: BuildMeasurement) => string) => (b ? f(b) : '–');
  const mirror = (m: MirrorMeasurement | null | undefined, f: (m: MirrorMeasurement) => string) => (m ? f(m) : '–');
  const baseline = (p: BaselineMeasurement | null | undefined, f: (p: BaselineMeasurement) => string) =>
    p ? f(p) : '–';
  const lines = [
    `# Benchmark ${report.startedAt.slice(0, 10)}`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${formatMiB(machine.memoryBytes)} memory, ${machine.os}; ` +
      `Node ${machine.node}, Astro ${machine.astro}, Pagefind ${machine.pagefind}. ` +
      `Load average at start: ${machine.loadAverage.map((l) => l.toFixed(2)).join(', ')} (the machine is shared; times include waiting for the CPU).`,
    '',
    `Text: ${report.corpus}. Search shards of at most ${report.shardDocuments} documents.` +
      (report.heapMiB ? ` Builds ran with NODE_OPTIONS=--max-old-space-size=${report.heapMiB}.` : '') +
      (report.chunkedStore
        ? " Astro's content data store was chunked (experimental.collectionStorage: 'chunked')."
        : ''),
    '',
    `| | ${sizes.map((s) => `${s.documents.toLocaleString('en')} documents`).join(' | ')} |`,
    `| --- | ${sizes.map(() => '---').join(' | ')} |`,
    row('issues (years)', (s) => `${s.issues} (${s.years})`),
    row('content (Markdown)', (s) => formatMiB(s.contentBytes)),
    row('Markdown per document: mean / median / p90 / p99 / max; with a table', (s) =>
      s.markdown
        ? `${[s.markdown.meanBytes, s.markdown.medianBytes, s.markdown.p90Bytes, s.markdown.p99Bytes, s.markdown.maxBytes].map(formatKB).join(' / ')}; ${(s.markdown.tableShare * 100).toFixed(1)} %`
        : '–',
    ),
    row('**full build, wall**', (s) =>
      build(s.build, (b) => `**${formatSeconds(b.wallMs)}**${b.exitCode === 0 ? '' : ` (exit ${b.exitCode})`}`),
    ),
    row('– content loading', (s) => formatSeconds(s.build?.phases.contentMs)),
    row('– page rendering', (s) => formatSeconds(s.build?.phases.renderMs)),
    row('– search indexing', (s) => formatSeconds(s.build?.phases.searchMs)),
    row('– other (start-up, bundling)', (s) => formatSeconds(s.build?.phases.otherMs)),
    row('pages (per second of rendering)', (s) => `${s.build?.phases.pages ?? '–'}: ${pagesPerSecond(s.build)}`),
    row('**peak memory (RSS, all processes)**', (s) => build(s.build, (b) => `**${formatMiB(b.peakRssBytes)}**`)),
    row('search shards', (s) => String(s.build?.search?.shards ?? '–')),
    row('**Pagefind CLI alone on the same pages, wall**', (s) =>
      baseline(s.baseline, (p) => `**${formatSeconds(p.wallMs)}**${p.exitCode === 0 ? '' : ` (exit ${p.exitCode})`}`),
    ),
    row('– its peak memory (RSS, all processes); pages indexed', (s) =>
      baseline(s.baseline, (p) => `${formatMiB(p.peakRssBytes)}; ${p.pages?.toLocaleString('en') ?? '–'}`),
    ),
    row('**full build ÷ Pagefind CLI alone**', (s) =>
      baseline(s.baseline, (p) => `**${formatRatio(s.build?.wallMs, p.exitCode === 0 ? p.wallMs : null)}**`),
    ),
    row('`dist/` (apparent)', (s) => `${formatMiB(s.distBytes)} in ${s.distFiles.toLocaleString('en')} files`),
    row('search index (apparent)', (s) => formatMiB(s.searchBytes)),
    row('document page (HTML + CSS, gzip; scripts)', (s) => pageWeight(s.documentPage)),
    row('largest document page', (s) => pageWeight(s.largestDocumentPage)),
    row('**first query, cold page** (median)', (s) => querySummary(s.coldQueries)),
    row('**first query, cold page, "Slow 4G" network** (median)', (s) => slowNetworkSummary(s.coldQueries)),
    row('**second query, warm page** (median)', (s) => querySummary(s.secondQueries)),
    ...REBUILD_KINDS.flatMap((kind) => {
      const rebuild = (s: SizeReport, f: (b: RebuildMeasurement) => string) => {
        const measured = s.rebuilds.find((r) => r.kind === kind);
        return measured ? f(measured) : '–';
      };
      return [
        row(`**rebuild after one new issue, ${kind}, wall**`, (s) =>
          rebuild(
            s,
            (b) =>
              `**${formatSeconds(b.wallMs)}** = **${formatRatio(b.wallMs, s.build?.wallMs)}** the full build (issue ${b.issue})` +
              (b.exitCode === 0 ? '' : ` (exit ${b.exitCode})`),
          ),
        ),
        row('– content / rendering / search / other', (s) =>
          rebuild(
            s,
            (b) =>
              `${formatSeconds(b.phases.contentMs)} / ${formatSeconds(b.phases.renderMs)} / ${formatSeconds(b.phases.searchMs)} / ${formatSeconds(b.phases.otherMs)}`,
          ),
        ),
        row('– routes kept from the previous build', (s) =>
          rebuild(s, (b) =>
            // Reports written before this row have no count.
            typeof b.phases.keptRoutes === 'number' && typeof b.phases.routes === 'number'
              ? `${b.phases.keptRoutes.toLocaleString('en')} of ${b.phases.routes.toLocaleString('en')}`
              : '–',
          ),
        ),
        row('– shards re-indexed', (s) =>
          rebuild(s, (b) => (b.search ? `**${b.search.rebuiltShards}** of ${b.search.shards}` : '–')),
        ),
        row('– peak memory', (s) => rebuild(s, (b) => formatMiB(b.peakRssBytes))),
      ];
    }),
    row('**mirror (`npm run mirror`), wall**', (s) =>
      mirror(s.mirror, (m) => `**${formatSeconds(m.wallMs)}**${m.exitCode === 0 ? '' : ` (exit ${m.exitCode})`}`),
    ),
    row('– site build / rewriting and zipping', (s) =>
      mirror(s.mirror, (m) => `${formatSeconds(m.buildMs)} / ${formatSeconds(m.mirrorMs)}`),
    ),
    row('– **peak memory, all processes**', (s) =>
      mirror(
        s.mirror,
        (m) =>
          `**${formatMiB(m.peakRssBytes)}** (site build ${formatMiB(m.buildPeakRssBytes)}, rewriting and zipping ${formatMiB(m.mirrorPeakRssBytes)})`,
      ),
    ),
    row('– Pagefind run', (s) => mirror(s.mirror, (m) => (m.pagefind ? '**yes**' : 'no'))),
    row('– mirror folder; zip', (s) =>
      mirror(
        s.mirror,
        (m) => `${formatMiB(m.bytes)} in ${m.files?.toLocaleString('en') ?? '–'} files; ${formatMiB(m.zipBytes)}`,
      ),
    ),
    '',
  ];
  const cells = (q: QueryMeasurement) =>
    `${formatMs(q.firstResultMs)}${q.firstFullTextMs !== q.firstResultMs ? ` (full text ${formatMs(q.firstFullTextMs)})` : ''} | ${q.bytesBeforeFirstResult === undefined ? '–' : formatKB(q.bytesBeforeFirstResult)} | ` +
    `${formatMs(q.doneMs)} | ${formatKB(q.gzipBytes)} | ${formatKB(q.rawBytes)} | ${q.requests}`;
  for (const size of sizes) {
    if (size.coldQueries.length === 0) continue;
    lines.push(
      `Queries on ${size.documents.toLocaleString('en')} documents (cold page, then a second query in the same page; ` +
        'first result = the frame that paints the first result; gzip before it = responses ended by then):',
      '',
      '| query (cold) | results | first result | gzip before it | all shards | gzip in all | raw in all | requests | ' +
        'second query (warm) | first result | gzip before it | all shards | gzip in all | raw in all | requests |',
      `| ${Array.from({ length: 15 }, () => '---').join(' | ')} |`,
    );
    size.coldQueries.forEach((cold, i) => {
      const second = size.secondQueries[i];
      lines.push(
        `| ${cold.query} | ${cold.results} | ${cells(cold)} | ` +
          (second ? `${second.query} (${second.results}) | ${cells(second)} |` : `${Array(7).fill('–').join(' | ')} |`),
      );
    });
    lines.push('');
  }
  return lines.join('\n');
}
