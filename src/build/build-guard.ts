/**
 * A build either writes a correct site or fails with `path:line:column: field: message` lines
 * and no stack trace:
 *
 * - the output folder's parent is created before anything looks into it (a missing parent
 *   used to crash a hook with ENOENT), or the build stops saying why it cannot be;
 * - content problems found by the loader (src/content/loader.ts) end the build through
 *   `stopBuild`: Astro would print a thrown error with its stack, which an editor cannot use;
 * - after everything is written (this integration goes last), every XML, JSON, JSON Lines and
 *   CSV file must parse (src/build/output-check.ts).
 *
 * In `astro dev` problems are thrown instead, so that the dev server shows them and lives on.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { displayPath } from '../content/errors';
import { outputProblems } from './output-check';

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
  return {
    name: 'gazette:build-guard',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ config }) => {
        const outDir = fileURLToPath(config.outDir);
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
        const problems = outputProblems(fileURLToPath(dir));
        if (problems.length > 0) {
          stopBuild(
            problems.map(
              ({ file, line, column, message }) =>
                `${displayPath(file, process.cwd())}:${line}:${column}: ${message} (a bug in the site generator: please report it)`,
            ),
            command,
          );
        }
        logger.info('every XML, JSON and CSV output parses');
      },
    },
  };
}
