/**
 * npm run mirror [-- --out <dir>] [--no-zip]
 *
 * Builds the archive as an offline mirror (src/lib/mirror/mirror.ts): reads and checks
 * content/, builds the site with Astro into a temporary folder (base /, document statuses as
 * of the mirror's date), rewrites it for file://, and writes <out>/<gazette>-mirror-<date>/
 * and its zip. <out> defaults to GAZETTE_MIRROR_DIR or mirror/ (in the project).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'astro';
import { readArchive, type Archive } from '../src/lib/content/archive';
import { ContentError } from '../src/lib/content/errors';
import { mirrorName, publishedUrl, readmeInfo, resolveMirrorDate } from '../src/lib/mirror/archive-info';
import { createMirror, type MirrorReport } from '../src/lib/mirror/mirror';
import { invocationDir, parseCommandLine, toolConfig } from './invocation';

export const REPO_ROOT = resolve(import.meta.dirname, '..');

export interface BuiltMirror {
  archive: Archive;
  date: string;
  name: string;
  report: MirrorReport;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** Reads content/ and stops with the archive reader's located problems if it is broken. */
export function readContent(contentDir: string): Archive {
  const { archive, problems } = readArchive(contentDir);
  if (!archive) throw new ContentError(problems);
  return archive;
}

/** Builds the site into a temporary folder and turns it into the mirror in `outDir`. */
export async function buildMirror(outDir: string, { zip = true } = {}): Promise<BuiltMirror> {
  const { site: settings, content } = toolConfig(REPO_ROOT);
  const archive = readContent(content.dir);
  const { date, source } = resolveMirrorDate(process.env, archive);
  const name = mirrorName(archive, date);
  // Inside the project: for an outDir elsewhere, Astro puts its prerender chunks in the shared
  // .astro/ (where builds running at the same time delete each other's files), or, run from
  // another folder, where they cannot import the project's packages.
  const cache = join(REPO_ROOT, 'node_modules/.cache/gazette-mirror');
  await mkdir(cache, { recursive: true });
  const siteDir = await mkdtemp(join(cache, 'build-'));
  process.chdir(REPO_ROOT);
  try {
    // astro.config.mjs reads these when build() loads it; statuses (已失效) are as of the mirror's date.
    // A data store of its own too: builds running at the same time would read each other's.
    Object.assign(process.env, {
      GAZETTE_OUT_DIR: siteDir,
      GAZETTE_CACHE_DIR: `${siteDir}-astro-cache`,
      GAZETTE_BASE: '/',
      GAZETTE_BUILD_DATE: date,
    });
    await build({ root: REPO_ROOT, logLevel: 'warn' });
    const report = await createMirror({
      siteDir,
      outDir,
      name,
      date,
      site: publishedUrl(settings.site, '/'),
      readme: readmeInfo(archive, { date, source, siteUrl: publishedUrl(settings.site, settings.base) }),
      zip,
    });
    return { archive, date, name, report };
  } finally {
    await rm(siteDir, { recursive: true, force: true });
    await rm(`${siteDir}-astro-cache`, { recursive: true, force: true });
  }
}

export function printReport({ report }: BuiltMirror): void {
  const lines = [
    `mirror: ${report.folder} (${report.files} files, ${formatBytes(report.bytes)}; the site build had ${report.site.files} files, ${formatBytes(report.site.bytes)})`,
    `offline search: ${report.search.documents} documents, ${report.search.shards} shards, index ${formatBytes(report.search.indexBytes)}, client ${formatBytes(report.search.clientBytes)}`,
  ];
  if (report.zip) lines.push(`zip: ${report.zip} (${formatBytes(report.zipBytes ?? 0)})`);
  for (const dropped of report.droppedScripts) lines.push(`warning: module script removed (it cannot run from file://): ${dropped}`);
  for (const missing of report.missingLinks) lines.push(`warning: link to a file the mirror does not have: ${missing}`);
  console.log(lines.join('\n'));
}

/**
 * Where the mirror goes: `--out` as typed (relative to the folder npm was run from), else
 * GAZETTE_MIRROR_DIR or mirror/ in the project.
 */
export function mirrorOutDir(typed: string | undefined): string {
  return typed ? resolve(invocationDir(), typed) : toolConfig(REPO_ROOT).mirror.dir;
}

const USAGE = 'usage: npm run mirror [-- --out <dir>] [--no-zip]';

async function main(): Promise<void> {
  const args = parseCommandLine({ out: { type: 'string' }, 'no-zip': { type: 'boolean' } }, USAGE);
  if (!args) return;
  if (args.positionals.length > 0) {
    console.error(`unexpected argument: ${args.positionals[0]}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const built = await buildMirror(mirrorOutDir(args.values.out), { zip: !args.values['no-zip'] });
  printReport(built);
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(`mirror: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
