/**
 * npm run import -- <issue.pdf | issue.txt> [--gazette <id>] [--out <dir>] [--content <dir>]
 *                   [--force] [--dry-run] [--save-text <file>]
 *
 * Splits one gazette issue into issue.yaml and one Markdown file per document (and
 * gazette.yaml from its 简介 page when the gazette has none). See README, "Importing an issue".
 */
import { parseArgs } from 'node:util';
import { runImport } from '../src/import/run-import';
import { toolConfig } from './invocation';

const USAGE =
  'usage: npm run import -- <issue.pdf | issue.txt> [--gazette <id>] [--out <dir>] [--content <dir>] [--force] [--dry-run] [--save-text <file>]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        gazette: { type: 'string' },
        out: { type: 'string' },
        content: { type: 'string' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        'save-text': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) {
    console.error(`give exactly one issue file\n${USAGE}`);
    return 2;
  }
  const { gazette, out, content, force, 'dry-run': dryRun, 'save-text': saveText } = args.values;
  const config = toolConfig();
  return runImport(
    {
      input: args.positionals[0]!,
      content: content ?? config.content.dir,
      cacheDir: config.build.cacheDir,
      ...(gazette === undefined ? {} : { gazette }),
      ...(out === undefined ? {} : { out }),
      ...(saveText === undefined ? {} : { saveText }),
      force,
      dryRun,
    },
    { cwd: process.cwd(), out: (line) => console.log(line), err: (line) => console.error(line) },
  );
}

process.exitCode = await main();
