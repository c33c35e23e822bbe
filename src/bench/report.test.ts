import { describe, expect, it } from 'vitest';
import {
  formatMarkdown,
  parseBuildLog,
  parseTimingLog,
  unmeasuredSize,
  type BenchReport,
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
    });
  });

  it('reads minutes', () => {
    const log = '[types] Generated 1m 2.5s\n generating static routes \n✓ Completed in 1m 13s.\n';
    expect(parseBuildLog(log, 200_000, 1000)).toMatchObject({ contentMs: 62_500, renderMs: 73_000 });
  });

  it('reads milliseconds and leaves out what the log lacks', () => {
    const phases = parseBuildLog('[types] Generated 950ms\n', 2000, null);
    expect(phases).toEqual({ contentMs: 950, renderMs: null, searchMs: null, otherMs: null, pages: null });
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
      rebuild: { ...build, wallMs: 12_000 },
      distBytes: 2 ** 30,
      distFiles: 30_000,
      searchBytes: 80 * 2 ** 20,
      documentPage: { path: '2025/16/x', htmlGzipBytes: 5000, cssGzipBytes: 3000, scripts: 0 },
      largestDocumentPage: { path: '2001/03/y', htmlGzipBytes: 12000, cssGzipBytes: 3000, scripts: 0 },
      coldQueries: [
        { query: '税收', rawBytes: 300_000, gzipBytes: 200_000, requests: 30, firstResultMs: 420, results: 12 },
      ],
      secondQueries: [
        { query: '人民政府', rawBytes: 60_000, gzipBytes: 50_000, requests: 9, firstResultMs: 90, results: 40 },
      ],
    };
    const report = reportOf([size]);
    const markdown = formatMarkdown(report);
    expect(markdown).toContain('| | 10,000 documents |');
    expect(markdown).toContain('| **full build, wall** | **60.0 s** |');
    expect(markdown).toContain('| **peak memory (RSS, all processes)** | **3.00 GiB** |');
    expect(markdown).toContain('| **rebuild after one new issue, wall** | **12.0 s** |');
    expect(markdown).toContain('200.0 KB gz / 300.0 KB raw');
    expect(markdown).toContain(
      '| 税收 | 12 | 200.0 KB | 300.0 KB | 30 | 420 ms | 人民政府 (40) | 50.0 KB | 60.0 KB | 9 | 90 ms |',
    );
    expect(markdown).toContain('8.0 KB (5.0 KB + 3.0 KB); 0 scripts');
    expect(markdown).toContain('| largest document page | 15.0 KB (12.0 KB + 3.0 KB); 0 scripts |');
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
