import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chinaDate, editUrl, readContentHistory, readerRevisions } from './git-history';
import { childEnv } from '../../tests/helpers/child-env';

const root = mkdtempSync(join(tmpdir(), 'gazette-git-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A repository with content/ below its top, and commits at fixed dates. */
function repository() {
  const repo = join(root, 'repo');
  mkdirSync(repo);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  let clock = Date.parse('2020-05-24T10:00:00+08:00') / 1000;
  const commit = (subject: string) => {
    clock += 86_400;
    const date = `${clock} +0800`;
    execFileSync('git', ['add', '-A'], { cwd: repo });
    execFileSync(
      'git',
      ['-c', 'user.name=编辑', '-c', 'user.email=editor@example.org', 'commit', '-q', '-m', subject, '-m', 'body text'],
      {
        cwd: repo,
        env: childEnv({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
      },
    );
  };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  return { repo, git, commit, write };
}

describe('readContentHistory', () => {
  const { repo, git, commit, write } = repository();
  const long = '一二三四五六七八九十\n'.repeat(20);
  write('README.md', 'x');
  write('content/zibo/2020/07/a-1.md', `${long}甲\n`);
  write('content/zibo/2020/07/b-2.md', `${long}乙\n`);
  commit('Add issue 2020/07');
  write('content/zibo/2020/07/a-1.md', `${long}甲，改\n`);
  write('README.md', 'y');
  commit('Fix a typo in a-1: 错字');
  renameSync(join(repo, 'content/zibo/2020/07/b-2.md'), join(repo, 'content/zibo/2020/07/c-2.md'));
  commit('Rename b-2 to c-2');
  rmSync(join(repo, 'content/zibo/2020/07/a-1.md'));
  commit('Withdraw a-1');
  write('content/zibo/2020/07/a-1.md', '另一份文件\n');
  commit('Add a new a-1');
  write('content/other.md', 'outside the content tree of this test');
  const history = readContentHistory(join(repo, 'content/zibo'))!;

  it('gives each file its revisions, newest first, with commit dates and subjects', () => {
    expect(history.prefix).toBe('content/zibo/');
    expect(history.shallow).toBe(false);
    expect([...history.files.keys()].sort()).toEqual(['2020/07/a-1.md', '2020/07/c-2.md']);
    expect(history.files.get('2020/07/c-2.md')!.map(({ date, subject }) => [date, subject])).toEqual([
      ['2020-05-27T10:00:00+08:00', 'Rename b-2 to c-2'],
      ['2020-05-25T10:00:00+08:00', 'Add issue 2020/07'],
    ]);
    expect(history.files.get('2020/07/c-2.md')![0].hash).toBe(git('rev-parse', 'HEAD~2').trim());
  });

  it('starts the history of a re-created file at its creation', () => {
    expect(history.files.get('2020/07/a-1.md')!.map((revision) => revision.subject)).toEqual(['Add a new a-1']);
  });

  it('is null outside a git checkout', () => {
    mkdirSync(join(root, 'tarball/content'), { recursive: true });
    expect(readContentHistory(join(root, 'tarball/content'))).toBeNull();
  });
});

describe('editUrl', () => {
  it('follows the <repository>/edit/<branch>/<path> convention', () => {
    expect(editUrl('https://github.com/org/gazette.git', 'main', 'content/zibo/2020/07/zzbz-2020-54.md')).toBe(
      'https://github.com/org/gazette/edit/main/content/zibo/2020/07/zzbz-2020-54.md',
    );
    expect(editUrl('https://gitea.example.org/org/gazette/', 'release/2020', 'content/公报.md')).toBe(
      'https://gitea.example.org/org/gazette/edit/release/2020/content/%E5%85%AC%E6%8A%A5.md',
    );
  });
});

describe('chinaDate', () => {
  it('is the calendar date in China, whatever the committer offset', () => {
    expect(chinaDate('2020-05-24T17:00:00+00:00')).toBe('2020-05-25');
    expect(chinaDate('2020-05-24T23:59:00+08:00')).toBe('2020-05-24');
  });
});

describe('readerRevisions', () => {
  it('tells a reader when the document was added and revised, without the commit subjects', () => {
    const revisions = [
      { hash: 'c', date: '2026-01-01T10:00:00+08:00', subject: 'fix: typo in table (re-import)' },
      { hash: 'b', date: '2025-03-02T10:00:00+08:00', subject: 'content: 57号 table' },
      { hash: 'a', date: '2024-07-01T10:00:00+08:00', subject: 'import 2020-07' },
    ];
    expect(readerRevisions(revisions)).toEqual([
      { date: '2026-01-01T10:00:00+08:00', change: '修订' },
      { date: '2025-03-02T10:00:00+08:00', change: '修订' },
      { date: '2024-07-01T10:00:00+08:00', change: '收录' },
    ]);
    expect(readerRevisions([])).toEqual([]);
  });
});
