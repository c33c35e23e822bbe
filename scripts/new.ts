/**
 * npm run new -- <year>/<issue> [--title …] [--number …] [--slug …] [--date …] [--section …] [--content <dir>]
 *
 * Creates a document file with complete frontmatter to fill in (and the issue.yaml
 * when the issue is new). Never overwrites a file.
 */
import { scaffold, ScaffoldError } from '../src/content/scaffold';
import { contentDir, parseCommandLine } from './invocation';

const USAGE =
  'usage: npm run new -- <year>/<issue> [--title <标题>] [--number <发文字号>] [--slug <slug>] [--date YYYY-MM-DD] [--section <栏目>] [--content <dir>]';

function main(): number {
  const args = parseCommandLine(
    {
      title: { type: 'string' },
      number: { type: 'string' },
      slug: { type: 'string' },
      date: { type: 'string' },
      section: { type: 'string' },
      content: { type: 'string' },
    },
    USAGE,
  );
  if (!args) return process.exitCode as number;
  const { content, help: _help, ...options } = args.values;
  if (args.positionals.length !== 1) {
    console.error(`give exactly one issue, e.g. 2020/07\n${USAGE}`);
    return 2;
  }
  try {
    const { written } = scaffold(contentDir(content), { target: args.positionals[0], ...options });
    for (const path of written) console.log(`created ${path}`);
    console.log('Replace every 【待填写：…】 and uncomment the optional fields you need, then run `npm run check`.');
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError) {
      console.error(`npm run new: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
