import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readArchive } from './archive';
import { formatProblem } from './errors';
import { childEnv } from '../../tests/helpers/child-env';

const GAZETTE = `name: 测试市人民政府公报
publisher: 测试市人民政府
editor: 测试市人民政府办公室
`;
const ISSUE = `year: 2020
number: 7
cumulative: 232
sections:
  - 市政府文件
  - 市政府办公室文件
`;
const document = (fields: Record<string, string>, body = '正文。\n') =>
  `---\n${Object.entries({
    title: '关于做好某项工作的通知',
    number: '测政办字〔2020〕1号',
    issuers: '\n  - 测试市人民政府办公室',
    date: '2020-05-24',
    section: '市政府办公室文件',
    page: '1',
    ...fields,
  })
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n\n${body}`;

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

/** Writes a project with content/ holding the given files; returns its folder. */
function projectOf(files: Record<string, string | Uint8Array>, prepare: (root: string) => void = () => {}) {
  const root = mkdtempSync(join(tmpdir(), 'gazette-archive-'));
  roots.push(root);
  const all = { 'content/test/gazette.yaml': GAZETTE, 'content/test/2020/07/issue.yaml': ISSUE, ...files };
  for (const [path, contents] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  prepare(root);
  return root;
}

/** Writes a project with content/ holding the given files; returns the problems as text. */
function archiveOf(files: Record<string, string | Uint8Array>, prepare: (root: string) => void = () => {}, markdown = false) {
  const root = projectOf(files, prepare);
  const result = readArchive(join(root, 'content'), root, { markdown });
  return { ...result, report: result.problems.map(formatProblem), warningReport: result.warnings.map(formatProblem) };
}

const asRoot = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };
const repository = fileURLToPath(new URL('../..', import.meta.url));
/**
 * As root, the unprivileged user that can run Node and read the reader's sources and tsx here;
 * undefined where none can (no setuid, or the checkout in a folder only root may enter).
 */
const unprivileged =
  asRoot &&
  spawnSync(
    process.execPath,
    ['-e', `for (const file of process.argv.slice(1)) require('node:fs').accessSync(file, require('node:fs').constants.R_OK)`, ...['src/content/archive.ts', 'node_modules/tsx/package.json'].map((file) => join(repository, file))],
    NOBODY,
  ).status === 0
    ? NOBODY
    : undefined;

/** readArchive's problems as text, read by another user in a child process. */
function reportAs(user: { uid: number; gid: number }, root: string): string[] {
  // mkdtemp makes folders only their owner may enter; the other user needs to reach the content,
  // and a folder of its own for tsx's cache.
  chmodSync(root, 0o755);
  const home = mkdtempSync(join(tmpdir(), 'gazette-archive-home-'));
  roots.push(home);
  chmodSync(home, 0o777);
  const url = (module: string) => JSON.stringify(pathToFileURL(join(repository, module)).href);
  const script = `const { readArchive } = await import(${url('src/content/archive.ts')});
const { formatProblem } = await import(${url('src/content/errors.ts')});
const root = ${JSON.stringify(root)};
process.stdout.write(JSON.stringify(readArchive(root + '/content', root).problems.map(formatProblem)));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    ...user,
    cwd: repository,
    env: childEnv({ HOME: home, TMPDIR: home }),
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`the reader as uid ${user.uid} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as string[];
}

