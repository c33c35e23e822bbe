/**
 * `npx tsx scripts/pathological.ts [<case>…]`
 *
 * Times `npm run check` and a build of the sample archive with one pathological document added
 * (or a link, or a YAML file): the cases content/ must refuse quickly, and documents of about
 * 1 MB that stay within the limits of src/content/body-limits.ts (their cost per MB is the
 * worst a single accepted file can add). Prints one JSON line per case: exit codes, seconds, and
 * the problem line. Work folders go to /tmp/gazette-pathological; nothing else is written.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, REPO_ROOT } from '../tests/helpers/astro-build';

const WORK = '/tmp/gazette-pathological';
const head = `---\ntitle: 关于测试的通知\nissuers:\n  - 淄博市人民政府办公室\ndate: 2020-05-24\nsection: 市政府办公室文件\npage: 30\n---\n\n`;
/** `unit` joined by `separator` until the text reaches 1 MB. */
const megabyte = (unit: string, separator: string) => {
  const count = Math.ceil(1_000_000 / Buffer.byteLength(unit + separator));
  return Array(count).fill(unit).join(separator);
};
const plainText = megabyte('中文段落，内容。'.repeat(20), '\n\n');

function randomText(): string {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const runs = Math.ceil(1_000_000 / 3000);
  return Array.from({ length: runs }, () =>
    Array.from({ length: 999 }, () => String.fromCharCode(0x4e00 + Math.floor(next() * 3000))).join(''),
  ).join('。');
}

const levels = 'abcdefghi'.split('');
const ALIAS_BOMB = levels
  .map(
    (name, index) =>
      `${name}: &${name} [${Array(9)
        .fill(index === 0 ? '"lol"' : `*${levels[index - 1]}`)
        .join(',')}]`,
  )
  .join('\n');

const CASES: Record<string, (issue: string) => void> = {
  // Refused.
  'dev-zero-link': (issue) => symlinkSync('/dev/zero', join(issue, 'zero.md')),
  'alias-bomb': (issue) => writeFileSync(join(issue, 'bomb.md'), `---\n${ALIAS_BOMB}\n---\n\n正文。\n`),
  'nested-lists-10000': (issue) => writeFileSync(join(issue, 'nested.md'), `${head}${'- '.repeat(10_000)}x\n`),
  'nested-quotes-10000': (issue) => writeFileSync(join(issue, 'quotes.md'), `${head}${'>'.repeat(10_000)} x\n`),
  'cjk-line-630000': (issue) => writeFileSync(join(issue, 'cjk.md'), `${head}${'中'.repeat(630_000)}\n`),
  'bracket-storm-200kb': (issue) => writeFileSync(join(issue, 'storm.md'), `${head}${'[*'.repeat(100_000)}\n`),
  // Accepted, about 1 MB each, at the limits.
  'ok-random-text': (issue) => writeFileSync(join(issue, 'ok.md'), `${head}${randomText()}\n`),
  'ok-repeated-character': (issue) =>
    writeFileSync(join(issue, 'ok.md'), `${head}${megabyte('中'.repeat(10), '，')}\n`),
  'ok-list-1990-items': (issue) =>
    writeFileSync(
      join(issue, 'ok.md'),
      `${head}${Array(1_990)
        .fill(`- ${'中文内容，'.repeat(3)}中文。`)
        .join('\n')}\n\n${plainText}\n`,
    ),
  'ok-quotes-1990': (issue) =>
    writeFileSync(
      join(issue, 'ok.md'),
      `${head}${Array(1_990).fill('> 中文内容，中文内容。').join('\n\n')}\n\n${plainText}\n`,
    ),
  'ok-quotes-16-deep': (issue) =>
    writeFileSync(
      join(issue, 'ok.md'),
      `${head}${Array(124)
        .fill(`${'> '.repeat(16)}中文内容，中文内容。`)
        .join('\n\n')}\n\n${plainText}\n`,
    ),
  'ok-table-19900-rows': (issue) =>
    writeFileSync(
      join(issue, 'ok.md'),
      `${head}| 序号 | 名称 | 内容 |\n| --- | --- | --- |\n${Array.from({ length: 19_900 }, (_, i) => `| ${i} | 中文内容 | 中文内容，中文内容 |`).join('\n')}\n`,
    ),
  'ok-markup-19900': (issue) =>
    writeFileSync(
      join(issue, 'ok.md'),
      `${head}${Array(199).fill('*强调* '.repeat(50)).join('\n\n')}\n\n${plainText}\n`,
    ),
};

const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(CASES);
for (const name of names) {
  const root = join(WORK, name);
  rmSync(root, { recursive: true, force: true });
  const content = join(root, 'content');
  cpSync(join(REPO_ROOT, 'content'), content, { recursive: true });
  CASES[name](join(content, 'zibo/2020/07'));
  let started = performance.now();
  const check = spawnSync('npm', ['run', '--silent', 'check', '--', '--content', content], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const checkSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const build = await astroBuild({ base: '/', outDir: join(root, 'site'), contentDir: content });
  const buildSeconds = (performance.now() - started) / 1000;
  const problem = check.stdout.split('\n').find((line) => line.startsWith('/') && !line.includes(': warning: ')) ?? '';
  console.log(
    JSON.stringify({
      name,
      check: { code: check.status, seconds: Number(checkSeconds.toFixed(2)) },
      build: { code: build.code, seconds: Number(buildSeconds.toFixed(2)) },
      problem: problem.slice(problem.indexOf('/zibo/')),
    }),
  );
  rmSync(root, { recursive: true, force: true });
}
