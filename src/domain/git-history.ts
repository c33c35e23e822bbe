/**
 * Each content file's revision history, from one `git log` over the whole content tree (a
 * `git log` per file would start a process per file on every build). Dates are the commits'
 * own, so a build of the same commit shows the same history whenever it runs.
 *
 * Renames are followed: the history of a moved file includes its commits under the old name.
 * Outside a git checkout (a tarball, a copied folder) there is no history and no error.
 */
import { execFileSync } from 'node:child_process';

export interface Revision {
  hash: string;
  /** Committer date, ISO 8601 with the committer's offset. */
  date: string;
  subject: string;
}

export interface ContentHistory {
  /** Newest first, by path relative to the content folder (forward slashes). */
  files: Map<string, Revision[]>;
  /** The content folder's path inside the repository, e.g. "content/" (for edit links). */
  prefix: string;
  /** A shallow clone lacks older commits: the history shown is incomplete. */
  shallow: boolean;
}

const RECORD = '\x1e';
const FIELD = '\x1f';
/** `%x1e` starts each commit, so records split cleanly whatever a subject holds. */
export const LOG_FORMAT = `${RECORD}%H${FIELD}%cI${FIELD}%s`;

/**
 * Parses `git log -z --name-status -M --format=<LOG_FORMAT>` (newest commit first) into each
 * file's revisions, crediting commits made under an older name to the file's current name.
 */
export function parseGitLog(output: string): Map<string, Revision[]> {
  const files = new Map<string, Revision[]>();
  // Walking back in time: what each path seen so far refers to now (null: a file deleted later).
  const currentName = new Map<string, string | null>();
  const credit = (path: string, revision: Revision) => {
    const name = currentName.has(path) ? currentName.get(path)! : path;
    if (name === null) return;
    if (!currentName.has(path)) currentName.set(path, path);
    const list = files.get(name);
    // One entry per commit even if a commit touches a path twice (a copy, say).
    if (list?.at(-1)?.hash === revision.hash) return;
    if (list) list.push(revision);
    else files.set(name, [revision]);
  };
  for (const record of output.split(RECORD)) {
    if (!record) continue;
    const tokens = record.split('\0');
    const [hash, date, subject] = tokens[0].split(FIELD);
    const revision = { hash, date, subject: subject.trim() };
    for (let index = 1; index < tokens.length; index++) {
      const status = tokens[index].trim();
      if (!status) continue;
      if (status.startsWith('R') || status.startsWith('C')) {
        const [from, to] = [tokens[index + 1], tokens[index + 2]];
        index += 2;
        credit(to, revision);
        // Older commits of `from` belong to the file now called `to` (a copy leaves `from` be).
        if (status.startsWith('R')) currentName.set(from, currentName.get(to)!);
        continue;
      }
      const path = tokens[++index];
      if (status === 'D') {
        // Older commits of this path are of a file deleted here; a file at this path now was
        // created after, and its history starts then.
        currentName.set(path, null);
        continue;
      }
      credit(path, revision);
    }
  }
  return files;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** The history of every file under `contentDir`, or null when it is not in a git checkout. */
export function readContentHistory(contentDir: string): ContentHistory | null {
  let prefix: string;
  let shallow: boolean;
  try {
    [prefix, shallow] = ((lines) => [lines[0] ?? '', lines[1] === 'true'] as const)(
      git(contentDir, ['rev-parse', '--show-prefix', '--is-shallow-repository']).split('\n'),
    );
  } catch {
    return null; // not a checkout, or no git: build without history
  }
  const output = git(contentDir, [
    '-c',
    'core.quotePath=false',
    'log',
    `--format=${LOG_FORMAT}`,
    '-z',
    '--name-status',
    '-M',
    '--relative',
    '--no-color',
    '--',
    '.',
  ]);
  return { files: parseGitLog(output), prefix, shallow };
}

/**
 * An "edit this file" link in the style GitHub, GitLab, Gitea and Forgejo share:
 * `<repository>/edit/<branch>/<path>`.
 */
export function editUrl(repository: string, branch: string, path: string): string {
  const encode = (segments: string) => segments.split('/').map(encodeURIComponent).join('/');
  return `${repository.replace(/\/+$/, '').replace(/\.git$/, '')}/edit/${encode(branch)}/${encode(path)}`;
}

/** The calendar date of a commit in China (Asia/Shanghai, UTC+8 without daylight saving). */
export function chinaDate(isoDateTime: string): string {
  return new Date(Date.parse(isoDateTime) + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A revision as a reader is told of it: when, and what happened to the document's text. */
export interface ReaderRevision {
  date: string;
  /** 收录 for the file's first commit, 修订 for every later one. */
  change: '收录' | '修订';
}

/**
 * Revisions in words meant for readers, newest first. Commit subjects are written for the
 * archive's developers and editors (often in English) and say nothing a reader of a 2020
 * document needs; what a reader needs is that the text was added, or changed, and when.
 */
export function readerRevisions(revisions: readonly Revision[]): ReaderRevision[] {
  return revisions.map(({ date }, index) => ({ date, change: index === revisions.length - 1 ? '收录' : '修订' }));
}
