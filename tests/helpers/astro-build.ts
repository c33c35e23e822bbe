/**
 * Runs `astro build` in a child process with the deployment settings of src/config (GAZETTE_* variables),
 * and returns its exit code and output (for tests that expect a build to fail, or compare two).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from './child-env';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TEST_SITE_URL = 'https://gazette.example.org';
/** Statuses depend on the build date; tests fix it so that runs on any day agree. */
export const TEST_BUILD_DATE = '2025-06-30';
const ASTRO_BIN = join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
const SCRATCH_PARENT = join(REPO_ROOT, 'tests/.out/.scratch');

export interface AstroBuildOptions {
  base: string;
  outDir: string;
  /** Defaults to the project's content/. */
  contentDir?: string;
  site?: string;
  /** GAZETTE_BUILD_DATE, YYYY-MM-DD; defaults to TEST_BUILD_DATE. */
  buildDate?: string;
  /** GAZETTE_CACHE_DIR; defaults to `<outDir>.astro-cache`. */
  cacheDir?: string;
  /** Another Astro config file, relative to the repository (astro joins it to --root): test-only configs. */
  config?: string;
}

export interface AstroBuildResult {
  code: number | null;
  output: string;
  seconds: number;
}

export function astroBuild(options: AstroBuildOptions): Promise<AstroBuildResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    // Astro keeps its intermediate build files in the output folder when that folder is inside
    // the working directory, else in <cwd>/.astro/, which concurrent builds would share. Those
    // files import packages, so they must also lie inside the project: a build into the project
    // runs from the output folder's parent, any other from a scratch folder of its own.
    const outDir = resolve(REPO_ROOT, options.outDir);
    if (!outDir.startsWith(REPO_ROOT + sep)) mkdirSync(SCRATCH_PARENT, { recursive: true });
    const scratch = outDir.startsWith(REPO_ROOT + sep) ? undefined : mkdtempSync(join(SCRATCH_PARENT, 'build-'));
    const workingDir = scratch ?? dirname(outDir);
    mkdirSync(workingDir, { recursive: true });
    const configArgs = options.config ? ['--config', options.config] : [];
    const child = spawn(process.execPath, [ASTRO_BIN, 'build', '--root', REPO_ROOT, ...configArgs], {
      cwd: workingDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv({
        GAZETTE_BASE: options.base,
        GAZETTE_SITE: options.site ?? TEST_SITE_URL,
        GAZETTE_OUT_DIR: outDir,
        // Astro's data store is read back while pages render: a build must not share it with
        // the builds that other test files run at the same time.
        GAZETTE_CACHE_DIR: options.cacheDir ?? `${outDir}.astro-cache`,
        GAZETTE_CONTENT_DIR: options.contentDir ?? '',
        GAZETTE_BUILD_DATE: options.buildDate ?? TEST_BUILD_DATE,
        // Vitest sets these for its own workers (the Vite ones would override the build's
        // base and mode); astro must build for production.
        NODE_ENV: 'production',
        BASE_URL: undefined,
        MODE: undefined,
        DEV: undefined,
        PROD: undefined,
        SSR: undefined,
        VITEST: undefined,
        VITEST_MODE: undefined,
        VITEST_POOL_ID: undefined,
        VITEST_WORKER_ID: undefined,
        TEST: undefined,
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      }),
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => reject(new Error(`could not start astro build: ${error.message}`)));
    child.on('close', (code) => {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
      resolvePromise({ code, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}
