/**
 * Screenshots of every kind of page of the sample archive, at a phone's width (390 px) and a
 * desktop's (1280 px), in the light and the dark theme, for a person to look at:
 *
 *   npx tsx scripts/screenshots.ts <folder> [--site <built site folder>]
 *
 * Without --site it builds the sample (content/) into tests/.out/screenshots first. Writes
 * <folder>/<page>-<width>-<theme>.png (full page). Output is not committed.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/helpers/browser';
import { astroBuild, REPO_ROOT } from '../tests/helpers/astro-build';
import { RESULTS_DONE } from '../tests/helpers/archive';
import { startServer } from '../tests/helpers/serve';

/** Page name, path below the base, and what to wait for before the picture. */
const PAGES: [name: string, path: string, ready?: string][] = [
  ['home', ''],
  ['year', '2020/'],
  ['issue', '2020/07/'],
  ['document-longest', '2020/07/zzbz-2020-57/'],
  ['document-expired', '2020/07/zzbz-2020-56/'],
  ['issuers', 'issuers/'],
  ['types', 'types/'],
  ['numbers', 'numbers/'],
  ['search', `search/?q=${encodeURIComponent('人才贷')}`, RESULTS_DONE],
  ['about', 'about/'],
  ['404', 'no-such-page/'],
];
const WIDTHS = [390, 1280];
const THEMES = ['light', 'dark'] as const;

const { values, positionals } = parseArgs({ options: { site: { type: 'string' } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error('usage: npx tsx scripts/screenshots.ts <folder> [--site <built site folder>]');
  process.exit(2);
}
const folder = resolve(positionals[0]!);
mkdirSync(folder, { recursive: true });

let site = values.site && resolve(values.site);
if (!site) {
  site = join(REPO_ROOT, 'tests/.out/screenshots');
  console.log(`building the sample into ${site} …`);
  const result = await astroBuild({ outDir: site, base: '/' });
  if (result.code !== 0) {
    console.error(result.output.split('\n').slice(-30).join('\n'));
    process.exit(1);
  }
}

const server = await startServer(site, '/');
const browser = await launchBrowser();
try {
  for (const width of WIDTHS) {
    for (const colorScheme of THEMES) {
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width, height: width < 500 ? 844 : 900 },
        isMobile: width < 500,
        deviceScaleFactor: 1,
        colorScheme,
      });
      for (const [name, path, ready] of PAGES) {
        const page = await context.newPage();
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        if (ready) await page.locator(ready).waitFor({ state: 'attached', timeout: 20_000 });
        const file = join(folder, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
