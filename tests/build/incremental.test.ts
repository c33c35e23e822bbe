/**
 * Incremental page builds (experimental.incrementalBuild with the keys of
 * src/site/page-cache-key.ts): a rebuild renders again exactly the pages whose content changed,
 * including the pages that show something of a changed document (its neighbours, the documents
 * it relates to, its issue), copies the others from the previous build, and the result equals a
 * clean build byte for byte.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cachedPagesDir } from '../../src/build/astro-internals';
import { astroBuild } from '../helpers/astro-build';
import { digests, listFiles } from '../helpers/built-site';
import { FIXTURE, RELATIONS_BASE, RELATIONS_CONTENT, relationsOutDir } from '../helpers/relations-archive';

const work = relationsOutDir();
const contentDir = join(work, 'content');
const incrementalOut = join(work, 'incremental');

/**
 * Astro keeps a copy of every keyed page it renders and rewrites the copy only when it renders
 * the page (src/build/astro-internals.ts, assumption 3); a page kept from the previous build
 * leaves it alone. (The route log says "(cached)" too, but with build.concurrency > 1 its lines
 * interleave.)
 */
function cachedCopies(outDir: string): Map<string, bigint> {
  const dir = cachedPagesDir(`${outDir}.astro-cache`);
  if (!existsSync(dir)) return new Map();
  return new Map(listFiles(dir).map((file) => [file, statSync(join(dir, file), { bigint: true }).mtimeNs]));
}

/** Builds; returns, for each keyed page, whether it was copied from the previous build. */
async function build(outDir: string, buildDate: string): Promise<Map<string, boolean>> {
  const before = cachedCopies(outDir);
  const result = await astroBuild({ base: RELATIONS_BASE, outDir, contentDir, buildDate });
  expect(result.code, result.output.split('\n').slice(-40).join('\n')).toBe(0);
  const after = cachedCopies(outDir);
  return new Map([...after].map(([file, mtime]) => [file, before.get(file) === mtime]));
}

/** A fresh folder built from scratch (its own, empty cache) compared with the incremental one. */
async function expectSameAsCleanBuild(buildDate: string): Promise<void> {
  const cleanOut = join(work, `clean-${buildDate}`);
  rmSync(cleanOut, { recursive: true, force: true });
  rmSync(`${cleanOut}.astro-cache`, { recursive: true, force: true });
  const routes = await build(cleanOut, buildDate);
  expect([...routes.values()].some(Boolean)).toBe(false);
  expect(digests(incrementalOut)).toEqual(digests(cleanOut));
}

const page = (id: string) => `${id}/index.html`;
const restored = (routes: Map<string, boolean>, path: string) => {
  expect(routes.has(path), `${path} is a keyed page`).toBe(true);
  return routes.get(path);
};

beforeAll(async () => {
  cpSync(RELATIONS_CONTENT, contentDir, { recursive: true });
  const first = await build(incrementalOut, '2021-01-01');
  expect([...first.values()].some(Boolean)).toBe(false);
}, 120_000);

