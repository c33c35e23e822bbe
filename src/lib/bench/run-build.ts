/**
 * Runs one `astro build` for the benchmark and measures it: wall time, the peak memory of the
 * whole process tree (Node, esbuild, the Pagefind binary …) sampled from /proc, and the phases
 * read from Astro's log and the search integration's timing line (./report.ts).
 *
 * The build uses bench/astro.config.mjs: the project's config with Astro's cache folder moved
 * to the benchmark's work folder, so that a "full build" really starts without caches and
 * the benchmark neither uses nor disturbs the caches of other builds in the checkout.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { parseBuildLog, parseTimingLog, type BuildMeasurement } from './report';

export interface BenchBuildOptions {
  repoRoot: string;
  contentDir: string;
  outDir: string;
  /** Astro's cacheDir for this archive (data store, shard cache). */
  cacheDir: string;
  /** Where Astro's output and the timing line are written. */
  logFile: string;
  /** Extra environment (GAZETTE_SEARCH_SHARD_SIZE, GAZETTE_BUILD_DATE …). */
  env?: Record<string, string>;
}

const PAGE_SIZE = 4096;

/** Resident bytes of `root` and all its descendants, from /proc (Linux). */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * PAGE_SIZE);
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

export async function runBenchBuild(options: BenchBuildOptions): Promise<BuildMeasurement & { log: string }> {
  const timingLog = `${options.logFile}.timing`;
  rmSync(timingLog, { force: true });
  const started = performance.now();
  const astro = join(options.repoRoot, 'node_modules/astro/bin/astro.mjs');
  // When outDir is outside the working directory, Astro writes its server chunks to
  // <cwd>/.astro/.prerender/, and run from the repository every such build shares that folder:
  // two at once break each other (ERR_MODULE_NOT_FOUND). A working directory of its own,
  // inside node_modules so that the chunks still resolve the project's packages, keeps this
  // build apart.
  const cwd = mkdtempSync(join(options.repoRoot, 'node_modules', '.gazette-build-'));
  const child = spawn(process.execPath, [astro, 'build', '--root', options.repoRoot, '--config', 'bench/astro.config.mjs'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
      GAZETTE_CONTENT_DIR: options.contentDir,
      GAZETTE_OUT_DIR: options.outDir,
      GAZETTE_BENCH_CACHE_DIR: options.cacheDir,
      GAZETTE_TIMING_LOG: timingLog,
      NODE_ENV: 'production',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ...options.env,
    },
  });
  let peakRssBytes = 0;
  const sample = () => {
    if (child.pid !== undefined) peakRssBytes = Math.max(peakRssBytes, treeRss(child.pid));
  };
  const sampler = setInterval(sample, 250);
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  clearInterval(sampler);
  const wallMs = performance.now() - started;
  rmSync(cwd, { recursive: true, force: true });
  writeFileSync(options.logFile, log);
  let timing = null;
  try {
    timing = parseTimingLog(readFileSync(timingLog, 'utf8'));
  } catch {
    // No timing line: the build failed before the search step.
  }
  return {
    wallMs,
    peakRssBytes,
    phases: parseBuildLog(log, wallMs, timing?.totalMs ?? null),
    search: timing,
    exitCode,
    log,
  };
}
