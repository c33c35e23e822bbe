/**
 * Lighthouse (mobile preset, the CLI's default) on the home, issue, longest document and search
 * pages of a built site, served locally as a static host would:
 *
 *   CHROME_PATH=/usr/bin/chromium npx tsx scripts/lighthouse.ts <built site folder> [--out <folder>]
 *
 * Prints each page's accessibility, best practices, SEO and performance scores; with --out, keeps
 * Lighthouse's JSON reports there. A measurement, not a test: scores depend on the machine.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { REPO_ROOT } from '../tests/helpers/astro-build';
import { startServer } from '../tests/helpers/serve';

const PAGES: [name: string, path: string][] = [
  ['home', ''],
  ['issue', '2020/07/'],
  ['longest document', '2020/07/zzbz-2020-57/'],
  ['search', `search/?q=${encodeURIComponent('人才贷')}`],
];
const CATEGORIES = ['accessibility', 'best-practices', 'seo', 'performance'] as const;

const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error(
    'usage: CHROME_PATH=/usr/bin/chromium npx tsx scripts/lighthouse.ts <built site folder> [--out <folder>]',
  );
  process.exit(2);
}
const out = values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'gazette-lighthouse-'));
mkdirSync(out, { recursive: true });
const server = await startServer(resolve(positionals[0]!), '/');
const lighthouse = join(REPO_ROOT, 'node_modules/.bin/lighthouse');
try {
  console.log(['page', ...CATEGORIES].join('\t'));
  for (const [name, path] of PAGES) {
    const report = join(out, `${name.replace(/ /g, '-')}.json`);
    const args = [
      `${server.url}${path}`,
      '--quiet',
      '--chrome-flags=--headless=new --no-sandbox',
      `--only-categories=${CATEGORIES.join(',')}`,
      '--output=json',
      `--output-path=${report}`,
    ];
    // Asynchronously: the server answering Lighthouse's Chromium runs in this process.
    await promisify(execFile)(lighthouse, args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    });
    const { categories } = JSON.parse(readFileSync(report, 'utf8')) as {
      categories: Record<string, { score: number | null }>;
    };
    console.log([name, ...CATEGORIES.map((id) => Math.round((categories[id]?.score ?? 0) * 100))].join('\t'));
  }
  console.log(
    `command per page: CHROME_PATH=/usr/bin/chromium npx lighthouse <url> ${'--chrome-flags="--headless=new --no-sandbox"'}`,
  );
} finally {
  await server.close();
  if (!values.out) rmSync(out, { recursive: true, force: true });
}
