/**
 * npx tsx scripts/synthetic-content.ts <dir> [documents]
 *
 * Writes a synthetic archive (src/lib/content/synthetic.ts) to <dir>/content, for measuring
 * `npm run check` and the build at scale. Refuses a folder that already has content/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { syntheticArchive } from '../src/lib/content/synthetic';

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
const files = syntheticArchive({ documents: Number(count) });
for (const [path, text] of files) {
  mkdirSync(dirname(join(content, path)), { recursive: true });
  writeFileSync(join(content, path), text);
}
console.log(`wrote ${files.size} files to ${content}`);
