/**
 * npm run check [-- <path>…] [--content <dir>]
 *
 * Validates content/ without building the site: every problem on its own line as
 * `path:line:column: field: message` (warnings marked), then a summary. Exits 1 on any error.
 */
import { checkContent, CheckUsageError, summary } from '../src/content/check';
import { contentDir, invocationDir, parseCommandLine, toolConfig } from './invocation';

const USAGE = 'usage: npm run check -- [<path>…] [--content <dir>]';
const HELP = `${USAGE}\n\nChecks the content folder (default: GAZETTE_CONTENT_DIR or content/); with paths, reports only on them.`;

function main(): number {
  const args = parseCommandLine({ content: { type: 'string' } }, USAGE, HELP);
  if (!args) return process.exitCode as number;
  const started = performance.now();
  try {
    const result = checkContent({
      contentDir: contentDir(args.values.content),
      paths: args.positionals,
      cwd: invocationDir(),
      cacheDir: toolConfig().build.cacheDir,
    });
    for (const line of result.lines) console.log(line);
    console.log(summary(result, (performance.now() - started) / 1000));
    return result.errors.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof CheckUsageError) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main();
