import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readArchive } from './archive';
import { formatProblem } from './errors';
import { planScaffold, scaffold, ScaffoldError, todayInChina } from './scaffold';

const SAMPLE = resolve(import.meta.dirname, '../../content');
const NOW = new Date('2020-06-01T20:30:00Z'); // already 2 June in China

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

/** A project holding a copy of the sample archive. */
function project(): { root: string; content: string } {
  const root = mkdtempSync(join(tmpdir(), 'gazette-scaffold-'));
  roots.push(root);
  cpSync(SAMPLE, join(root, 'content'), { recursive: true });
  return { root, content: join(root, 'content') };
}

function check(root: string) {
  const result = readArchive(join(root, 'content'), root);
  return { ...result, report: result.problems.map(formatProblem) };
}

/** What an editor does: replace every placeholder. */
function fillIn(file: string, values: Record<string, string>) {
  const text = readFileSync(file, 'utf8').replace(/【待填写：([^】]*)】/gu, (_all, what: string) => values[what]);
  writeFileSync(file, text);
}

describe('todayInChina', () => {
  it('is the date in Asia/Shanghai', () => {
    expect(todayInChina(NOW)).toBe('2020-06-02');
    expect(todayInChina(new Date('2020-06-01T15:59:59Z'))).toBe('2020-06-01');
  });
});

describe('npm run new in an existing issue', () => {
  it('writes complete frontmatter that fails check until the placeholders are filled in', () => {
    const { root, content } = project();
    const { written } = scaffold(content, { target: '2020/07', number: '淄政办字[2020]60号', date: '2020-05-30' }, NOW);
    expect(written).toEqual(['content/zibo/2020/07/zzbz-2020-60.md']);
    const file = join(root, written[0]);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('number: 淄政办字〔2020〕60号');
    expect(text).toContain('section: 市政府办公室文件');
    // After the last document of the issue (zzbz-2020-58, page 25).
    expect(text).toMatch(/^page: 26 /m);
    for (const optional of ['recipients', 'type', 'expires', 'repeals', 'forwards']) expect(text).toMatch(new RegExp(`^# ${optional}:`, 'm'));

    expect(check(root).report).toEqual([
      'content/zibo/2020/07/zzbz-2020-60.md:2:1: title: placeholder 【待填写：标题】 left by `npm run new` or `npm run import`: replace it with the 标题',
      'content/zibo/2020/07/zzbz-2020-60.md:5:5: issuers.0: placeholder 【待填写：发文机关】 left by `npm run new` or `npm run import`: replace it with the 发文机关',
      'content/zibo/2020/07/zzbz-2020-60.md:20:1: body: placeholder 【待填写：正文】 left by `npm run new` or `npm run import`: replace it with the 正文',
      'content/zibo/2020/07/zzbz-2020-60.md:23:1: body: placeholder 【待填写：署名（发文机关）】 left by `npm run new` or `npm run import`: replace it with the 署名（发文机关）',
    ]);

    fillIn(file, { 标题: '做好防汛工作', 发文机关: '淄博市人民政府办公室', 正文: '各有关单位要做好防汛工作。', '署名（发文机关）': '淄博市人民政府办公室' });
    const filled = check(root);
    expect(filled.report).toEqual([]);
    expect(filled.archive!.documents.at(-1)).toMatchObject({ id: '2020/07/zzbz-2020-60', title: '关于做好防汛工作的通知', type: '通知', page: 26 });
  });

  it('refuses to overwrite a file, and writes nothing', () => {
    const { root, content } = project();
    const before = readFileSync(join(content, 'zibo/2020/07/zzbz-2020-54.md'));
    expect(() => scaffold(content, { target: '2020/07', number: '淄政办字〔2020〕54号' }, NOW)).toThrow(
      new ScaffoldError('content/zibo/2020/07/zzbz-2020-54.md already exists; nothing was written (choose another --slug, or edit that file)'),
    );
    expect(readFileSync(join(content, 'zibo/2020/07/zzbz-2020-54.md'))).toEqual(before);
    expect(check(root).report).toEqual([]);
  });
});

