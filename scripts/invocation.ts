/**
 * Where the command-line tools look and what settings they use. `npm run` moves to the project
 * root before running a script and leaves the editor's folder in INIT_CWD: paths the editor typed
 * are relative to that (`cd content/zibo/2020 && npm run check -- 07`), the configured folders
 * (src/config: GAZETTE_CONTENT_DIR, default content/, …) to the project root, as for the build.
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { GazetteConfigError, loadGazetteConfig, type GazetteConfig } from '../src/config';

export function invocationDir(): string {
  return process.env.INIT_CWD || process.cwd();
}

/**
 * The site's settings, as the build reads them (src/config), with relative folders taken from
 * `root`: by default where the tool runs, the project root under `npm run`. A bad setting ends
 * the tool with exit code 2 and one line per problem.
 */
export function toolConfig(root = process.cwd()): GazetteConfig {
  try {
    return loadGazetteConfig({ root });
  } catch (error) {
    if (!(error instanceof GazetteConfigError)) throw error;
    console.error(error.problems.join('\n'));
    process.exit(2);
  }
}

/** The content folder: `--content` as typed, else the build's. */
export function contentDir(typed: string | undefined): string {
  return typed === undefined ? toolConfig().content.dir : resolve(invocationDir(), typed);
}

/**
 * Parses the command line, allowing positionals: null, with process.exitCode set, when the
 * tool should stop (2 and the usage on stderr for a bad option; 0 and `help` for --help).
 */
export function parseCommandLine<const Options extends ParseArgsOptionsConfig>(
  options: Options,
  usage: string,
  help = usage,
) {
  try {
    const args = parseArgs({ allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
    if ((args.values as { help?: boolean }).help) {
      console.log(help);
      process.exitCode = 0;
      return null;
    }
    return args;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exitCode = 2;
    return null;
  }
}
