/**
 * Vitest configuration: three projects.
 *
 *   unit   src/**\/*.test.ts          pure modules, no build
 *   build  tests/build/**\/*.test.ts  inspect the built archive
 *   e2e    tests/e2e/**\/*.test.ts    drive Chromium against the built archive
 *
 * `build` and `e2e` share the global setup tests/setup/build-archive.ts, which
 * builds the sample archive once per run (base "/" and base "/gazette/") and
 * provides the output folders (inject('outRoot'), inject('outSub')). Vitest runs
 * a project's global setup only when that project has test files queued, so
 * `vitest run --project unit` (npm run test:unit) never builds.
 *
 * The machine has 2 cores: at most 2 test files run at once, in forks; each
 * e2e file launches a single Chromium.
 */
import { defineConfig } from 'vitest/config';

const BUILD_SETUP = './tests/setup/build-archive.ts';

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          // Some unit tests push whole documents through the Markdown pipeline or spawn tsx; on a
          // 2-core machine shared with builds, vitest's 5 s default fails them for load alone.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          globalSetup: [BUILD_SETUP],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: [BUILD_SETUP],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
