/**
 * Broken content stops `npm run check` and the build: a non-zero exit and one line per problem
 * naming the file, line, field and fix; nothing is written to the output folder, and no
 * editor's file is written, moved or rewritten. One kind of breakage per file, all in one
 * archive (one check run and one build for all of them).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, REPO_ROOT } from '../helpers/astro-build';
import { npmRun } from '../helpers/cli';

const work = mkdtempSync(join(tmpdir(), 'gazette-broken-'));
const content = join(work, 'content');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A valid document of the sample issue, with some fields replaced ('' drops one). */
function documentText(n: number, fields: Record<string, string> = {}, body = '正文。\n'): string {
  const all: Record<string, string> = {
    title: '关于做好某项工作的通知',
    number: `淄政办字〔2020〕${n}号`,
    issuers: '\n  - 淄博市人民政府办公室',
    date: '2020-05-30',
    section: '市政府办公室文件',
    page: String(n),
    ...fields,
  };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

const ISSUE = 'zibo/2020/07';
/** Each broken file, and the one line `check` and the build must print for it. */
const BROKEN: [string, string | Uint8Array, string][] = [
  [
    `${ISSUE}/bad-yaml.md`,
    documentText(101, { issuers: '[淄博市人民政府办公室' }),
    'bad-yaml.md:5:1: invalid YAML: deficient indentation; check the quotes, brackets and indentation on this line and the one before',
  ],
  [
    `${ISSUE}/missing-field.md`,
    documentText(102, { date: '' }),
    'missing-field.md:2:1: date: missing; expected a date written YYYY-MM-DD, e.g. 2020-05-24',
  ],
  [
    `${ISSUE}/wrong-type.md`,
    documentText(103, { page: '十三' }),
    'wrong-type.md:8:1: page: expected the first page in the printed issue as a whole number',
  ],
  [
    `${ISSUE}/impossible-date.md`,
    documentText(104, { date: '2020-02-30' }),
    'impossible-date.md:6:1: date: "2020-02-30" is not a real date written YYYY-MM-DD, e.g. 2020-05-24',
  ],
  [
    `${ISSUE}/duplicate-number.md`,
    documentText(105, { number: '淄政办字[2020]54号' }),
    'duplicate-number.md:3:1: number: 淄政办字〔2020〕54号 is also the number of content/zibo/2020/07/zzbz-2020-54.md; two documents cannot share a number',
  ],
  [
    `${ISSUE}/unknown-section.md`,
    documentText(106, { section: '部门文件' }),
    'unknown-section.md:7:1: section: section "部门文件" is not declared in content/zibo/2020/07/issue.yaml; use one of: 市政府办公室文件',
  ],
  [
    'zibo/2020/stray.md',
    documentText(107),
    'stray.md: unexpected entry: a year folder holds one folder per issue, named by its number with two digits (e.g. 07/)',
  ],
  [
    `${ISSUE}/bom.md`,
    new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(documentText(108))]),
    'bom.md:1:1: the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM',
  ],
  [
    `${ISSUE}/crlf.md`,
    documentText(109).replace(/\n/g, '\r\n'),
    'crlf.md:1:4: the file has Windows (CRLF) or CR line endings; convert them to LF (e.g. `dos2unix`, or set git core.autocrlf=input)',
  ],
  [
    `${ISSUE}/gbk.md`,
    // 正文 in GBK after UTF-8 text: the first bad byte is on line 11, column 3.
    new Uint8Array([...utf8(documentText(110, {}, '正文')), 0xd5, 0xfd, 0xce, 0xc4, 0x0a]),
    'gbk.md:11:3: the file is not valid UTF-8 (GBK or GB 2312?); convert it to UTF-8, e.g. `iconv -f GBK -t UTF-8`',
  ],
  [`${ISSUE}/empty.md`, '', 'empty.md: the file is empty'],
  [
    `${ISSUE}/huge.md`,
    documentText(112, {}, '正文。'.repeat(250_000)),
    'huge.md: the file is 2250193 bytes, more than the 2097152 allowed; split the document or move large tables into attachments',
  ],
];

/** The expected lines, with the path from the project root as printed. */
const brokenLines = () => BROKEN.map(([path, , line]) => `content/${dirname(path)}/${line}`);

function snapshot(): Map<string, Buffer> {
  return new Map(
    readdirSync(content, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(content, path), readFileSync(path)];
      }),
  );
}

/** Typos in the sample's own files: a date, a page, a number that another document has. */
function breakSampleFiles() {
  const doc = join(content, 'zibo/2020/07/zzbz-2020-56.md');
  writeFileSync(
    doc,
    readFileSync(doc, 'utf8').replace('date: 2020-05-26', 'date: 2020-05-32').replace('page: 13', 'page: 十三'),
  );
  const other = join(content, 'zibo/2020/07/zzbz-2020-58.md');
  writeFileSync(
    other,
    readFileSync(other, 'utf8').replace('number: 淄政办字〔2020〕58号', 'number: 淄政办字[2020]57号'),
  );
}
const SAMPLE_LINES = [
  'content/zibo/2020/07/zzbz-2020-56.md:6:1: date: "2020-05-32" is not a real date written YYYY-MM-DD, e.g. 2020-05-24',
  'content/zibo/2020/07/zzbz-2020-56.md:13:1: page: expected the first page in the printed issue as a whole number',
  'content/zibo/2020/07/zzbz-2020-58.md:3:1: number: 淄政办字〔2020〕57号 is also the number of content/zibo/2020/07/zzbz-2020-57.md; two documents cannot share a number',
];

let before: Map<string, Buffer>;
beforeAll(() => {
  cpSync(join(REPO_ROOT, 'content'), content, { recursive: true });
  breakSampleFiles();
  for (const [path, contents] of BROKEN) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), contents);
  }
  before = snapshot();
});

/**
 * In the order check prints them: by file, then line. The content folder lies outside the
 * directory check and the build run from, so every path is printed absolute.
 */
const EXPECTED = () => {
  const key = (line: string) => /^(.+?)(?::(\d+):\d+)?: /.exec(line)!;
  const absolute = (line: string) => line.replaceAll('content/zibo/', `${content}/zibo/`);
  return [...SAMPLE_LINES, ...brokenLines()].map(absolute).sort((a, b) => {
    const [, fileA, lineA = '0'] = key(a);
    const [, fileB, lineB = '0'] = key(b);
    return fileA < fileB ? -1 : fileA > fileB ? 1 : Number(lineA) - Number(lineB);
  });
};

describe('broken content', () => {
  // stray.md is reported where it lies, not read: 7 sample files and 11 broken ones are.
  it('fails npm run check with every problem on its own line, in file order, then a summary', () => {
    const result = npmRun('check', ['--content', content]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(EXPECTED());
    expect(lines.at(-1)).toMatch(/^18 files checked, 15 errors, 0 warnings \(\d+\.\d\d s\)$/);
    expect(snapshot()).toEqual(before);
  });

  it('fails the build with the same lines, writing nothing', async () => {
    const outDir = join(work, 'out');
    const result = await astroBuild({ base: '/', outDir, contentDir: content });
    expect(result.code).not.toBe(0);
    for (const line of EXPECTED()) expect(result.output).toContain(line);
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
    expect(snapshot()).toEqual(before);
  }, 120_000);
});
