/**
 * npm run mirror [-- --out <dir>] [--no-zip] [--report <file.json>]
 *
 * Builds the archive as an offline mirror (src/mirror/mirror.ts): reads and checks
 * content/, builds the site with Astro into a temporary folder (base /, document statuses as
 * of the mirror's date, no Pagefind index: the mirror has its own), rewrites it for file://,
 * and writes <out>/<gazette>-mirror-<date>/ and its zip. <out> defaults to GAZETTE_MIRROR_DIR
 * or mirror/ (in the project). --report writes what was made, and how long each step took,
 * as JSON (the benchmark reads it).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runAstroBuild } from '../src/bench/run-build';
import { publishedUrl } from '../src/mirror/archive-info';
import { createMirror, type MirrorReport } from '../src/mirror/mirror';
import { readArchiveFacts, type ArchiveFacts } from '../src/mirror/archive-facts';
import { invocationDir, parseCommandLine, toolConfig } from './invocation';

export const REPO_ROOT = resolve(import.meta.dirname, '..');

export interface BuiltMirror {
  facts: ArchiveFacts;
  report: MirrorReport;
  /** Wall time of the site build and of the rewriting and zipping. */
  buildMs: number;
  mirrorMs: number;
  /** Peak memory of the site build (its process tree). */
  buildPeakRssBytes: number;
  /** Whether the site build made a Pagefind index (it should not: the mirror leaves it out). */
  pagefind: boolean;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/**
 * Old-space limit (MiB) of the site build's V8 heap. Uncapped, V8 lets the heap of a
 * 10,000-document build grow to 1.61 GiB of RSS before it collects; its live data is far less,
 * and capped it collects earlier and the build finishes the same (README, "Measured").
 * A --max-old-space-size in the caller's NODE_OPTIONS comes after this one and wins.
 */
const SITE_BUILD_HEAP_MIB = 512;

/** Astro's warnings and errors in a build log (the rest lists every page). */
function problemLines(log: string): string {
  return log
    .split('\n')
    .filter((line) => /\[(?:WARN|ERROR)\]|^\s*error\b/iu.test(line))
    .join('\n');
}

/** Builds the site into a temporary folder and turns it into the mirror in `outDir`. */
export async function buildMirror(outDir: string, { zip = true } = {}): Promise<BuiltMirror> {
  const { site: settings, content } = toolConfig(REPO_ROOT);
  // Stops with the archive reader's located problems if content/ is broken.
  const facts = await readArchiveFacts(
    content.dir,
    process.env.GAZETTE_BUILD_DATE,
    publishedUrl(settings.site, settings.base),
  );
  const { date, name } = facts;
  // Inside the project: for an outDir elsewhere, Astro puts its prerender chunks in the shared
  // .astro/ (where builds running at the same time delete each other's files), or, run from
  // another folder, where they cannot import the project's packages.
  const cache = join(REPO_ROOT, 'node_modules/.cache/gazette-mirror');
  await mkdir(cache, { recursive: true });
  const siteDir = await mkdtemp(join(cache, 'build-'));
  try {
    // Statuses (已失效) are as of the mirror's date. A data store of its own too: builds
    // running at the same time would read each other's. No Pagefind: the mirror leaves its
    // index out and writes its own.
    const built = await runAstroBuild({
      repoRoot: REPO_ROOT,
      env: {
        ...process.env,
        GAZETTE_OUT_DIR: siteDir,
        GAZETTE_CACHE_DIR: `${siteDir}-astro-cache`,
        GAZETTE_BASE: '/',
        GAZETTE_BUILD_DATE: date,
        GAZETTE_PAGEFIND: '0',
        NODE_OPTIONS: `--max-old-space-size=${SITE_BUILD_HEAP_MIB} ${process.env.NODE_OPTIONS ?? ''}`.trim(),
      },
    });
    if (built.exitCode !== 0)
      throw new Error(
        `astro build exited with ${built.exitCode}:\n${built.log.trim().split('\n').slice(-40).join('\n')}`,
      );
    const problems = problemLines(built.log);
    if (problems) console.warn(problems);
    const started = performance.now();
    const report = await createMirror({
      siteDir,
      outDir,
      name,
      date,
      site: publishedUrl(settings.site, '/'),
      readme: facts.readme,
      zip,
    });
    const pagefind = report.leftOut.some((path) => path.startsWith('pagefind/'));
    const mirrorMs = performance.now() - started;
    return { facts, report, buildMs: built.wallMs, mirrorMs, buildPeakRssBytes: built.peakRssBytes, pagefind };
  } finally {
    await rm(siteDir, { recursive: true, force: true });
    await rm(`${siteDir}-astro-cache`, { recursive: true, force: true });
  }
}

export function printReport({ report, buildMs, mirrorMs, pagefind }: BuiltMirror): void {
  const lines = [
    `site build: ${(buildMs / 1000).toFixed(1)} s${pagefind ? ' (it made a Pagefind index, which the mirror leaves out)' : ', no Pagefind'}; rewriting and zipping: ${(mirrorMs / 1000).toFixed(1)} s`,
    `mirror: ${report.folder} (${report.files} files, ${formatBytes(report.bytes)}; the site build had ${report.site.files} files, ${formatBytes(report.site.bytes)})`,
    `offline search: ${report.search.documents} documents, ${report.search.shards} shards, index ${formatBytes(report.search.indexBytes)}, client ${formatBytes(report.search.clientBytes)}`,
  ];
  if (report.zip) lines.push(`zip: ${report.zip} (${formatBytes(report.zipBytes ?? 0)})`);
  for (const dropped of report.droppedScripts)
    lines.push(`warning: module script removed (it cannot run from file://): ${dropped}`);
  for (const missing of report.missingLinks) lines.push(`warning: link to a file the mirror does not have: ${missing}`);
  console.log(lines.join('\n'));
}

/**
 * Where the mirror goes: `--out` as typed (relative to the folder npm was run from), else
 * GAZETTE_MIRROR_DIR or mirror/ in the project.
 */
export function mirrorOutDir(typed: string | undefined): string {
  return typed ? resolve(invocationDir(), typed) : toolConfig(REPO_ROOT).mirror.dir;
}

const USAGE = 'usage: npm run mirror [-- --out <dir>] [--no-zip] [--report <file.json>]';

async function main(): Promise<void> {
  const args = parseCommandLine(
    { out: { type: 'string' }, 'no-zip': { type: 'boolean' }, report: { type: 'string' } },
    USAGE,
  );
  if (!args) return;
  if (args.positionals.length > 0) {
    console.error(`unexpected argument: ${args.positionals[0]}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const built = await buildMirror(mirrorOutDir(args.values.out), { zip: !args.values['no-zip'] });
  printReport(built);
  if (args.values.report) {
    const { facts, ...rest } = built;
    // This process only rewrites and zips (reading the archive and the build are children):
    // its peak is that step's.
    const summary = {
      ...rest,
      date: facts.date,
      name: facts.name,
      documents: facts.documents,
      mirrorPeakRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    await writeFile(resolve(invocationDir(), args.values.report), `${JSON.stringify(summary, null, 2)}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(`mirror: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
