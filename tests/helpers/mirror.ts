/**
 * The offline mirror of the sample archive, as the mirror tests make it from a build of the
 * global setup (tests/setup/build-archive.ts): fixed name, date and README facts.
 */
import { join } from 'node:path';
import { inject } from 'vitest';
import { createMirror, type MirrorOptions, type MirrorReport } from '../../src/mirror/mirror';
import { ISSUE_TOC } from './archive';

export const SAMPLE_MIRROR_NAME = 'zibo-mirror-2020-06-03';
export const SAMPLE_MIRROR_DATE = '2020-06-03';

export const SAMPLE_README = {
  gazetteName: '淄博市人民政府公报',
  publisher: '淄博市人民政府',
  date: SAMPLE_MIRROR_DATE,
  dateSource: 'newest-document',
  issues: 1,
  documents: ISSUE_TOC.length,
  years: [2020, 2020],
  siteUrl: 'https://gazette.example.org/',
  exampleNumber: '淄政办字〔2020〕56号',
} satisfies MirrorOptions['readme'];

/** Mirrors a build (default: the root build) into `<work>/<outDir>/<SAMPLE_MIRROR_NAME>`. */
export function mirrorSampleBuild(
  work: string,
  outDir: string,
  { siteDir = inject('outRoot'), base = '/', zip = true }: { siteDir?: string; base?: string; zip?: boolean } = {},
): Promise<MirrorReport> {
  return createMirror({
    siteDir,
    outDir: join(work, outDir),
    name: SAMPLE_MIRROR_NAME,
    date: SAMPLE_MIRROR_DATE,
    base,
    site: `${inject('siteUrl')}${base}`,
    readme: SAMPLE_README,
    zip,
  });
}
