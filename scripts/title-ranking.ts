/**
 * `npx tsx scripts/title-ranking.ts --docs 10000 --corpus ../shared/corpus/lawrefbook`
 *
 * Does a title find its document first? Generates an archive of real regulations under their
 * real titles among documents on the same subjects (src/bench/title-archive.ts), builds it, and
 * runs 30 real law titles, full cited titles (发文机关 + 标题, bare and in 《》) and terms printed in
 * one document only through the search page in headless Chromium and through the offline
 * mirror's engine (src/bench/title-ranking.ts). Prints how many cases put the right document
 * first, and every miss.
 *
 * Options:
 *   --docs <n>         documents in the archive (default 10000)
 *   --corpus <folder>  regulations in LawRefBook format (default: the committed fixture texts,
 *                      tests/fixtures/ranking/regulations.json)
 *   --work <folder>    archive, build and cache (default /tmp/gazette-title-ranking/n<docs>)
 *   --reuse            keep the archive and build of an earlier run with the same --docs and
 *                      --corpus (measures a change to the offline engine; a change to the
 *                      search page or the document pages needs --rebuild)
 *   --rebuild          keep the archive and the build's caches of an earlier run, build again
 *   --no-online, --no-offline   skip one of the two searches
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runBenchBuild } from '../src/bench/run-build';
import { fixtureTexts, titleArchive } from '../src/bench/title-archive';
import { formatResults, rankOffline, rankOnline, writeArchiveFiles } from '../src/bench/title-ranking';
import { readRegulationCorpus } from '../src/bench/text-source';

const REPO = resolve(dirname(new URL(import.meta.url).pathname), '..');

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    corpus: { type: 'string' },
    work: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    'no-online': { type: 'boolean', default: false },
    'no-offline': { type: 'boolean', default: false },
  },
});

const documents = Number(values.docs.replace(/_/gu, ''));
if (!Number.isInteger(documents) || documents < 1) {
  process.stderr.write(`title-ranking: --docs: "${values.docs}" is not a whole number of documents\n`);
  process.exit(2);
}
const work = resolve(values.work ?? `/tmp/gazette-title-ranking/n${documents}`);
const contentDir = join(work, 'content');
const outDir = join(work, 'dist');
const texts = values.corpus
  ? readRegulationCorpus(resolve(values.corpus))
  : fixtureTexts(JSON.parse(readFileSync(join(REPO, 'tests/fixtures/ranking/regulations.json'), 'utf8')));
const { files, cases } = titleArchive({ documents, texts });
const log = (message: string) => process.stdout.write(`${message}\n`);

const built = existsSync(join(outDir, 'index.html'));
if (!(values.reuse && built)) {
  if (!(values.rebuild && built)) {
    rmSync(work, { recursive: true, force: true });
    writeArchiveFiles(contentDir, files);
  }
  log(`${documents} documents (${texts.length} source texts) in ${contentDir}; building…`);
  const build = await runBenchBuild({
    repoRoot: REPO,
    contentDir,
    outDir,
    cacheDir: join(work, 'cache'),
    logFile: join(work, 'build.log'),
    env: { ...process.env, GAZETTE_BUILD_DATE: '2026-01-01' },
  });
  if (build.exitCode !== 0) {
    process.stderr.write(`title-ranking: the build failed (exit ${build.exitCode}); see ${join(work, 'build.log')}\n`);
    process.exit(1);
  }
  log(`built in ${(build.wallMs / 1000).toFixed(0)} s`);
}

log(`${cases.length} cases`);
if (!values['no-online']) log(formatResults('online', await rankOnline(outDir, cases)));
if (!values['no-offline']) log(formatResults('offline', await rankOffline(outDir, cases)));
