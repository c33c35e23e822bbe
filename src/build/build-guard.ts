/**
 * A build either writes a correct site or fails with `path:line:column: field: message` lines
 * and no stack trace:
 *
 * - the output folder's parent is created before anything looks into it (a missing parent
 *   used to crash a hook with ENOENT), or the build stops saying why it cannot be;
 * - content problems found by the loader (src/content/loader.ts) end the build through
 *   `stopBuild`: Astro would print a thrown error with its stack, which an editor cannot use;
 * - after everything is written (this integration goes last), every XML, JSON, JSON Lines and
 *   CSV file must parse (src/build/output-check.ts). What a passing check saw of each file is
 *   kept in Astro's cache folder (`gazette-checked-outputs.json`), so that a rebuild reads only
 *   the files that were written or changed since: the others are the files that passed. A
 *   build that fails leaves the record of the last one that passed.
 *
 * In `astro dev` problems are thrown instead, so that the dev server shows them and lives on.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { displayPath } from '../content/errors';
import { checkOutputs, type CheckedFiles } from './output-check';

const CHECKED_FILE = 'gazette-checked-outputs.json';

interface CheckedRecord {
  outDir: string;
  files: CheckedFiles;
}

/** The files the last passing check of `outDir` saw; none when there is no record of it. */
function lastChecked(record: string, outDir: string): CheckedFiles {
  try {
    const data = JSON.parse(readFileSync(record, 'utf8')) as CheckedRecord;
    return data.outDir === outDir ? data.files : {};
  } catch {
    return {};
  }
}

/**
 * Ends a build with one line per problem on stderr and exit code 1. In the dev server (`command`
 * is Astro's; the loader has it from `virtual:gazette/config`), throws instead: its overlay
 * shows the message.
 */
export function stopBuild(lines: string[], command: string): never {
  const text = `${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
  if (command === 'dev') throw new Error(text);
  process.stderr.write(`${text}\n`);
  process.exit(1);
}

export default function buildGuard(): AstroIntegration {
  let command = 'build';
  let record: string | undefined;
  return {
    name: 'gazette:build-guard',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ config }) => {
        const outDir = fileURLToPath(config.outDir);
        record = join(fileURLToPath(config.cacheDir), CHECKED_FILE);
        try {
          mkdirSync(dirname(outDir), { recursive: true });
        } catch (error) {
          stopBuild(
            [
              `${displayPath(outDir, process.cwd())}: GAZETTE_OUT_DIR: cannot create the output folder's parent (${(error as NodeJS.ErrnoException).code}); choose another output folder`,
            ],
            command,
          );
        }
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { problems, checked } = checkOutputs(outDir, record ? lastChecked(record, outDir) : {});
        if (problems.length > 0) {
          stopBuild(
            problems.map(
              ({ file, line, column, message }) =>
                `${displayPath(file, process.cwd())}:${line}:${column}: ${message} (a bug in the site generator: please report it)`,
            ),
            command,
          );
        }
        if (record) {
          mkdirSync(dirname(record), { recursive: true });
          writeFileSync(record, JSON.stringify({ outDir, files: checked } satisfies CheckedRecord));
        }
        logger.info('every XML, JSON and CSV output parses');
      },
    },
  };
}
