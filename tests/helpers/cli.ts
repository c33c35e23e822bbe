/**
 * Runs an npm script of the project (npm run check, npm run new) as an editor would, and
 * returns its exit code and output.
 */
import { spawnSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { REPO_ROOT } from './astro-build';
import { childEnv } from './child-env';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `cwd`: the folder the editor is in (npm finds the project above it). */
export function npmRun(
  script: string,
  args: string[],
  { cwd = REPO_ROOT, env = {} }: { cwd?: string; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd,
    encoding: 'utf8',
    env: childEnv({
      // npm and the script must use the same Node as Vitest.
      PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
      NO_COLOR: '1',
      // check's Markdown cache goes with the tests' output, not over the developer's in node_modules/.astro.
      GAZETTE_CACHE_DIR: join(REPO_ROOT, 'tests/.out/check-cache'),
      ...env,
    }),
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