describe('readArchive on valid content', () => {
  it('reads the gazette, issues and documents in printed order', () => {
    const { archive, problems } = archiveOf({
      'content/test/2020/07/b-2.md': document({ number: '测政办字〔2020〕2号', page: '5' }),
      'content/test/2020/07/a-1.md': document({ page: '9' }),
      'content/test/2020/07/c-3.md': document({ number: '测政字〔2020〕3号', section: '市政府文件', page: '1' }),
    });
    expect(problems).toEqual([]);
    expect(archive!.gazette).toMatchObject({ id: 'test', name: '测试市人民政府公报' });
    expect(archive!.issues.map((issue) => issue.id)).toEqual(['2020/07']);
    expect(archive!.documents.map((d) => [d.id, d.tocIndex])).toEqual([
      ['2020/07/c-3', 0],
      ['2020/07/b-2', 1],
      ['2020/07/a-1', 2],
    ]);
    expect(archive!.documents[2]).toMatchObject({ type: '通知', recipients: [], repeals: [], year: 2020, issueNumber: 7, bodyLine: 10 });
  });

  it('reads an issue not divided into sections (no sections, or an empty list): its documents have none, in page order', () => {
    for (const issue of ['year: 2020\nnumber: 7\n', 'year: 2020\nnumber: 7\nsections: []\n']) {
      const { archive, problems, warnings } = archiveOf({
        'content/test/2020/07/issue.yaml': issue,
        'content/test/2020/07/a-1.md': document({ section: '', page: '9' }),
        'content/test/2020/07/b-2.md': document({ number: '测政办字〔2020〕2号', section: '', page: '3' }),
      });
      expect(problems).toEqual([]);
      expect(warnings).toEqual([]);
      expect(archive!.issues[0]!.sections).toEqual([]);
      expect(archive!.documents.map((d) => [d.slug, d.section, d.tocIndex])).toEqual([
        ['b-2', undefined, 0],
        ['a-1', undefined, 1],
      ]);
    }
  });

  it('normalises document numbers written with other brackets', () => {
    const { archive } = archiveOf({
      'content/test/2020/07/a-1.md': document({ number: '测政办字[2020] 1 号', repeals: '[测政办发(2018)9号]' }),
    });
    expect(archive!.documents[0]).toMatchObject({ number: '测政办字〔2020〕1号', repeals: ['测政办发〔2018〕9号'] });
  });
});

