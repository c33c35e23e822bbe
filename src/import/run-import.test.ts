import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { miniIssuePdf } from '../../tests/fixtures/import/mini-issue-pdf';
import { runImport, type ImportOptions } from './run-import';
import { childEnv } from '../../tests/helpers/child-env';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'tests/fixtures/zibo-gazette-2020-07.txt');
const ZIBO = join(ROOT, 'content/zibo');
const ANHUI = join(ROOT, 'tests/fixtures/gazettes/anhui/1985-11.txt');

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-run-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(options: Partial<ImportOptions> & { input: string }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(
    { content: join(dir, 'content'), ...options },
    { cwd: dir, out: (line) => out.push(line), err: (line) => err.push(line) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A content folder holding the sample gazette's gazette.yaml only. */
function gazetteOnly(): void {
  mkdirSync(join(dir, 'content/zibo'), { recursive: true });
  cpSync(join(ZIBO, 'gazette.yaml'), join(dir, 'content/zibo/gazette.yaml'));
}

function files(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(folder.length + 1), readFileSync(path, 'utf8')];
      }),
  );
}

describe('runImport', () => {
  it('imports the sample into an empty content folder: the committed files, byte for byte', async () => {
    const first = await run({ input: SAMPLE, gazette: 'zibo' });
    expect(first.err).toBe(
      `${SAMPLE}: note: the text has no page breaks, so the documents' pages come from the TOC unchecked`,
    );
    expect(first.code).toBe(0);
    expect(first.out).toBe(
      'imported 5 documents into content/zibo/2020/07: 7 new, 0 overwritten, 0 unchanged; 0 errors, 0 warnings',
    );
    expect(files(join(dir, 'content/zibo'))).toEqual(files(ZIBO));

    const again = await run({ input: SAMPLE });
    expect(again.code).toBe(0);
    expect(again.out).toBe(
      'imported 5 documents into content/zibo/2020/07: 0 new, 0 overwritten, 6 unchanged; 0 errors, 0 warnings',
    );
  });

  it('never rewrites an existing gazette.yaml: it reports the fields the 简介 page gives differently', async () => {
    gazetteOnly();
    const edited = readFileSync(join(ZIBO, 'gazette.yaml'), 'utf8').replace(
      'phone: 0533-3183683 3182579',
      'phone: 0533-1234567',
    );
    writeFileSync(join(dir, 'content/zibo/gazette.yaml'), edited);
    const { code, out, err } = await run({ input: SAMPLE });
    expect(code).toBe(0);
    expect(err).toContain(
      'content/zibo/gazette.yaml: warning: phone: "0533-1234567"; the 简介 page gives "0533-3183683 3182579" (edit gazette.yaml by hand if it changed)',
    );
    expect(out).toContain('; 0 errors, 1 warning');
    expect(readFileSync(join(dir, 'content/zibo/gazette.yaml'), 'utf8')).toBe(edited);
  });

  it('writes to --out and checks the issue against the rest of the archive', async () => {
    cpSync(ZIBO, join(dir, 'content/zibo'), { recursive: true });
    renameSync(join(dir, 'content/zibo/2020/07'), join(dir, 'content/zibo/2020/06'));
    writeFileSync(
      join(dir, 'content/zibo/2020/06/issue.yaml'),
      'year: 2020\nnumber: 6\ncumulative: 231\nsections:\n  - 市政府办公室文件\n',
    );
    const { code, out, err } = await run({ input: SAMPLE, out: 'review' });
    expect(code).toBe(1);
    expect(out).toMatch(/^imported 5 documents into review: 6 new/);
    expect(existsSync(join(dir, 'review/zzbz-2020-54.md'))).toBe(true);
    expect(existsSync(join(dir, 'content/zibo/2020/07'))).toBe(false);
    expect(err).toContain('review/zzbz-2020-54.md:3:1: number: 淄政办字〔2020〕54号 is also the number of');
  });

  it("checks an issue of another gazette written with --out elsewhere on its own, not against the content folder's gazette", async () => {
    cpSync(ZIBO, join(dir, 'content/zibo'), { recursive: true });
    const { code, out, err } = await run({ input: ANHUI, out: 'review' });
    expect(err).toContain(
      "review: note: checked on its own (schema and the rules within the issue), not against a gazette's other issues: the cover names 安徽政报, not 淄博市人民政府公报 (content/zibo); give --gazette zibo to check it against that gazette",
    );
    expect(err).not.toContain('before the gazette was founded');
    expect(code).toBe(0);
    expect(out).toMatch(/^imported 1 document into review: 2 new, .*; 0 errors, 0 warnings$/mu);
    expect(readdirSync(join(dir, 'review')).sort()).toEqual(['issue.yaml', 'wz-1985-38.md']);
    expect(files(join(dir, 'content/zibo'))).toEqual(files(ZIBO));

    // Named with --gazette, it is that gazette's issue, and checked against it.
    const named = await run({ input: ANHUI, out: 'named', gazette: 'zibo' });
    expect(named.code).toBe(1);
    expect(named.err).toContain(
      'named/issue.yaml:1:1: year: the issue is of 1985, before the gazette was founded (2003-01 in gazette.yaml)',
    );
  });

  it("--out at an issue's place in the content folder puts the issue in that gazette, checked there", async () => {
    cpSync(ZIBO, join(dir, 'content/zibo'), { recursive: true });
    const { code, out, err } = await run({ input: ANHUI, out: 'content/anhui/1985/11' });
    expect(err).not.toContain('note: checked on its own');
    expect(err).not.toContain('before the gazette was founded');
    expect(out).toMatch(/^imported 1 document into content\/anhui\/1985\/11: 3 new, /mu);
    expect(readFileSync(join(dir, 'content/anhui/gazette.yaml'), 'utf8')).toMatch(/^name: 安徽政报$/mu);
    expect(code).toBe(0);
    expect(await run({ input: ANHUI, out: 'content/anhui/1985/11', gazette: 'zibo' })).toMatchObject({
      code: 2,
      err: expect.stringContaining('--out content/anhui/1985/11 is in the gazette folder anhui, not zibo'),
    });
  });

  it('keeps the Markdown verdicts in the cache folder it is given, as npm run check does', async () => {
    gazetteOnly();
    const cacheDir = join(dir, 'cache');
    expect((await run({ input: SAMPLE, cacheDir })).code).toBe(0);
    const cached = JSON.parse(readFileSync(join(cacheDir, 'gazette-check/markdown.json'), 'utf8')) as {
      entries: object;
    };
    // The five documents' bodies and the gazette's about text.
    expect(Object.keys(cached.entries)).toHaveLength(6);
  });

  it('imports a PDF, with its pages checked against the TOC', async () => {
    gazetteOnly();
    writeFileSync(join(dir, 'issue.pdf'), await miniIssuePdf());
    const { code, out, err } = await run({ input: 'issue.pdf', saveText: 'issue.txt' });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'issue.txt:10: dropped (running header or footer): 淄博市人民政府公报 2020年第7期',
        'issue.txt:18: dropped (page number): — 1 —',
        'issue.txt:19: dropped (running header or footer): 淄博市人民政府公报 2020年第7期',
        'issue.txt:31: dropped (page number): — 2 —',
        'imported 2 documents into content/zibo/2020/07: 3 new, 0 overwritten, 0 unchanged; dropped 4 running-header and page-number lines; 0 errors, 0 warnings',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'issue.txt'), 'utf8')).toContain('\f');
  }, 60_000);

  it('does not write a document whose text it cannot place, names the lines and exits 1', async () => {
    gazetteOnly();
    // Text after the last signature that is no note, issued document or attachment.
    const sample = readFileSync(SAMPLE, 'utf8').replace(
      '2020年6月3日\n',
      '2020年6月3日\n\n某市某局某处,\n\n不知所云的一段文字。\n',
    );
    writeFileSync(join(dir, 'issue.txt'), sample);
    const { code, out, err } = await run({ input: 'issue.txt' });
    expect(code).toBe(1);
    expect(err).toMatch(
      /issue\.txt:\d+-\d+: error: "关于加强行政执法音像记录管理工作的意见" is not written: lines \d+-\d+ \(text after the signature that the importer cannot classify\) would be lost/u,
    );
    expect(out).toMatch(/^imported 4 documents/mu);
    expect(existsSync(join(dir, 'content/zibo/2020/07/zzbz-2020-58.md'))).toBe(false);
  });

  it('starts a new gazette without a 简介 page: gazette.yaml from the cover, placeholders where the issue is silent', async () => {
    writeFileSync(join(dir, 'issue.txt'), readFileSync(SAMPLE, 'utf8').split('《淄博市人民政府公报》简介')[0]!);
    const { code, out, err } = await run({ input: 'issue.txt', gazette: 'zibo' });
    expect(code).toBe(0);
    const written = readFileSync(join(dir, 'content/zibo/gazette.yaml'), 'utf8');
    expect(written).toBe(
      'name: 淄博市人民政府公报\nromanizedName: ZI BO SHI RENMIN ZHENGFU GONGBAO\npublisher: 【待填写：主办单位】\neditor: 【待填写：编辑出版】\n',
    );
    expect(err).toContain(
      'content/zibo/gazette.yaml:3:1: publisher: to fill in: the issue does not print the 主办单位; replace the placeholder (npm run check and the build refuse it until then)',
    );
    expect(err).toContain('content/zibo/gazette.yaml:4:1: editor: to fill in: the issue does not print the 编辑出版;');
    expect(out).toMatch(
      /; 0 errors, 0 warnings; content\/zibo\/gazette\.yaml: 2 fields to fill in \(publisher, editor\)$/u,
    );
    expect(files(join(dir, 'content/zibo/2020/07'))).toEqual(files(join(ZIBO, '2020/07')));
    // Imported again, the gazette.yaml is the editor's: never rewritten, nothing more to report.
    writeFileSync(
      join(dir, 'content/zibo/gazette.yaml'),
      written.replace('【待填写：主办单位】', '淄博市人民政府办公室'),
    );
    const again = await run({ input: 'issue.txt' });
    expect(again.err).not.toContain('to fill in');
    expect(again.err).toContain(
      'content/zibo/gazette.yaml:4:1: editor: placeholder 【待填写：编辑出版】 left by `npm run new`',
    );
    expect(readFileSync(join(dir, 'content/zibo/gazette.yaml'), 'utf8')).toContain('publisher: 淄博市人民政府办公室\n');
  });

  it('puts a placeholder in each required field a 简介 page does not print', async () => {
    writeFileSync(join(dir, 'issue.txt'), readFileSync(SAMPLE, 'utf8').replace(/^编辑出版[:：].*\n/mu, ''));
    const { code, err } = await run({ input: 'issue.txt', gazette: 'zibo' });
    expect(code).toBe(0);
    const written = readFileSync(join(dir, 'content/zibo/gazette.yaml'), 'utf8');
    expect(written).toBe(
      readFileSync(join(ZIBO, 'gazette.yaml'), 'utf8').replace(/^editor: .*$/mu, 'editor: 【待填写：编辑出版】'),
    );
    expect(err).toMatch(
      /content\/zibo\/gazette\.yaml:\d+:\d+: editor: to fill in: the issue does not print the 编辑出版/u,
    );
    expect(err).not.toContain('publisher: to fill in');
  });

  it('imports an issue whose TOC prints no section headings; the archive reader accepts it', async () => {
    gazetteOnly();
    writeFileSync(join(dir, 'issue.txt'), readFileSync(SAMPLE, 'utf8').replace('【市政府办公室文件】\n', ''));
    const { code, out } = await run({ input: 'issue.txt' });
    expect(code).toBe(0);
    expect(out).toBe(
      'imported 5 documents into content/zibo/2020/07: 6 new, 0 overwritten, 0 unchanged; 0 errors, 0 warnings',
    );
    expect(readFileSync(join(dir, 'content/zibo/2020/07/issue.yaml'), 'utf8')).not.toContain('sections');
  });

  it('refuses to guess which gazette', async () => {
    expect(await run({ input: SAMPLE })).toMatchObject({
      code: 2,
      err: expect.stringContaining('no gazette folder in'),
    });
    mkdirSync(join(dir, 'content/a'), { recursive: true });
    mkdirSync(join(dir, 'content/b'));
    expect(await run({ input: SAMPLE })).toMatchObject({
      code: 2,
      err: expect.stringContaining('holds several gazette folders (a, b); choose one with --gazette <id>'),
    });
  });

  it('refuses input that is neither a PDF nor UTF-8 text', async () => {
    writeFileSync(join(dir, 'issue.txt'), Buffer.from([0xd5, 0xfe, 0xb8, 0xae]));
    expect(await run({ input: 'issue.txt', gazette: 'zibo' })).toMatchObject({
      code: 2,
      err: expect.stringContaining('is not UTF-8 text (GBK?)'),
    });
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7 broken');
    expect(await run({ input: 'broken.pdf', gazette: 'zibo' })).toMatchObject({
      code: 2,
      err: expect.stringContaining('broken.pdf is not a readable PDF'),
    });
  });
});

