/**
 * Document pages show their file's git history (last change, each revision's date and what it
 * was in readers' words, 收录 or 修订) and an "edit this file" link when a repository is configured; a build from content
 * outside a git checkout (as from a tarball) still works, without history.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ISSUE_TOC } from '../helpers/archive';
import { astroBuild, REPO_ROOT } from '../helpers/astro-build';
import { readPage, select, selectAll, textOf } from '../helpers/built-site';
import { formatChineseDate } from '../../src/domain/dates';
import { chinaDate } from '../../src/domain/git-history';

const work = mkdtempSync(join(tmpdir(), 'gazette-history-'));
const outDirs: string[] = [];
afterAll(() => {
  for (const dir of [work, ...outDirs]) rmSync(dir, { recursive: true, force: true });
});

/** The file's commits as `git log --follow` sees them, newest first. */
function gitLog(path: string): { date: string; subject: string }[] {
  return execFileSync('git', ['log', '--follow', '--format=%cI%x1f%s', '--', path], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [date, subject] = line.split('\x1f');
      return { date, subject };
    });
}

describe('the revision history of a document page', () => {
  it.each(ISSUE_TOC.map((entry) => entry.slug))('%s shows its file’s commits', (slug) => {
    const page = readPage(inject('outRoot'), `2020/07/${slug}/index.html`);
    const section = select('section.doc-history', page);
    const log = gitLog(`content/zibo/2020/07/${slug}.md`);
    expect(
      section,
      'src/pages/[year]/[issue]/[slug].astro must render <DocumentHistory document={document} /> (see README)',
    ).toBeDefined();
    // Outside the indexed text: the history is about the file, not the document.
    expect(section!.properties.dataPagefindIgnore).toBeDefined();
    expect(textOf(select('.doc-history-updated', section))).toBe(
      `本页文件最后修改于${formatChineseDate(chinaDate(log[0].date))}`,
    );
    expect(select('.doc-history-updated time', section)!.properties.dateTime).toBe(log[0].date);
    expect(textOf(select('summary', section))).toBe(`修订记录（${log.length}次）`);
    // In readers' words: when the text was added (收录) and revised (修订), never a commit subject.
    expect(
      selectAll('li', section).map((item) => [
        select('time', item)!.properties.dateTime,
        textOf(select('.doc-history-subject', item)),
      ]),
    ).toEqual(log.map(({ date }, index) => [date, index === log.length - 1 ? '收录' : '修订']));
    for (const { subject } of log) expect(textOf(section)).not.toContain(subject);
    // Not next to the legal status: outside the article, after the page's last navigation.
    expect(select('article .doc-history', page)).toBeUndefined();
    expect(select('nav.doc-nav ~ section.doc-history', page)).toBeDefined();
  });
});

describe('a build of content outside a git checkout, with a repository configured', () => {
  it('has no history, and links each document to its file in the repository', async () => {
    const content = join(work, 'content');
    cpSync(join(REPO_ROOT, 'content'), content, { recursive: true });
    // Inside the repository: Astro puts the prerender chunks of an outDir outside it in the
    // shared .astro/, where builds running at the same time delete each other's files.
    mkdirSync(join(REPO_ROOT, 'tests/.out'), { recursive: true });
    const outDir = mkdtempSync(join(REPO_ROOT, 'tests/.out/history-'));
    outDirs.push(outDir);
    process.env.GAZETTE_REPOSITORY = 'https://git.example.org/city/gazette.git';
    process.env.GAZETTE_REPOSITORY_BRANCH = 'published';
    let result;
    try {
      result = await astroBuild({ base: '/', outDir, contentDir: content });
    } finally {
      delete process.env.GAZETTE_REPOSITORY;
      delete process.env.GAZETTE_REPOSITORY_BRANCH;
    }
    expect(result.code, result.output).toBe(0);
    const section = select('section.doc-history', readPage(outDir, '2020/07/zzbz-2020-54/index.html'));
    expect(select('details', section)).toBeUndefined();
    expect(select('.doc-history-updated', section)).toBeUndefined();
    const link = select('a.doc-history-edit', section)!;
    expect(textOf(link)).toBe('在代码仓库中编辑本文件');
    expect(link.properties.href).toBe(
      'https://git.example.org/city/gazette/edit/published/content/zibo/2020/07/zzbz-2020-54.md',
    );
  }, 120_000);
});
