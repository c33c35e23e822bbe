/**
 * A second, small archive for the relation tests (tests/fixtures/relations-archive): the sample
 * cites only documents it does not hold, this one has documents that cite, repeal, amend,
 * forward and build on each other. Built for a fixed date, under a sub-path base.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, REPO_ROOT, type AstroBuildResult } from './astro-build';

export const RELATIONS_CONTENT = join(REPO_ROOT, 'tests/fixtures/relations-archive');
export const RELATIONS_BUILD_DATE = '2021-01-01';
export const RELATIONS_BASE = '/gazette/';

/** Where each relation of the fixture is (ids below the base). */
export const FIXTURE = {
  /** 市政府令第102号: basis of 2020-1, amended by 2020-2, cited by 2019-10, 2020-1 and 2020-2. */
  rules: '2019/12/szfl-102',
  /** 淄政办字〔2019〕10号: repealed by 2020-1 (and valid until 2024 otherwise). */
  repealed: '2019/12/zzbz-2019-10',
  /** 淄政办字〔2020〕1号: repeals 2019-10 and 淄政办发〔2018〕9号 (not archived), cites both. */
  repealing: '2020/01/zzbz-2020-1',
  /** 淄政办字〔2020〕2号: amends 市政府令第102号, forwards 淄政办字（2020）1号. */
  amending: '2020/01/zzbz-2020-2',
  /** 淄政办字〔2020〕3号: valid until 2020-06-30. */
  expired: '2020/01/zzbz-2020-3',
} as const;

/** Orders printed in full and cited in short (src/domain/number-lookup.ts). */
export const ORDERS = {
  /** Printed 中华人民共和国国务院令第713号; basis of and cited by 2020-4 as 国务院令第713号. */
  decree: '2020/02/gwyl-713',
  /** Printed 淄博市人民政府令 第103号; basis of and cited by 2020-4 as 市政府令第103号. */
  cityOrder: '2020/02/szfl-103',
  /** 淄政办字〔2020〕4号: cites both in their short forms. */
  citing: '2020/02/zzbz-2020-4',
} as const;

export const FIXTURE_STATUS: Record<string, string> = {
  [FIXTURE.rules]: '已修改',
  [FIXTURE.repealed]: '已废止',
  [FIXTURE.repealing]: '有效',
  [FIXTURE.amending]: '有效',
  [FIXTURE.expired]: '已失效',
};

/** A fresh output folder for one build (astroBuild keeps Astro's intermediate files in it). */
export function relationsOutDir(): string {
  const parent = join(REPO_ROOT, 'tests/.out');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, 'relations-'));
}

export function buildRelationsArchive(outDir: string, contentDir = RELATIONS_CONTENT): Promise<AstroBuildResult> {
  return astroBuild({ base: RELATIONS_BASE, outDir, contentDir, buildDate: RELATIONS_BUILD_DATE });
}
