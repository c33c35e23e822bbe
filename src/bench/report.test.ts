import { describe, expect, it } from 'vitest';
import {
  formatMarkdown,
  formatRatio,
  hasPipeTable,
  markdownFacts,
  parseBuildLog,
  summarizeMarkdown,
  parseTimingLog,
  unmeasuredSize,
  type BenchReport,
  type BuildPhases,
  type SizeReport,
} from './report';

const LOG = `08:38:39 [content] Syncing content
08:39:02 [content] Synced content
08:39:02 [types] Generated 26.16s
08:39:06 [vite] ✓ built in 3.48s

 generating static routes 
08:39:17   ├─ /2023/23/szr-2023-369/index.html (+1ms)
08:39:18 ✓ Completed in 11.77s.

08:39:18 [build] ✓ Completed in 15.55s.
08:39:56 [build] 4217 page(s) built in 1m 20s
`;

describe('parseBuildLog', () => {
  it('splits the wall time into content, rendering, search and the rest', () => {
    expect(parseBuildLog(LOG, 80_000, 38_189)).toEqual({
      contentMs: 26_160,
      renderMs: 11_770,
      searchMs: 38_189,
      otherMs: 80_000 - 26_160 - 11_770 - 38_189,
      pages: 4217,
      routes: 1,
      keptRoutes: 0,
    });
  });

  it('reads minutes', () => {
    const log = '[types] Generated 1m 2.5s\n generating static routes \n✓ Completed in 1m 13s.\n';
    expect(parseBuildLog(log, 200_000, 1000)).toMatchObject({ contentMs: 62_500, renderMs: 73_000 });
  });

  it('reads milliseconds and leaves out what the log lacks', () => {
    const phases = parseBuildLog('[types] Generated 950ms\n', 2000, null);
    expect(phases).toEqual({
      contentMs: 950,
      renderMs: null,
      searchMs: null,
      otherMs: null,
      pages: null,
      routes: null,
      keptRoutes: null,
    });
  });
});

describe('parseBuildLog on a rebuild', () => {
  it('counts the routes generated and those kept from the previous build', () => {
    const log = `${LOG.split('08:39:17')[0]}08:39:17   ├─ /a/index.html (cached)\n  ├─ /b.json  ├─ /c/index.html (restored)\n (+3ms) \n08:39:18 ✓ Completed in 1.2s.\n`;
    expect(parseBuildLog(log, 10_000, 1000)).toMatchObject({ renderMs: 1200, routes: 3, keptRoutes: 2 });
  });
});

describe('parseTimingLog', () => {
  it('takes the last search step', () => {
    const line = (ms: number) => JSON.stringify({ step: 'search-index', totalMs: ms, shards: 2 });
    expect(parseTimingLog(`${line(1)}\n${JSON.stringify({ step: 'other' })}\n${line(2)}\n`)?.totalMs).toBe(2);
    expect(parseTimingLog('')).toBeNull();
  });
});

/** A report of the given sizes on a fixed machine. */
function reportOf(sizes: SizeReport[]): BenchReport {
  return {
    startedAt: '2026-11-27T09:00:00.000Z',
    finishedAt: '2026-11-27T10:00:00.000Z',
    machine: {
      cpu: 'AMD EPYC',
      cores: 2,
      memoryBytes: 24 * 2 ** 30,
      node: 'v24',
      astro: '7.3.5',
      pagefind: '1.6.0',
      os: 'Linux',
      loadAverage: [1, 2, 3],
    },
    corpus: 'test',
    shardDocuments: 2500,
    heapMiB: null,
    chunkedStore: false,
    sizes,
  };
}

describe('summarizeMarkdown', () => {
  it('gives the mean, nearest-rank percentiles, the largest and the share with a table', () => {
    const plain = 'x'.repeat(1000);
    const table = `${'x'.repeat(1000)}\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n`;
    const files = [...Array.from({ length: 99 }, (_, i) => `${plain}${'y'.repeat(i * 10)}`), table];
    const summary = summarizeMarkdown(files.map(markdownFacts));
    expect(summary).toEqual({
      documents: 100,
      meanBytes: Math.round((99 * 1000 + (10 * (98 * 99)) / 2 + Buffer.byteLength(table)) / 100),
      // Ranks 50, 90 and 99 of 100; the table's file (1,038 bytes) sorts fifth.
      medianBytes: 1480,
      p90Bytes: 1880,
      p99Bytes: 1970,
      maxBytes: 1980,
      tableShare: 0.01,
    });
    expect(summarizeMarkdown([{ bytes: 3, table: false }])).toMatchObject({ medianBytes: 3, p99Bytes: 3, maxBytes: 3 });
    expect(() => summarizeMarkdown([])).toThrow(/no document/u);
  });

  it('counts UTF-8 bytes and tables by their delimiter row', () => {
    expect(markdownFacts('公报')).toEqual({ bytes: 6, table: false });
    expect(hasPipeTable('| 序号 | 任务 |\n| :---: | --- |\n| 1 | x |')).toBe(true);
    expect(hasPipeTable('a | b\n---')).toBe(false);
  });
});

