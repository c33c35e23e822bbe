/**
 * npx tsx scripts/synthetic-content.ts <dir> [documents]
 *
 * Writes a generated archive (src/bench/generate.ts, the benchmark's generator, with text
 * from the sample issue in content/) to <dir>/content, for measuring `npm run check` and the
 * build at scale. Refuses a folder that already has content/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArchive } from '../src/bench/generate';
import { readArchiveTexts } from '../src/bench/text-source';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [dir, count = '10000'] = process.argv.slice(2);
if (!dir || !/^\d+$/.test(count)) {
  console.error('usage: npx tsx scripts/synthetic-content.ts <dir> [documents]');
  process.exit(2);
}
const content = join(dir, 'content');
if (existsSync(content)) {
  console.error(`${content} exists; choose an empty folder`);
  process.exit(1);
}
let written = 0;
for (const file of generateArchive({ documents: Number(count), texts: readArchiveTexts(join(REPO, 'content')) })) {
  mkdirSync(dirname(join(content, file.path)), { recursive: true });
  writeFileSync(join(content, file.path), file.content);
  written += 1;
}
console.log(`wrote ${written} files to ${content}`);
