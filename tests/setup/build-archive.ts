/**
 * Vitest global setup: builds the sample archive once per test run, twice:
 *   - base "/"         -> tests/.out/root
 *   - base "/gazette/" -> tests/.out/sub   (the site served under a sub-path)
 *
 * It is attached to the `build` and `e2e` projects only (see vitest.config.ts),
 * so a unit-only run (`vitest run --project unit`) never builds. Vitest calls a
 * project's global setup only when that project has at least one test file
 * queued, and once per project: when both projects run, the second call reuses
 * the first call's build through a promise kept on `globalThis` (global setups
 * run in the main Vitest process, but each project may load this module
 * separately, so module-level state is not enough).
 *
 * Set GAZETTE_TEST_REUSE_BUILD=1 to skip the build when both outputs already
 * exist (fast local iteration on tests). Set GAZETTE_TEST_OUT to build
 * somewhere else than tests/.out (e.g. when two runs share one checkout).
 *
 * Tests read the output folders with `inject('outRoot')` / `inject('outSub')`.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, REPO_ROOT, TEST_SITE_URL } from '../helpers/astro-build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the archive built with base "/". */
    outRoot: string;
    /** Absolute path of the archive built with base "/gazette/". */
    outSub: string;
    /** The sub-path base used for `outSub`, e.g. "/gazette/". */
    subBase: string;
    /** The GAZETTE_SITE used for both builds. */
    siteUrl: string;
  }
}

/**
 * Where the builds go: tests/.out, or GAZETTE_TEST_OUT (absolute, or relative to
 * the repository) to keep a run apart from another one on the same checkout.
 */
export const OUT_DIR = resolve(REPO_ROOT, process.env.GAZETTE_TEST_OUT || 'tests/.out');
export const SITE_URL = TEST_SITE_URL;
export const SUB_BASE = '/gazette/';

interface BuildTarget {
  name: string;
  base: string;
  outDir: string;
}

const TARGETS: BuildTarget[] = [
  { name: 'root', base: '/', outDir: join(OUT_DIR, 'root') },
  { name: 'sub', base: SUB_BASE, outDir: join(OUT_DIR, 'sub') },
];

function log(message: string): void {
  process.stderr.write(`[build-archive] ${message}\n`);
}

function isBuilt(target: BuildTarget): boolean {
  return existsSync(join(target.outDir, 'index.html'));
}

async function buildOne(target: BuildTarget): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  rmSync(target.outDir, { recursive: true, force: true });
  const logFile = join(OUT_DIR, `build-${target.name}.log`);
  log(`astro build (base ${target.base}) -> ${target.outDir} (log: ${logFile})`);
  const result = await astroBuild({ base: target.base, outDir: target.outDir, site: SITE_URL });
  writeFileSync(logFile, result.output);
  const seconds = result.seconds.toFixed(1);
  if (result.code === 0 && isBuilt(target)) {
    log(`built ${target.name} in ${seconds}s`);
    return;
  }
  const why =
    result.code === 0 ? `exited 0 but ${join(target.outDir, 'index.html')} is missing` : `failed (exit ${result.code})`;
  const lastLines = result.output.split('\n').slice(-60).join('\n');
  throw new Error(
    `astro build for base ${target.base} ${why} after ${seconds}s. Last lines of ${logFile}:\n${lastLines}`,
  );
}

async function buildAll(): Promise<void> {
  if (process.env.GAZETTE_TEST_REUSE_BUILD === '1' && TARGETS.every(isBuilt)) {
    log(`GAZETTE_TEST_REUSE_BUILD=1: reusing ${TARGETS.map((t) => t.outDir).join(' and ')}`);
    return;
  }
  // One after the other: the machine has 2 cores and both builds share astro's caches.
  for (const target of TARGETS) {
    await buildOne(target);
  }
}

const KEY = Symbol.for('gazette-archive.test-build');
type GlobalWithBuild = typeof globalThis & { [KEY]?: Promise<void> };

/** Builds both archives once per process, however many projects ask. */
export function ensureBuilt(): Promise<void> {
  const g = globalThis as GlobalWithBuild;
  g[KEY] ??= buildAll();
  return g[KEY];
}

export default async function setup(project: TestProject): Promise<void> {
  await ensureBuilt();
  project.provide('outRoot', TARGETS[0]!.outDir);
  project.provide('outSub', TARGETS[1]!.outDir);
  project.provide('subBase', SUB_BASE);
  project.provide('siteUrl', SITE_URL);
}
