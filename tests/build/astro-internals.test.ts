/**
 * The assumptions about Astro that src/build/astro-internals.ts fences, checked against the
 * installed Astro with real builds of the relations archive: when an upgrade breaks one, the
 * failing test names it. Numbers refer to the module's list.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ASTRO_MANIFEST_FILE,
  cachedPageCopy,
  manifestOutputs,
  parseAstroManifest,
  type AstroManifest,
} from '../../src/build/astro-internals';
import { parseBuildLog } from '../../src/bench/report';
import type { AstroBuildResult } from '../helpers/astro-build';
import { buildRelationsArchive, FIXTURE, relationsOutDir } from '../helpers/relations-archive';

const outDir = join(relationsOutDir(), 'site');
// astroBuild's default cacheDir.
const cacheDir = `${outDir}.astro-cache`;
const documentPage = `${FIXTURE.rules}/index.html`;
let first: AstroBuildResult;

function readManifest(): AstroManifest {
  const file = join(cacheDir, ASTRO_MANIFEST_FILE);
  expect(existsSync(file), `assumption 2: Astro writes its incremental-build manifest to ${file}`).toBe(true);
  return parseAstroManifest(readFileSync(file, 'utf8'), file);
}

function identity(path: string): string {
  const stats = statSync(path, { bigint: true });
  return `${stats.ino}:${stats.mtimeNs}`;
}

beforeAll(async () => {
  first = await buildRelationsArchive(outDir);
  expect(first.code, first.output.split('\n').slice(-40).join('\n')).toBe(0);
}, 120_000);

describe('Astro as src/build/astro-internals.ts assumes it', () => {
  it('2: lists the output file of every keyed page in its manifest', () => {
    const outputs = manifestOutputs(readManifest());
    expect(
      outputs.has(documentPage),
      `assumption 2: the manifest lists ${documentPage} (a keyed page) by its output file`,
    ).toBe(true);
    for (const file of outputs)
      expect(
        existsSync(join(outDir, file)),
        `assumption 2: the manifest's output file ${file} is in the output folder`,
      ).toBe(true);
  });

  it('3: keeps a copy of every keyed page it rendered in <cacheDir>/dist/', () => {
    for (const file of manifestOutputs(readManifest())) {
      const copy = cachedPageCopy(cacheDir, file);
      expect(existsSync(copy), `assumption 3: Astro keeps its copy of ${file} at ${copy}`).toBe(true);
      expect(
        readFileSync(copy).equals(readFileSync(join(outDir, file))),
        `assumption 3: the copy of ${file} is the page`,
      ).toBe(true);
    }
  });

  it('6: prints the log lines the benchmark reads', () => {
    const phases = parseBuildLog(first.output, first.seconds * 1000, 0);
    expect(phases.contentMs, 'assumption 6: the log has "[types] Generated <duration>"').not.toBeNull();
    expect(
      phases.renderMs,
      'assumption 6: the log has " generating static routes " then "✓ Completed in <duration>"',
    ).not.toBeNull();
    expect(phases.pages, 'assumption 6: the log has "[build] <n> page(s) built in"').toBeGreaterThan(0);
  });

  it('4, 5: leaves a skipped page’s file untouched in an output folder it did not empty', async () => {
    const page = join(outDir, documentPage);
    const copy = cachedPageCopy(cacheDir, documentPage);
    const [pageBefore, copyBefore] = [identity(page), identity(copy)];
    const again = await buildRelationsArchive(outDir);
    expect(again.code, again.output.split('\n').slice(-40).join('\n')).toBe(0);
    expect(identity(copy), 'assumption 3: Astro rewrites its copy of a page only when it renders the page').toBe(
      copyBefore,
    );
    expect(
      identity(page),
      'assumptions 4 and 5: with emptyOutDir false Astro neither empties the output folder nor rewrites or copies back the file of a page it skips',
    ).toBe(pageBefore);
  }, 120_000);
});
