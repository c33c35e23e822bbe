/**
 * npm run zim [-- --out <dir>]
 *
 * Builds the offline mirror (scripts/mirror.ts, without its zip) and packs it as a ZIM file
 * for Kiwix with zimwriterfs, then checks it with zimcheck: <out>/<gazette>-<date>.zim.
 * Needs Debian's zim-tools (apt-get install -y zim-tools).
 */
import { join } from 'node:path';
import { publishedUrl } from '../src/mirror/archive-info';
import { buildZim, checkZim } from '../src/mirror/zim';
import { parseCommandLine, toolConfig } from './invocation';
import { buildMirror, mirrorOutDir, printReport } from './mirror';

async function main(): Promise<void> {
  const args = parseCommandLine({ out: { type: 'string' } }, 'usage: npm run zim [-- --out <dir>]');
  if (!args) return;
  const outDir = mirrorOutDir(args.values.out);
  const built = await buildMirror(outDir, { zip: false });
  printReport(built);
  const { facts, report } = built;
  const { site } = toolConfig();
  const zimPath = join(outDir, `${facts.gazette.id}-${facts.date}.zim`);
  await buildZim(report.folder, zimPath, {
    gazetteId: facts.gazette.id,
    gazetteName: facts.gazette.name,
    publisher: facts.gazette.publisher,
    editor: facts.gazette.editor,
    siteUrl: publishedUrl(site.site, site.base),
    issues: facts.issues,
    documents: facts.documents,
  });
  await checkZim(zimPath);
  console.log(`zim: ${zimPath} (zimcheck passed)`);
}

main().catch((error: unknown) => {
  console.error(`zim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
