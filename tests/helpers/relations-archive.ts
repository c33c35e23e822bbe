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

export const FIXTURE_STATUS: Record<string, string> = {
  [FIXTURE.rules]: '已修改',
  [FIXTURE.repealed]: '已废止',
  [FIXTURE.repealing]: '有效',
  [FIXTURE.amending]: '有效',
  [FIXTURE.expired]: '已失效',
};

/**
 * Vitest workers carry Vite's env in process.env (BASE_URL=/, MODE=test, DEV=1, …), which the
 * child build would take over (a page's BASE_URL would be / instead of the base): astroBuild
 * (tests/helpers/astro-build.ts) passes the environment on, so they are left out here.
 */
const VITE_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

/**
 * A fresh output folder for one build, inside the repository: for an outDir outside its working
 * directory, Astro writes its prerender chunks to the shared <repo>/.astro/ instead, where builds
 * running at the same time delete each other's files.
 */
export function relationsOutDir(): string {
  const parent = join(REPO_ROOT, 'tests/.out');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, 'relations-'));
}

export async function buildRelationsArchive(outDir: string, contentDir = RELATIONS_CONTENT): Promise<AstroBuildResult> {
  const changes: Record<string, string | undefined> = { GAZETTE_BUILD_DATE: RELATIONS_BUILD_DATE };
  for (const name of VITE_ENV) changes[name] = undefined;
  const previous = Object.fromEntries(Object.keys(changes).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(changes);
  try {
    return await astroBuild({ base: RELATIONS_BASE, outDir, contentDir });
  } finally {
    apply(previous);
  }
}
