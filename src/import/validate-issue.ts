/**
 * Checks an imported issue with the archive reader, as the build will. An issue written to
 * its place in the content folder is checked there. One that is not (a dry run, or --out
 * elsewhere) is checked in a scratch copy of the archive: the gazette's other issues linked
 * in, the imported files copied to the issue's place, so that rules across issues (unique
 * numbers and slugs, cumulative numbering) still apply. One written outside every gazette
 * folder, for another gazette than the content folder's, is checked on its own: the schema and
 * the rules within the issue, against the gazette.yaml its own cover gives.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve, sep } from 'node:path';
import { GAZETTE_FILE } from '../content/schema';
import { checkContent } from '../content/check';
import type { ContentProblem } from '../content/errors';

export interface IssueLocation {
  contentDir: string;
  gazetteId: string;
  year: string;
  /** Issue folder name, two digits. */
  issue: string;
}

/** Problems (errors and warnings) in the issue folder and gazette.yaml, checked in place. */
export function validateInPlace(
  { contentDir, gazetteId, year, issue }: IssueLocation,
  cwd: string,
  { linkRoots, cacheDir }: { linkRoots?: string[]; cacheDir?: string } = {},
): ContentProblem[] {
  const gazetteDir = join(contentDir, gazetteId);
  const result = checkContent({
    contentDir,
    paths: [join(gazetteDir, year, issue), join(gazetteDir, GAZETTE_FILE)],
    cwd,
    linkRoots,
    cacheDir,
  });
  return [...result.errors, ...result.warnings];
}

/**
 * Problems of `files` (name → content) as if they were the issue folder, and of the gazette
 * file `gazetteYaml` (the existing one when null). Reported paths are `shownIssueDir/<name>`.
 * With a null `contentDir` the issue stands alone: no other issue, and `gazetteYaml` its gazette.
 */
export function validateStaged(
  location: Omit<IssueLocation, 'contentDir'> & { contentDir: string | null },
  files: ReadonlyMap<string, string>,
  gazetteYaml: string | null,
  shown: { issueDir: string; gazetteFile: string },
): ContentProblem[] {
  const { contentDir, gazetteId, year, issue } = location;
  const realGazette = contentDir === null ? null : resolve(contentDir, gazetteId);
  const scratch = mkdtempSync(join(tmpdir(), 'gazette-import-'));
  try {
    const gazetteDir = join(scratch, 'content', gazetteId);
    const issueDir = join(gazetteDir, year, issue);
    mkdirSync(issueDir, { recursive: true });
    if (gazetteYaml !== null) writeFileSync(join(gazetteDir, GAZETTE_FILE), gazetteYaml);
    else if (realGazette !== null && existsSync(join(realGazette, GAZETTE_FILE)))
      copyFileSync(join(realGazette, GAZETTE_FILE), join(gazetteDir, GAZETTE_FILE));
    if (realGazette !== null && existsSync(realGazette)) {
      for (const yearName of readdirSync(realGazette)) {
        const realYear = join(realGazette, yearName);
        if (yearName === GAZETTE_FILE || yearName.startsWith('.')) continue;
        if (yearName !== year) {
          symlinkSync(realYear, join(gazetteDir, yearName));
          continue;
        }
        for (const issueName of readdirSync(realYear)) {
          if (issueName !== issue && !issueName.startsWith('.'))
            symlinkSync(join(realYear, issueName), join(gazetteDir, yearName, issueName));
        }
      }
    }
    for (const [name, content] of files) writeFileSync(join(issueDir, name), content);
    // The scratch archive links the gazette's other issues in from the real content folder.
    const problems = validateInPlace({ contentDir: join(scratch, 'content'), gazetteId, year, issue }, scratch, {
      linkRoots: realGazette !== null && existsSync(realGazette) ? [realGazette] : [],
    });
    const issuePrefix = relative(scratch, issueDir).split(sep).join('/');
    return problems.map((problem) => ({
      ...problem,
      file: problem.file.startsWith(`${issuePrefix}/`)
        ? `${shown.issueDir}/${basename(problem.file)}`
        : problem.file.endsWith(`/${GAZETTE_FILE}`)
          ? shown.gazetteFile
          : problem.file,
    }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
