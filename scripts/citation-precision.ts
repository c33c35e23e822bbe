/**
 * Measures how precisely cited numbers are read from real running text (src/content/citation-precision.ts).
 *
 *   npm run citations:precision -- <folder of .md/.txt files>
 *       [--sample tests/fixtures/citations/lawrefbook-sample.json]
 *   npm run citations:precision -- <folder> --draw 200 --seed 10   # print a new sample to verify by hand
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  doubt,
  numbersInText,
  scoreSample,
  seededSample,
  unreadTails,
  type FoundInFile,
  type SampleEntry,
} from '../src/content/citation-precision';
import { invocationDir, parseCommandLine } from './invocation';

const USAGE = 'usage: npm run citations:precision -- <folder> [--sample <verified.json>] [--draw <n> --seed <n>]';

function textFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return textFiles(path);
      return /\.(?:md|txt)$/u.test(entry.name) ? [path] : [];
    });
}

const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(2)} %`);

function main(): void {
  const args = parseCommandLine(
    { sample: { type: 'string' }, draw: { type: 'string' }, seed: { type: 'string', default: '10' } },
    USAGE,
  );
  if (!args) return;
  const [folder] = args.positionals;
  if (!folder) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const root = resolve(invocationDir(), folder);
  const files = textFiles(root);
  const found: FoundInFile[] = [];
  const unread: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    found.push(...numbersInText(relative(root, file), text));
    unread.push(...unreadTails(text));
  }

  if (args.values.draw) {
    const drawn = seededSample(found, Number(args.values.draw), Number(args.values.seed));
    const entries: SampleEntry[] = drawn.map(({ file, sentence }) => ({ file, sentence, expected: [] }));
    console.log(JSON.stringify(entries, null, 2));
    return;
  }

  const doubtful = found.flatMap((item) => {
    const reason = doubt(item.number);
    return reason ? [{ ...item, reason }] : [];
  });
  const prefixes = new Map<string, number>();
  for (const { number } of found) prefixes.set(number.prefix, (prefixes.get(number.prefix) ?? 0) + 1);

  console.log(
    `${files.length} files, ${found.length} numbers found (${found.filter((item) => item.number.kind === 'order').length} order numbers), ${prefixes.size} distinct 代字/organs`,
  );
  console.log(
    `shape check: ${doubtful.length} of ${found.length} doubtful; precision ${percent(found.length - doubtful.length, found.length)} counting each doubtful number as wrong`,
  );
  for (const item of doubtful)
    console.log(`  ${item.file}:${item.line}: ${item.number.canonical}: ${item.reason} — ${item.sentence}`);
  console.log(`number tails without a found number (no 代字 printed, or missed): ${unread.length}`);
  for (const sentence of unread) console.log(`  ${sentence}`);
  console.log('distinct 代字/organs, most frequent first:');
  for (const [prefix, count] of [...prefixes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-Hans-CN'))) {
    console.log(`  ${count}\t${prefix}`);
  }

  if (args.values.sample) {
    const entries = JSON.parse(readFileSync(resolve(invocationDir(), args.values.sample), 'utf8')) as SampleEntry[];
    const score = scoreSample(entries);
    console.log(
      `verified sample: ${entries.length} sentences, ${score.expected} numbers cited, ${score.found} found, ${score.correct} read exactly: precision ${percent(score.correct, score.found)}, recall ${percent(score.correct, score.expected)}`,
    );
    for (const miss of score.mismatches)
      console.log(`  expected ${miss.expected.join(' ')} found ${miss.found.join(' ')} — ${miss.sentence}`);
  }
}

main();
