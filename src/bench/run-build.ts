/**
 * Runs one `astro build` (or another command, such as the mirror's) for the benchmark and
 * measures it: wall time, the peak memory of the whole process tree (Node, esbuild, the
 * Pagefind binary …) sampled from /proc, and the phases read from Astro's log and the search
 * integration's timing line (./report.ts). The caller hands in the environment.
 *
 * The build uses bench/astro.config.mjs: the project's config with Astro's cache folder moved
 * to the benchmark's work folder, so that a "full build" really starts without caches and
 * the benchmark neither uses nor disturbs the caches of other builds in the checkout.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { parseBuildLog, parseTimingLog, type BuildMeasurement } from './report';

export interface AstroBuildOptions {
  repoRoot: string;
  /** The whole environment of the build (the caller's, with the GAZETTE_* settings it wants). */
  env: Record<string, string | undefined>;
  /** Astro config file, relative to repoRoot (default: Astro's own lookup, astro.config.mjs). */
  config?: string;
}

export interface BenchBuildOptions {
  repoRoot: string;
  contentDir: string;
  outDir: string;
  /** Astro's cacheDir for this archive (data store, shard cache, the search step's timing line). */
  cacheDir: string;
  /** Where Astro's output is written. */
  logFile: string;
  /** The environment the build starts from (the benchmark's, with GAZETTE_SEARCH_SHARD_SIZE, GAZETTE_BUILD_DATE …). */
  env: Record<string, string | undefined>;
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

export interface MeasuredRun {
  exitCode: number | null;
  wallMs: number;
  /** Peak resident memory of the whole process tree. */
  peakRssBytes: number;
  /** Its output (stdout and stderr). */
  log: string;
}

/** Runs `node <args>` in a child process: wall time, peak memory of its process tree, output. */
export async function runMeasured(
  args: readonly string[],
  { cwd, env }: { cwd: string; env: Record<string, string | undefined> },
): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      PATH: `${dirname(process.execPath)}${delimiter}${env.PATH ?? ''}`,
      FORCE_COLOR: '0',
      NO_COLOR: '1',
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
  try {
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    return { exitCode, wallMs: performance.now() - started, peakRssBytes, log };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Runs `astro build` in a child process and measures it. The child's memory is all returned
 * when it ends, which a build inside the calling process (Astro's `build()`) does not
 * guarantee, and its settings travel in its own environment.
 */
export async function runAstroBuild(options: AstroBuildOptions): Promise<MeasuredRun> {
  const astro = join(options.repoRoot, 'node_modules/astro/bin/astro.mjs');
  // When outDir is outside the working directory, Astro writes its server chunks to
  // <cwd>/.astro/.prerender/, and run from the repository every such build shares that folder:
  // two at once break each other (ERR_MODULE_NOT_FOUND). A working directory of its own,
  // inside node_modules so that the chunks still resolve the project's packages, keeps this
  // build apart.
  const cwd = mkdtempSync(join(options.repoRoot, 'node_modules', '.gazette-build-'));
  try {
    const args = [astro, 'build', '--root', options.repoRoot, ...(options.config ? ['--config', options.config] : [])];
    return await runMeasured(args, { cwd, env: { ...options.env, NODE_ENV: 'production' } });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

export async function runBenchBuild(options: BenchBuildOptions): Promise<BuildMeasurement & { log: string }> {
  // One log per archive, emptied before each of its builds: the search step appends its line.
  const timingLog = join(options.cacheDir, 'bench-timing.jsonl');
  rmSync(timingLog, { force: true });
  const { exitCode, wallMs, peakRssBytes, log } = await runAstroBuild({
    repoRoot: options.repoRoot,
    config: 'bench/astro.config.mjs',
    env: {
      ...options.env,
      GAZETTE_CONTENT_DIR: options.contentDir,
      GAZETTE_OUT_DIR: options.outDir,
      GAZETTE_BENCH_CACHE_DIR: options.cacheDir,
      GAZETTE_TIMING_LOG: timingLog,
    },
  });
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
