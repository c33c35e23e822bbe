/**
 * npm run check [-- <path>…] [--content <dir>]
 *
 * Validates content/ without building the site: every problem on its own line as
 * `path:line:column: field: message` (warnings marked), then a summary. Exits 1 on any error.
 */
import { parseArgs } from 'node:util';
import { checkContent, CheckUsageError, summary } from '../src/lib/content/check';
import { contentDir, invocationDir } from './invocation';

const USAGE = 'usage: npm run check -- [<path>…] [--content <dir>]';

function main(): number {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { content: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(`${USAGE}\n\nChecks the content folder (default: GAZETTE_CONTENT_DIR or content/); with paths, reports only on them.`);
    return 0;
  }
  const started = performance.now();
  try {
    const result = checkContent({
      contentDir: contentDir(args.values.content),
      paths: args.positionals,
      cwd: invocationDir(),
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