describe('incremental page builds', () => {
  it('copies every keyed page when nothing changed, and leaves nothing of the previous output that it did not make', async () => {
    writeFileSync(join(incrementalOut, '2020/01/stray.html'), '<p>left over</p>');
    const routes = await build(incrementalOut, '2021-01-01');
    expect(existsSync(join(incrementalOut, '2020/01/stray.html'))).toBe(false);
    expect(readdirSync(work).filter((name) => name.includes('-previous-'))).toEqual([]);
    for (const id of Object.values(FIXTURE)) {
      expect(restored(routes, page(id)), id).toBe(true);
      expect(restored(routes, `data/documents/${id}.json`), id).toBe(true);
    }
    expect(restored(routes, 'data/issues/2020-01.json')).toBe(true);
    expect(restored(routes, '2020/01/index.html')).toBe(true);
    expect(restored(routes, '2020/index.html')).toBe(true);
  }, 120_000);

  it('renders a changed document again with every page that shows it, and equals a clean build', async () => {
    // 淄政办字〔2019〕10号 is repealed by 2020-1 and printed in issue 2019/12 beside 市政府令第102号.
    const file = join(contentDir, `zibo/${FIXTURE.repealed}.md`);
    const source = readFileSync(file, 'utf8');
    const title = source.match(/^title: (.+)$/mu)![1]!;
    writeFileSync(file, source.replace(`title: ${title}`, `title: ${title.replace(/的通知$/u, '的补充通知')}`));
    expect(readFileSync(file, 'utf8')).not.toBe(source);

    const routes = await build(incrementalOut, '2021-01-01');
    // The document itself, in every form.
    expect(restored(routes, page(FIXTURE.repealed))).toBe(false);
    expect(restored(routes, `data/documents/${FIXTURE.repealed}.json`)).toBe(false);
    expect(restored(routes, 'n/淄政办字-2019-10/index.html')).toBe(false);
    // Pages that show its title: the document that repeals it, its neighbour in the issue, the issue.
    expect(restored(routes, page(FIXTURE.repealing))).toBe(false);
    expect(restored(routes, page(FIXTURE.rules))).toBe(false);
    expect(restored(routes, '2019/12/index.html')).toBe(false);
    // Pages that show nothing of it.
    expect(restored(routes, page(FIXTURE.expired))).toBe(true);
    expect(restored(routes, '2020/01/index.html')).toBe(true);
    expect(restored(routes, 'n/淄政办字-2020-3/index.html')).toBe(true);

    await expectSameAsCleanBuild('2021-01-01');
  }, 240_000);

  it('removes the pages of a deleted document from the output it keeps', async () => {
    rmSync(join(contentDir, `zibo/${FIXTURE.expired}.md`));
    const issueFile = join(contentDir, 'zibo/2020/01/issue.yaml');
    writeFileSync(issueFile, readFileSync(issueFile, 'utf8').replace(/^.*zzbz-2020-3.*\n/mu, ''));
    await build(incrementalOut, '2021-01-01');
    for (const gone of [
      page(FIXTURE.expired),
      `data/documents/${FIXTURE.expired}.json`,
      'n/淄政办字-2020-3/index.html',
    ]) {
      expect(existsSync(join(incrementalOut, gone)), gone).toBe(false);
    }
    await expectSameAsCleanBuild('2021-01-01');
    cpSync(join(RELATIONS_CONTENT, `zibo/${FIXTURE.expired}.md`), join(contentDir, `zibo/${FIXTURE.expired}.md`));
    cpSync(join(RELATIONS_CONTENT, 'zibo/2020/01/issue.yaml'), issueFile);
  }, 240_000);

  it('removes the previous output instead of keeping it when the build before did not finish', async () => {
    // The marker is deleted when a build starts and written when it ends.
    rmSync(join(`${incrementalOut}.astro-cache`, 'gazette-output.json'));
    writeFileSync(join(incrementalOut, 'stray.html'), '<p>left over</p>');
    await build(incrementalOut, '2021-01-01');
    expect(existsSync(join(incrementalOut, 'stray.html'))).toBe(false);
    expect(readdirSync(work).filter((name) => name.includes('-previous-'))).toEqual([]);
    await expectSameAsCleanBuild('2021-01-01');
  }, 240_000);

  it('renders again the pages whose status changes with the build date', async () => {
    // 淄政办字〔2020〕3号 is valid until 2020-06-30: in force on 2020-03-01, expired on 2021-01-01.
    const routes = await build(incrementalOut, '2020-03-01');
    expect(restored(routes, page(FIXTURE.expired))).toBe(false);
    expect(restored(routes, `data/documents/${FIXTURE.expired}.json`)).toBe(false);
    await expectSameAsCleanBuild('2020-03-01');
  }, 240_000);
});
