/**
 * Exact matches first, online and offline, on a small title archive (src/bench/title-archive.ts):
 * 400 documents, real regulations under their real titles among documents whose titles and
 * texts name the same subjects (法律援助条例 beside 杭州市法律援助条例 and notices citing
 * 《法律援助条例》). Each real title, each notice's full cited title (bare and in 《》) and each
 * term printed in one document only must bring its document first, on the search page in
 * Chromium and in the offline mirror's engine. `scripts/title-ranking.ts` runs the same cases on
 * 10,000 documents.
 *
 * Texts: the regulations of the folder GAZETTE_TEST_CORPUS names (LawRefBook format, e.g.
 * ../shared/corpus/lawrefbook) when set, else the committed excerpts of
 * tests/fixtures/ranking/regulations.json.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readRegulationCorpus } from '../../src/bench/text-source';
import { fixtureTexts, titleArchive, TITLE_QUERIES } from '../../src/bench/title-archive';
import { rankOffline, rankOnline, writeArchiveFiles, type CaseResult } from '../../src/bench/title-ranking';
import { astroBuild, REPO_ROOT } from '../helpers/astro-build';
import { launchBrowser } from '../helpers/browser';

const work = join(dirname(inject('outRoot')), 'title-ranking');
const outDir = join(work, 'dist');
const corpus = process.env.GAZETTE_TEST_CORPUS;
const texts = corpus
  ? readRegulationCorpus(corpus)
  : fixtureTexts(JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/ranking/regulations.json'), 'utf8')));
const { files, cases } = titleArchive({ documents: 400, texts });

let browser: Browser;
let online: CaseResult[];
let offline: CaseResult[];

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  writeArchiveFiles(join(work, 'content'), files);
  const result = await astroBuild({ base: '/', outDir, contentDir: join(work, 'content'), buildDate: '2026-01-01' });
  expect(result.code, result.output.split('\n').slice(-40).join('\n')).toBe(0);
  browser = await launchBrowser();
  [online, offline] = await Promise.all([rankOnline(outDir, cases, browser), rankOffline(outDir, cases)]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

const describeResult = (result: CaseResult) =>
  `${result.query}: first ${result.first ?? '(nothing)'}, expected ${result.expected} at ${result.rank ?? '(not shown)'}`;

describe('the title archive', () => {
  it('holds every real title queried, the cited titles and the planted terms', () => {
    expect(cases.filter((c) => c.kind === 'title').map((c) => c.query)).toEqual([...TITLE_QUERIES]);
    expect(cases.filter((c) => c.kind === 'official')).toHaveLength(5);
    expect(cases.filter((c) => c.kind === 'phrase')).toHaveLength(3);
  });
});

describe.each([
  ['online (Pagefind, search page in Chromium)', () => online],
  ['offline (the mirror’s engine)', () => offline],
])('%s', (_, results) => {
  it.each(cases.map((c, i) => [c.kind, c.query, i] as const))('%s %s → its document first', (_kind, _query, i) => {
    const result = results()[i]!;
    expect(result.rank, describeResult(result)).toBe(1);
  });
});