describe('formatRatio', () => {
  it('writes a multiple with two decimals, or a dash without both figures', () => {
    expect(formatRatio(426, 249)).toBe('1.71×');
    expect(formatRatio(null, 249)).toBe('–');
    expect(formatRatio(1, 0)).toBe('–');
  });
});

describe('formatMarkdown', () => {
  it('writes one column per size with the budget rows', () => {
    const build = {
      wallMs: 60_000,
      peakRssBytes: 3 * 2 ** 30,
      exitCode: 0,
      search: null,
      phases: parseBuildLog(LOG, 60_000, 10_000),
    };
    const size: SizeReport = {
      documents: 10_000,
      issues: 1000,
      years: '1984–2025, 24 a year',
      contentBytes: 50 * 2 ** 20,
      build,
      markdown: {
        documents: 10_000,
        meanBytes: 10_050,
        medianBytes: 7_600,
        p90Bytes: 19_900,
        p99Bytes: 39_600,
        maxBytes: 60_600,
        tableShare: 0.1975,
      },
      baseline: {
        tool: 'pagefind',
        command: 'npx pagefind@1.6.0 --site /w/dist --output-path /w/baseline-pagefind',
        wallMs: 40_000,
        peakRssBytes: 6 * 2 ** 30,
        exitCode: 0,
        pages: 10_000,
      },
      rebuilds: [
        {
          ...build,
          kind: 'same year',
          issue: '2024/17',
          wallMs: 12_000,
          search: {
            totalMs: 3000,
            scanMs: 1000,
            indexingMs: 2000,
            documents: 10_010,
            shards: 5,
            rebuiltShards: 1,
            parallel: 1,
            bytes: 1,
          },
        },
        {
          ...build,
          kind: 'new year',
          issue: '2025/01',
          wallMs: 15_000,
          search: {
            totalMs: 9000,
            scanMs: 1000,
            indexingMs: 8000,
            documents: 10_020,
            shards: 5,
            rebuiltShards: 2,
            parallel: 2,
            bytes: 1,
          },
        },
      ],
      distBytes: 2 ** 30,
      distFiles: 30_000,
      searchBytes: 80 * 2 ** 20,
      documentPage: { path: '2025/16/x', htmlGzipBytes: 5000, cssGzipBytes: 3000, scripts: 0 },
      largestDocumentPage: { path: '2001/03/y', htmlGzipBytes: 12000, cssGzipBytes: 3000, scripts: 0 },
      coldQueries: [
        {
          query: '税收',
          rawBytes: 300_000,
          gzipBytes: 200_000,
          requests: 30,
          firstResultMs: 420,
          firstFullTextMs: 420,
          bytesBeforeFirstResult: 120_000,
          requestsBeforeFirstResult: 12,
          doneMs: 900,
          allShardsFirstPageMs: 1050,
          slow4g: { firstResultMs: 2500, firstFullTextMs: 2500, allShardsFirstPageMs: 6000 },
          results: 12,
        },
      ],
      secondQueries: [
        {
          query: '人民政府',
          rawBytes: 60_000,
          gzipBytes: 50_000,
          requests: 9,
          firstResultMs: 90,
          firstFullTextMs: 90,
          bytesBeforeFirstResult: 20_000,
          requestsBeforeFirstResult: 4,
          doneMs: 200,
          results: 40,
        },
      ],
    };
    const report = reportOf([size]);
    const markdown = formatMarkdown(report);
    expect(markdown).toContain('| | 10,000 documents |');
    expect(markdown).toContain('| **full build, wall** | **60.0 s** |');
    expect(markdown).toContain('| **peak memory (RSS, all processes)** | **3.00 GiB** |');
    expect(markdown).toContain(
      '| Markdown per document: mean / median / p90 / p99 / max; with a table | 10.1 KB / 7.6 KB / 19.9 KB / 39.6 KB / 60.6 KB; 19.8 % |',
    );
    expect(markdown).toContain('| **Pagefind CLI alone on the same pages, wall** | **40.0 s** |');
    expect(markdown).toContain('| – its peak memory (RSS, all processes); pages indexed | 6.00 GiB; 10,000 |');
    expect(markdown).toContain('| **full build ÷ Pagefind CLI alone** | **1.50×** |');
    expect(markdown).toContain(
      '| **rebuild after one new issue, same year, wall** | **12.0 s** = **0.20×** the full build (issue 2024/17) |',
    );
    expect(markdown).toContain(
      '| **rebuild after one new issue, new year, wall** | **15.0 s** = **0.25×** the full build (issue 2025/01) |',
    );
    expect(markdown).toContain('| – shards re-indexed | **1** of 5 |');
    expect(markdown).toContain('| – shards re-indexed | **2** of 5 |');
    // The build's log has one route, not kept; a report written before the count has none.
    expect(markdown).toContain('| – routes kept from the previous build | 0 of 1 |');
    const older = structuredClone(size);
    for (const rebuild of older.rebuilds) delete (rebuild.phases as Partial<BuildPhases>).keptRoutes;
    expect(formatMarkdown(reportOf([older]))).toContain('| – routes kept from the previous build | – |');
    expect(markdown).toContain(
      '| **first query, cold page** (median) | first result 420 ms (max 420 ms), 120.0 KB gz before it (max 120.0 KB); all shards 900 ms; waiting for every shard, as before: 1050 ms (first result in 0.40× of it); in all 200.0 KB gz / 300.0 KB raw (max 200.0 KB gz) |',
    );
    expect(markdown).toContain(
      '| **first query, cold page, "Slow 4G" network** (median) | first result 2500 ms (max 2500 ms); waiting for every shard, as before: 6000 ms (first result in 0.42× of it) |',
    );
    expect(markdown).toContain(
      '| 税收 | 12 | 420 ms | 120.0 KB | 900 ms | 200.0 KB | 300.0 KB | 30 | 人民政府 (40) | 90 ms | 20.0 KB | 200 ms | 50.0 KB | 60.0 KB | 9 |',
    );
    expect(markdown).toContain('8.0 KB (5.0 KB + 3.0 KB); 0 scripts');
    expect(markdown).toContain('| largest document page | 15.0 KB (12.0 KB + 3.0 KB); 0 scripts |');

    // A title pre-answer came first: the full-text result's time is told too, beside the old way's.
    const preAnswered = structuredClone(size);
    preAnswered.coldQueries[0]!.firstResultMs = 300;
    preAnswered.coldQueries[0]!.firstFullTextMs = 700;
    preAnswered.coldQueries[0]!.slow4g = { firstResultMs: 1500, firstFullTextMs: 4200, allShardsFirstPageMs: 6000 };
    const withTitles = formatMarkdown(reportOf([preAnswered]));
    expect(withTitles).toContain(
      'waiting for every shard, as before: 1050 ms (first result in 0.29× of it); first full-text result 700 ms (0.67× of the old way); in all',
    );
    expect(withTitles).toContain(
      '(first result in 0.25× of it); first full-text result 4200 ms (0.70× of the old way) |',
    );
    expect(withTitles).toContain('| 税收 | 12 | 300 ms (full text 700 ms) | 120.0 KB |');
  });

  it('adds the mirror rows, and leaves the build rows empty when only the mirror was measured', () => {
    const size: SizeReport = {
      ...unmeasuredSize({ documents: 10_000, issues: 1000, years: '1984–2025, 24 a year', contentBytes: 50 * 2 ** 20 }),
      mirror: {
        wallMs: 90_000,
        peakRssBytes: 1.25 * 2 ** 30,
        exitCode: 0,
        buildMs: 60_000,
        buildPeakRssBytes: 1.25 * 2 ** 30,
        mirrorMs: 30_000,
        mirrorPeakRssBytes: 512 * 2 ** 20,
        pagefind: false,
        files: 47_000,
        bytes: 400 * 2 ** 20,
        zipBytes: 60 * 2 ** 20,
      },
    };
    const report = reportOf([
      size,
      { ...size, documents: 50_000, mirror: { ...size.mirror!, pagefind: true, exitCode: 1 } },
    ]);
    const markdown = formatMarkdown(report);
    expect(markdown).toContain('| **full build, wall** | – | – |');
    expect(markdown).toContain('| **peak memory (RSS, all processes)** | – | – |');
    expect(markdown).toContain('| **mirror (`npm run mirror`), wall** | **90.0 s** | **90.0 s** (exit 1) |');
    expect(markdown).toContain('| – site build / rewriting and zipping | 60.0 s / 30.0 s |');
    expect(markdown).toContain(
      '| – **peak memory, all processes** | **1.25 GiB** (site build 1.25 GiB, rewriting and zipping 512.0 MiB) |',
    );
    expect(markdown).toContain('| – Pagefind run | no | **yes** |');
    expect(markdown).toContain('| – mirror folder; zip | 400.0 MiB in 47,000 files; 60.0 MiB |');
  });
});