describe('npm run new in a new issue', () => {
  it('creates issue.yaml from the nearest issue, dated today in China, with the type from the title', () => {
    const { root, content } = project();
    const { written } = scaffold(content, { target: '2020/8', slug: 'zzbf-2020-9', title: '关于印发淄博市某某管理办法的通知' }, NOW);
    expect(written).toEqual(['content/zibo/2020/08/issue.yaml', 'content/zibo/2020/08/zzbf-2020-9.md']);
    const issue = readFileSync(join(root, written[0]), 'utf8');
    expect(issue).toMatch(/^year: 2020 +# 年份\nnumber: 8 +# 期\ncumulative: 233 +# 总第N期, optional\n/);
    expect(issue).toContain('sections:                         # 栏目 in printed order, without 【】 (as in 2020/07)\n  - 市政府办公室文件\n');
    const text = readFileSync(join(root, written[1]), 'utf8');
    expect(text).toMatch(/^date: 2020-06-02 /m);
    expect(text).toMatch(/^type: 通知 /m);
    expect(text).toMatch(/^page: 1 /m);
    expect(text).toContain(':::signature\n【待填写：署名（发文机关）】\n2020年6月2日\n:::\n');
  });

  it('uses placeholders for the sections of the first issue of an archive', () => {
    const plan = planScaffold({ target: '2021/01', slug: 'a-1' }, { today: '2021-01-05', documents: [] });
    expect(plan.issue).toContain('sections:                         # 栏目 in printed order, without 【】\n  - 【待填写：栏目】\n');
    expect(plan.issue).toMatch(/^# cumulative: 1 /m);
    expect(plan.document).toMatch(/^section: 【待填写：栏目】 /m);
  });
});

describe('npm run new in an issue not divided into sections', () => {
  const flat = { year: 2020, number: 7, sections: [] };

  it('writes no section line, and goes after the last page', () => {
    const plan = planScaffold({ target: '2020/07', slug: 'a' }, { today: '2020-06-02', issue: flat, documents: [{ page: 3 }, { page: 11 }] });
    expect(plan.document).not.toMatch(/^#? ?section:/m);
    expect(plan.document).toMatch(/^page: 12 /m);
    expect(plan.issue).toBeUndefined();
  });

  it('gives a new issue after such an issue no sections either', () => {
    const plan = planScaffold({ target: '2020/08', slug: 'a' }, { today: '2020-06-02', documents: [], neighbour: flat });
    expect(plan.issue).toContain('# sections:                       # 栏目, optional: none, as in 2020/07\n#   - 市政府文件\n');
    expect(plan.document).not.toMatch(/^#? ?section:/m);
  });

  it('refuses --section', () => {
    expect(() => planScaffold({ target: '2020/07', slug: 'a', section: '文件' }, { today: '2020-06-02', issue: flat, documents: [] })).toThrow(
      new ScaffoldError('--section "文件": 2020/07 is not divided into sections; leave --section out'),
    );
  });

  it('writes a document that passes check once filled in', () => {
    const { root, content } = project();
    const july = join(content, 'zibo/2020/07');
    writeFileSync(join(july, 'issue.yaml'), readFileSync(join(july, 'issue.yaml'), 'utf8').replace(/^sections:\n(?: {2}- .*\n)+/mu, ''));
    for (const name of readdirSync(july).filter((file) => file.endsWith('.md'))) {
      writeFileSync(join(july, name), readFileSync(join(july, name), 'utf8').replace(/^section: .*\n/mu, ''));
    }
    expect(check(root).report).toEqual([]);
    const { written } = scaffold(content, { target: '2020/07', number: '淄政办字〔2020〕60号', date: '2020-05-30' }, NOW);
    fillIn(join(root, written[0]!), { 标题: '做好防汛工作', 发文机关: '淄博市人民政府办公室', 正文: '各有关单位要做好防汛工作。', '署名（发文机关）': '淄博市人民政府办公室' });
    const filled = check(root);
    expect(filled.report).toEqual([]);
    expect(filled.archive!.documents.at(-1)).toMatchObject({ id: '2020/07/zzbz-2020-60', page: 26 });
    expect(filled.archive!.documents.at(-1)!.section).toBeUndefined();
  });
});

describe('planScaffold', () => {
  it('quotes values that YAML would misread', () => {
    const plan = planScaffold({ target: '2020/07', slug: 'a', title: '关于“一链办理”: 实施方案的通知' }, { today: '2020-06-02', documents: [] });
    expect(plan.document).toContain("title: '关于“一链办理”: 实施方案的通知'");
  });
});

describe('npm run new refuses bad arguments', () => {
  it.each([
    [{ target: '2020' }, '"2020" is not an issue: write <year>/<issue number>, e.g. 2020/07'],
    [{ target: '2020/07' }, 'give --slug (the file name and permalink, e.g. zzbz-2020-54) or --number to derive it from'],
    [{ target: '2020/07', slug: 'ZZ 1' }, '--slug "ZZ 1" is not a valid slug: use lower-case ASCII letters, digits and hyphens, e.g. zzbz-2020-54'],
    [{ target: '2020/07', number: '54号' }, '--number "54号" is not a document number: write it like 淄政办字〔2020〕54号 or 市政府令第102号'],
    [{ target: '2020/07', slug: 'a', date: '2020-02-30' }, '--date "2020-02-30" is not a real date written YYYY-MM-DD, e.g. 2020-05-24'],
  ])('%o', (options, message) => {
    expect(() => planScaffold(options, { today: '2020-06-02', documents: [] })).toThrow(new ScaffoldError(message));
  });

  it('a section the issue does not have', () => {
    const issue = { year: 2020, number: 7, sections: ['市政府文件'] };
    expect(() => planScaffold({ target: '2020/07', slug: 'a', section: '部门文件' }, { today: '2020-06-02', issue, documents: [] })).toThrow(
      '--section "部门文件" is not a section of 2020/07; use one of: 市政府文件',
    );
  });
});
