/**
 * Runs `astro build` in a child process with the deployment settings of src/site-settings.ts,
 * and returns its exit code and output (for tests that expect a build to fail, or compare two).
 */
import { spawn } from 'node:child_process';
import { delimiter, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TEST_SITE_URL = 'https://gazette.example.org';

export interface AstroBuildOptions {
  base: string;
  outDir: string;
  /** Defaults to the project's content/. */
  contentDir?: string;
  site?: string;
}

export interface AstroBuildResult {
  code: number | null;
  output: string;
  seconds: number;
}

export function astroBuild(options: AstroBuildOptions): Promise<AstroBuildResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npx', ['--no-install', 'astro', 'build'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // `npx` and astro's `#!/usr/bin/env node` must use the same Node as Vitest.
        PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
        GAZETTE_BASE: options.base,
        GAZETTE_SITE: options.site ?? TEST_SITE_URL,
        GAZETTE_OUT_DIR: options.outDir,
        GAZETTE_CONTENT_DIR: options.contentDir ?? '',
        // Vitest sets these for its own workers; astro must build for production.
        NODE_ENV: 'production',
        VITEST: undefined,
        VITEST_MODE: undefined,
        VITEST_POOL_ID: undefined,
        VITEST_WORKER_ID: undefined,
        TEST: undefined,
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => reject(new Error(`could not start astro build: ${error.message}`)));
    child.on('close', (code) => resolvePromise({ code, output, seconds: (Date.now() - started) / 1000 }));
  });
}