describe('readArchive reports every problem with file, line and field', () => {
  it('bad YAML', () => {
    const { archive, report } = archiveOf({ 'content/test/2020/07/a-1.md': document({ issuers: '[测试市人民政府办公室' }) });
    expect(archive).toBeNull();
    expect(report).toEqual([expect.stringMatching(/^content\/test\/2020\/07\/a-1\.md:\d+:\d+: invalid YAML: /)]);
  });

  it('a missing field, a wrong type, an impossible date and a misspelt field, all at once', () => {
    const { report } = archiveOf({
      'content/test/2020/07/a-1.md': document({ title: '', page: '九', date: '2020-02-30', titel: '关于某事的通知' }),
    });
    expect(report).toEqual([
      'content/test/2020/07/a-1.md:2:1: title: missing; expected text',
      'content/test/2020/07/a-1.md:5:1: date: "2020-02-30" is not a real date written YYYY-MM-DD, e.g. 2020-05-24',
      'content/test/2020/07/a-1.md:7:1: page: expected the first page in the printed issue as a whole number',
      'content/test/2020/07/a-1.md:8:1: titel: unknown field; check its spelling (allowed fields are listed in README)',
    ]);
  });

  it('a malformed document number', () => {
    const { report } = archiveOf({ 'content/test/2020/07/a-1.md': document({ number: '测政办字2020年1号' }) });
    expect(report).toEqual([
      'content/test/2020/07/a-1.md:3:1: number: "测政办字2020年1号" is not a document number: write it like 淄政办字〔2020〕54号 or 市政府令第102号',
    ]);
  });

  it('two documents with the same number', () => {
    const { report } = archiveOf({
      'content/test/2020/07/a-1.md': document({}),
      'content/test/2020/07/b-1.md': document({ number: '测政办字[2020]1号', page: '3' }),
    });
    expect(report).toEqual([
      'content/test/2020/07/b-1.md:3:1: number: 测政办字〔2020〕1号 is also the number of content/test/2020/07/a-1.md; two documents cannot share a number',
    ]);
  });

  it('two documents with one order number spelt two ways', () => {
    const { report } = archiveOf({
      'content/test/2020/07/a-1.md': document({ number: '测试市人民政府令 第1号' }),
      'content/test/2020/07/b-1.md': document({ number: '市政府令第1号', page: '3' }),
      'content/test/2020/07/c-2.md': document({ number: '中华人民共和国国务院令第2号', page: '4' }),
      'content/test/2020/07/d-2.md': document({ number: '国务院令第2号', page: '5' }),
    });
    expect(report).toEqual([
      'content/test/2020/07/b-1.md:3:1: number: 市政府令第1号 is also the number of content/test/2020/07/a-1.md (测试市人民政府令第1号); two documents cannot share a number',
      'content/test/2020/07/d-2.md:3:1: number: 国务院令第2号 is also the number of content/test/2020/07/c-2.md (中华人民共和国国务院令第2号); two documents cannot share a number',
    ]);
  });

  it('a section the issue does not declare', () => {
    const { report } = archiveOf({ 'content/test/2020/07/a-1.md': document({ section: '部门文件' }) });
    expect(report).toEqual([
      'content/test/2020/07/a-1.md:7:1: section: section "部门文件" is not declared in content/test/2020/07/issue.yaml; use one of: 市政府文件、市政府办公室文件',
    ]);
  });

  it('a document without a section in an issue divided into sections', () => {
    const { report } = archiveOf({ 'content/test/2020/07/a-1.md': document({ section: '' }) });
    expect(report).toEqual([
      'content/test/2020/07/a-1.md:2:1: section: missing; the issue is divided into sections: add a line "section: <栏目>", one of: 市政府文件、市政府办公室文件',
    ]);
  });

  it('a section in an issue that declares none', () => {
    const { report } = archiveOf({
      'content/test/2020/07/issue.yaml': 'year: 2020\nnumber: 7\n',
      'content/test/2020/07/a-1.md': document({}),
    });
    expect(report).toEqual([
      'content/test/2020/07/a-1.md:7:1: section: the issue declares no sections (content/test/2020/07/issue.yaml has no sections list); remove this line, or list the issue\'s sections there',
    ]);
  });

  it('pages that contradict the printed order', () => {
    const { report } = archiveOf({
      'content/test/2020/07/a-1.md': document({ section: '市政府文件', page: '12' }),
      'content/test/2020/07/b-2.md': document({ number: '测政办字〔2020〕2号', page: '3' }),
    });
    expect(report).toEqual([expect.stringMatching(/^content\/test\/2020\/07\/b-2\.md:8:1: page: page 3 comes before page 12 of content\/test\/2020\/07\/a-1\.md/)]);
  });

  it('an issue in the wrong folder and a document in a file that is not a slug', () => {
    const { report } = archiveOf({
      'content/test/2020/08/issue.yaml': ISSUE,
      'content/test/2020/07/关于.md': document({}),
    });
    expect(report).toEqual([
      'content/test/2020/07/关于.md: file name "关于.md" is not a valid slug: use lower-case ASCII letters, digits and hyphens, e.g. zzbz-2020-54.md',
      'content/test/2020/08/issue.yaml: the issue has no documents; add them (npm run import, npm run new) or remove the issue folder',
      'content/test/2020/08/issue.yaml:2:1: number: the issue is in folder 2020/08/ but says number 7; its folder must be 2020/07/',
    ]);
  });

  it('dates that do not fit the issue or each other', () => {
    expect(archiveOf({ 'content/test/2020/07/a-1.md': document({ date: '2021-01-05' }) }).report).toEqual([
      "content/test/2020/07/a-1.md:6:1: date: dated 2021-01-05, after the end of 2020, the issue's year; fix the date, or add the issue's published date if it came out in 2021",
    ]);
    expect(archiveOf({ 'content/test/2020/07/a-1.md': document({ expires: '2020-01-31' }) }).report).toEqual([
      'content/test/2020/07/a-1.md:9:1: expires: expires (2020-01-31) is before the document\'s date (2020-05-24)',
    ]);
  });

  it('a title that names no document type, and no type: line', () => {
    const { archive, report } = archiveOf({ 'content/test/2020/07/a-1.md': document({ title: '测试市2020年度重大行政决策事项' }) });
    expect(archive).toBeNull();
    expect(report).toEqual([
      expect.stringMatching(/^content\/test\/2020\/07\/a-1\.md:2:1: title: cannot tell the document type \(文种\) from the title "测试市2020年度重大行政决策事项": .*add a line "type: <文种>"/),
    ]);
  });

  it('a date after the issue was published', () => {
    const published = ISSUE.replace('sections:', 'published: 2020-07-15\nsections:');
    const { archive, report } = archiveOf({
      'content/test/2020/07/issue.yaml': published,
      'content/test/2020/07/a-1.md': document({ date: '2020-07-16' }),
    });
    expect(archive).toBeNull();
    expect(report).toEqual([
      "content/test/2020/07/a-1.md:6:1: date: dated 2020-07-16, after the issue was published (2020-07-15); fix the date, or the issue's published date",
    ]);
  });

  it('accepts a document of the next year in an issue published then', () => {
    const late = ISSUE.replace('sections:', 'published: 2021-01-10\nsections:');
    const { problems, warnings } = archiveOf({
      'content/test/2020/07/issue.yaml': late,
      'content/test/2020/07/a-1.md': document({ date: '2021-01-05', section: '市政府文件' }),
    });
    expect(problems).toEqual([]);
    expect(warnings.filter((warning) => warning.field === 'date')).toEqual([]);
  });

  it('only warns about a much older document: gazettes reprint them', () => {
    const { archive, problems, warningReport } = archiveOf({
      'content/test/2020/07/a-1.md': document({ date: '1994-08-18', number: '测政办字〔1994〕1号' }),
    });
    expect(problems).toEqual([]);
    expect(archive).not.toBeNull();
    expect(warningReport).toContain(
      'content/test/2020/07/a-1.md:6:1: date: warning: dated 1994-08-18, in an issue of 2020; fine for a reprinted older document, otherwise fix the year',
    );
  });

  it.each([
    ['a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(document({}))]), /:1:1: the file starts with a byte-order mark/],
    ['CRLF line endings', document({}).replace(/\n/g, '\r\n'), /:1:4: the file has Windows \(CRLF\)/],
    ['GBK bytes', new Uint8Array([...new TextEncoder().encode(document({}, '')), 0xd5, 0xfe]), /:\d+:1: the file is not valid UTF-8/],
    ['an empty file', '', /a-1\.md: the file is empty/],
    ['a huge file', document({}, '正文。'.repeat(300_000)), /a-1\.md: the file is \d+ bytes, more than the/],
    ['no frontmatter', '正文\n', /:1:1: no frontmatter/],
    ['no body', document({}, ''), /:10:1: the document has no body text/],
  ])('%s', (_case, contents, message) => {
    const { archive, report } = archiveOf({ 'content/test/2020/07/a-1.md': contents });
    expect(archive).toBeNull();
    expect(report).toEqual([expect.stringMatching(message)]);
  });

  it('a missing gazette.yaml and stray files', () => {
    const root = archiveOf({ 'content/test/notes.txt': 'x', 'content/README.md': 'x' });
    expect(root.report).toEqual([
      'content/README.md: unexpected file: content/ holds one folder per gazette',
      'content/test/2020/07/issue.yaml: the issue has no documents; add them (npm run import, npm run new) or remove the issue folder',
      'content/test/notes.txt: unexpected entry: a gazette folder holds gazette.yaml and one folder per year (e.g. 2020/)',
    ]);
  });
});

describe('readArchive: rules between fields, files and issues', () => {
  it('refuses placeholders left by npm run new, in fields and in the body', () => {
    const { report } = archiveOf({
      'content/test/2020/07/a-1.md': document({ title: '关于【待填写：标题】的通知' }, '正文。\n\n【待填写：正文】\n'),
    });
    expect(report).toEqual([
      'content/test/2020/07/a-1.md:2:1: title: placeholder 【待填写：标题】 left by `npm run new` or `npm run import`: replace it with the 标题',
      'content/test/2020/07/a-1.md:13:1: body: placeholder 【待填写：正文】 left by `npm run new` or `npm run import`: replace it with the 正文',
    ]);
  });

  it('warns about doubtful citations in the body, and still gives the archive', () => {
    const { archive, problems, warningReport } = archiveOf({
      'content/test/2020/07/a-1.md': document({}, '正文。\n\n按照《方案》（测政办字〔2020〕5）和测政发〔2021〕1号执行。\n'),
    });
    expect(problems).toEqual([]);
    expect(archive).not.toBeNull();
    expect(warningReport).toEqual([
      'content/test/2020/07/a-1.md:13:8: body: warning: "测政办字〔2020〕5" looks like a document number without 号; write it as printed, e.g. 淄政办字〔2020〕54号',
      'content/test/2020/07/a-1.md:13:21: body: warning: cites 测政发〔2021〕1号, a number of 2021, but the document is dated 2020; check the year',
      'content/test/2020/07/issue.yaml:5:5: sections.0: warning: no document is in section "市政府文件"; add its documents or remove the section',
    ]);
  });

  it('refuses to repeal a document of a later year', () => {
    const { report } = archiveOf({ 'content/test/2020/07/a-1.md': document({ repeals: '\n  - 测政办发〔2018〕9号\n  - 测政办发〔2021〕1号' }) });
    expect(report).toEqual([
      "content/test/2020/07/a-1.md:11:5: repeals.1: 测政办发〔2021〕1号 is from 2021, after this document's date (2020-05-24); a document can only repeal earlier ones",
    ]);
  });

  it('warns about a declared section without documents', () => {
    const { warningReport } = archiveOf({ 'content/test/2020/07/a-1.md': document({}) });
    expect(warningReport).toEqual([
      'content/test/2020/07/issue.yaml:5:5: sections.0: warning: no document is in section "市政府文件"; add its documents or remove the section',
    ]);
  });

  it('checks the publication date, the founding year and cumulative numbers of issues', () => {
    const issue = (year: number, number: number, cumulative: number, extra = '') =>
      `year: ${year}\nnumber: ${number}\ncumulative: ${cumulative}\n${extra}sections:\n  - 市政府办公室文件\n`;
    const doc = (date: string, number: string) => document({ date, number });
    const { report, warningReport } = archiveOf({
      'content/test/gazette.yaml': `${GAZETTE}founded: 2020-01\n`,
      'content/test/2019/12/issue.yaml': issue(2019, 12, 200),
      'content/test/2019/12/a-0.md': doc('2019-12-01', '测政办字〔2019〕1号'),
      'content/test/2020/07/issue.yaml': issue(2020, 7, 232, 'published: 2022-06-15\n'),
      'content/test/2020/07/a-1.md': doc('2020-05-24', '测政办字〔2020〕1号'),
      'content/test/2020/08/issue.yaml': issue(2020, 8, 240),
      'content/test/2020/08/a-2.md': doc('2020-06-24', '测政办字〔2020〕2号'),
      'content/test/2021/01/issue.yaml': issue(2021, 1, 240),
      'content/test/2021/01/a-3.md': doc('2021-01-04', '测政办字〔2021〕1号'),
    });
    expect(report).toEqual([
      'content/test/2019/12/issue.yaml:1:1: year: the issue is of 2019, before the gazette was founded (2020-01 in gazette.yaml)',
      'content/test/2020/07/issue.yaml:4:1: published: published 2022-06-15, implausible for an issue of 2020; check the year',
      'content/test/2021/01/issue.yaml:3:1: cumulative: 总第240期 is not after 2020/08 (总第240期); cumulative numbers only grow',
    ]);
    expect(warningReport).toEqual([
      'content/test/2020/08/issue.yaml:3:1: cumulative: warning: 总第240期 does not follow 2020/07 (总第232期): expected 总第233期; check both issues',
    ]);
  });

  it('lists every file it read, valid or not', () => {
    const { files } = archiveOf({ 'content/test/2020/07/a-1.md': document({ page: 'x' }) });
    expect(files).toEqual(['content/test/gazette.yaml', 'content/test/2020/07/issue.yaml', 'content/test/2020/07/a-1.md']);
  });
});

describe('readArchive: a reader that cannot be hung', () => {
  const issue = 'content/test/2020/07';
  const valid = { [`${issue}/a-1.md`]: document({}) };

  it('refuses symbolic links that leave the content folder, before reading them', () => {
    const { report } = archiveOf(valid, (root) => {
      symlinkSync('/dev/zero', join(root, issue, 'zero.md'));
      writeFileSync(join(root, 'outside.md'), document({}));
      symlinkSync(join(root, 'outside.md'), join(root, issue, 'b-2.md'));
      symlinkSync(join(root, 'missing.md'), join(root, issue, 'c-3.md'));
    });
    expect(report).toEqual([
      `${issue}/b-2.md: symbolic link to ${roots.at(-1)}/outside.md, outside the content folder; copy the file into the content folder instead`,
      `${issue}/c-3.md: symbolic link to nothing (its target is missing, or links loop); fix or delete the link`,
      `${issue}/zero.md: symbolic link to /dev/zero, outside the content folder; copy the file into the content folder instead`,
    ]);
  });

  it('follows symbolic links inside the content folder', () => {
    const { problems, archive } = archiveOf(valid, (root) => {
      mkdirSync(join(root, 'content/test/2020/08'));
      writeFileSync(join(root, 'content/test/2020/08/issue.yaml'), ISSUE.replace('number: 7', 'number: 8').replace('232', '233'));
      symlinkSync(join(root, issue, 'a-1.md'), join(root, 'content/test/2020/08/a-2.md'));
    });
    expect(problems.map(formatProblem)).toEqual([
      'content/test/2020/08/a-2.md:3:1: number: 测政办字〔2020〕1号 is also the number of content/test/2020/07/a-1.md; two documents cannot share a number',
    ]);
    expect(archive).toBeNull();
  });

  it('refuses a FIFO without opening it', () => {
    const { report } = archiveOf(valid, (root) => execFileSync('mkfifo', [join(root, issue, 'fifo.md')]));
    expect(report).toEqual([`${issue}/fifo.md: not a regular file (a device, FIFO or socket); content is folders and regular files only`]);
  });

  // Root reads any file whatever its mode, so as root the archive is read by an unprivileged user.
  it.skipIf(asRoot && !unprivileged)('reports a file or folder it may not read', () => {
    const root = projectOf({ ...valid, [`${issue}/b-2.md`]: document({ page: '2', number: '测政办字〔2020〕2号' }) }, (root) => {
      chmodSync(join(root, issue, 'b-2.md'), 0o000);
      mkdirSync(join(root, 'content/test/2021'));
      chmodSync(join(root, 'content/test/2021'), 0o000);
    });
    const report = asRoot ? reportAs(unprivileged!, root) : readArchive(join(root, 'content'), root).problems.map(formatProblem);
    expect(report).toEqual([
      `${issue}/b-2.md: cannot be read (EACCES: permission denied); give the user running the build read access`,
      'content/test/2021: cannot be read (EACCES: permission denied); give the user running the build read access',
    ]);
    chmodSync(join(root, 'content/test/2021'), 0o755);
  });

  it('reports hidden files instead of skipping them silently', () => {
    const { archive, warningReport } = archiveOf({ ...valid, [`${issue}/.draft.md`]: document({}) });
    expect(archive).not.toBeNull();
    expect(warningReport).toEqual([
      `${issue}/.draft.md: warning: hidden (the name starts with a dot), so it is neither checked nor published; rename it to publish it, or keep drafts outside the content folder`,
      `${issue}/issue.yaml:5:5: sections.0: warning: no document is in section "市政府文件"; add its documents or remove the section`,
    ]);
  });

  it('refuses a NUL byte in a body and an alias bomb in frontmatter', () => {
    const bomb = 'a: &a [x, x]\nb: &b [*a, *a]';
    const { report } = archiveOf({
      [`${issue}/a-1.md`]: document({}, '正文\u0000。\n'),
      [`${issue}/b-2.md`]: document({ page: '2', number: '测政办字〔2020〕2号' }).replace('---\n', `---\n${bomb}\n`),
    });
    expect(report).toEqual([
      `${issue}/a-1.md:11:3: invisible control character U+0000 in the text; delete it (it is not allowed in the site's XML feeds and breaks search)`,
      `${issue}/b-2.md:3:9: invalid YAML: YAML aliases (*name) are not allowed in content files; write the value out in full; check the quotes, brackets and indentation on this line and the one before`,
    ]);
  });

  it('reports a missing content folder', () => {
    expect(readArchive('/nonexistent/content', '/nonexistent').problems.map(formatProblem)).toEqual([
      'content: no content folder here; create it, or point GAZETTE_CONTENT_DIR (or --content) at it',
    ]);
  });

  it('refuses an issue without documents', () => {
    expect(archiveOf({}).report).toEqual([`${issue}/issue.yaml: the issue has no documents; add them (npm run import, npm run new) or remove the issue folder`]);
  });

  it('runs the build\'s Markdown parse and plugins on bodies and the 简介 when asked', () => {
    const files = {
      'content/test/gazette.yaml': `${GAZETTE}about: |\n  简介。\n\n  <script>x</script>\n`,
      [`${issue}/a-1.md`]: document({}, '正文。\n\n:::warning\n注意\n:::\n'),
      [`${issue}/b-2.md`]: document({ page: '2', number: '测政办字〔2020〕2号' }, '正文。\n\n' + '- '.repeat(10_000) + 'x\n'),
    };
    expect(archiveOf(files).problems).toEqual([]);
    expect(archiveOf(files, () => {}, true).report).toEqual([
      `${issue}/a-1.md:13:1: body: unknown block ":::warning"; the blocks are :::signature and :::issuers`,
      `${issue}/b-2.md:13:1: body: nested 10000 levels deep (lists, block quotes or indentation); at most 16 are allowed: remove the extra "-" or ">" markers or indentation`,
      `content/test/gazette.yaml:7:3: about: the HTML tag <script> is not allowed: content is Markdown only, raw HTML is refused; write the text itself in Markdown (a "<" meant as text is written "\\<")`,
    ]);
  });

  it('warns about markup in a title, which readers see as written', () => {
    const { problems, warnings } = archiveOf({
      'content/test/2020/07/a-1.md': document({ title: `'关于<img src="x" onerror="alert(1)">的通知'` }),
      'content/test/2020/07/b-2.md': document({ title: '关于PM2.5<35的<部门>通知', number: '测政办字〔2020〕2号', page: '2' }),
    });
    expect(problems).toEqual([]);
    expect(warnings.filter((warning) => warning.field === 'title').map(formatProblem)).toEqual([
      `content/test/2020/07/a-1.md:2:1: title: warning: "<img src="x" onerror="alert(1)">" looks like HTML, but a title is plain text: readers see it exactly as written; write the title as printed`,
    ]);
  });

  it('places a problem in a 简介 not written as a literal block at its key, with its place in the text', () => {
    const files = { 'content/test/gazette.yaml': `${GAZETTE}about: "简介。\\n<b>x</b>"\n`, [`${issue}/a-1.md`]: document({}, '正文。\n') };
    expect(archiveOf(files, () => {}, true).report).toEqual([
      `content/test/gazette.yaml:4:1: about: line 2, column 1 of the text: the HTML tag <b> is not allowed: content is Markdown only, raw HTML is refused; write the text itself in Markdown (a "<" meant as text is written "\\<")`,
      `content/test/gazette.yaml:4:1: about: line 2, column 5 of the text: the HTML tag </b> is not allowed: content is Markdown only, raw HTML is refused; write the text itself in Markdown (a "<" meant as text is written "\\<")`,
    ]);
  });
});