describe('npm run import (the command line)', () => {
  const exec = promisify(execFile);
  const cli = async (args: string[]) => {
    try {
      const { stdout, stderr } = await exec(
        join(ROOT, 'node_modules/.bin/tsx'),
        [join(ROOT, 'scripts/import.ts'), ...args],
        {
          cwd: dir,
          // The check's Markdown cache goes to the test's folder, never the developer's.
          env: childEnv({ GAZETTE_CACHE_DIR: join(dir, 'cache') }),
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
      return { code, stdout, stderr };
    }
  };

  it('refuses to overwrite a changed file without --force, and leaves it as it was', async () => {
    gazetteOnly();
    expect((await run({ input: SAMPLE })).code).toBe(0);
    const file = join(dir, 'content/zibo/2020/07/zzbz-2020-54.md');
    const edited = `${readFileSync(file, 'utf8')}\n编辑的修改。\n`;
    writeFileSync(file, edited);
    const refused = await cli([SAMPLE, '--content', 'content']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'refusing to overwrite an existing file that differs from the import (use --force to overwrite):\n  content/zibo/2020/07/zzbz-2020-54.md\n',
    );
    expect(readFileSync(file, 'utf8')).toBe(edited);
    const forced = await cli([SAMPLE, '--content', 'content', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('0 new, 1 overwritten, 5 unchanged');
    expect(existsSync(join(dir, 'cache/gazette-check/markdown.json'))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(ZIBO, '2020/07/zzbz-2020-54.md'), 'utf8'));
  }, 60_000);

  it('starts a new gazette from an issue without a 简介 page; npm run check refuses its placeholders until they are filled', async () => {
    writeFileSync(join(dir, 'issue.txt'), readFileSync(SAMPLE, 'utf8').split('《淄博市人民政府公报》简介')[0]!);
    const imported = await cli(['issue.txt', '--content', 'content', '--gazette', 'zibo']);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(
      'content/zibo/gazette.yaml:3:1: publisher: to fill in: the issue does not print the 主办单位;',
    );
    expect(imported.stdout.trimEnd().split('\n').at(-1)).toBe(
      'imported 5 documents into content/zibo/2020/07: 7 new, 0 overwritten, 0 unchanged; 0 errors, 0 warnings; content/zibo/gazette.yaml: 2 fields to fill in (publisher, editor)',
    );
    const check = async () => {
      try {
        return {
          code: 0,
          ...(await exec(
            join(ROOT, 'node_modules/.bin/tsx'),
            [join(ROOT, 'scripts/check.ts'), '--content', 'content'],
            { cwd: dir, env: childEnv({ INIT_CWD: dir }) },
          )),
        };
      } catch (error) {
        return error as { code: number; stdout: string };
      }
    };
    const refused = await check();
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('content/zibo/gazette.yaml:3:1: publisher: placeholder 【待填写：主办单位】');
    expect(refused.stdout).toContain('content/zibo/gazette.yaml:4:1: editor: placeholder 【待填写：编辑出版】');
    const file = join(dir, 'content/zibo/gazette.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('【待填写：主办单位】', '淄博市人民政府')
        .replace('【待填写：编辑出版】', '淄博市人民政府办公室'),
    );
    expect((await check()).code).toBe(0);
  }, 60_000);

  it('--dry-run prints the files it would write and writes nothing', async () => {
    gazetteOnly();
    const { code, stdout, stderr } = await cli([
      SAMPLE,
      '--content',
      'content',
      '--dry-run',
      '--save-text',
      'issue.txt',
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain('issue.txt: note: not saved, as a dry run writes nothing');
    expect(stdout).toContain(
      `=== content/zibo/2020/07/issue.yaml (would create)\n${readFileSync(join(ZIBO, '2020/07/issue.yaml'), 'utf8')}`,
    );
    expect(stdout).toContain(
      `=== content/zibo/2020/07/zzbz-2020-58.md (would create)\n${readFileSync(join(ZIBO, '2020/07/zzbz-2020-58.md'), 'utf8')}`,
    );
    expect(stdout).toContain(
      'dry run: would import 5 documents into content/zibo/2020/07: 6 new, 0 overwritten, 0 unchanged; 0 errors, 0 warnings',
    );
    expect(readdirSync(join(dir, 'content/zibo'))).toEqual(['gazette.yaml']);
    expect(readdirSync(dir)).toEqual(['content']);
  }, 60_000);

  it('exits non-zero when the TOC and the documents disagree, naming the input lines', async () => {
    gazetteOnly();
    // The TOC now lists 59号 where the issue prints 58号.
    writeFileSync(
      join(dir, 'issue.txt'),
      readFileSync(SAMPLE, 'utf8').replace('(淄政办字〔2020〕58 号)', '(淄政办字〔2020〕59 号)'),
    );
    const { code, stderr } = await cli(['issue.txt', '--content', 'content']);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'issue.txt:22: error: missing document: "关于加强行政执法音像记录管理工作的意见" (淄政办字〔2020〕59号), page 25 in the TOC: no line holds its number 淄政办字〔2020〕59号',
    );
    expect(stderr).toContain(
      'issue.txt:304: error: extra document: the number 淄政办字〔2020〕58号 heads a document that the TOC does not list',
    );
  }, 60_000);
});
