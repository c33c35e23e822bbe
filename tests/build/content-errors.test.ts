/**
 * Broken content stops the build: a non-zero exit and one line per problem naming the file,
 * line, field and fix; nothing is written to the output folder.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild, REPO_ROOT } from '../helpers/astro-build';

const work = mkdtempSync(join(tmpdir(), 'gazette-broken-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a build of broken content', () => {
  it('fails, listing every problem as path:line:column: field: message', async () => {
    const content = join(work, 'content');
    cpSync(join(REPO_ROOT, 'content'), content, { recursive: true });
    const doc = join(content, 'zibo/2020/07/zzbz-2020-56.md');
    writeFileSync(
      doc,
      readFileSync(doc, 'utf8').replace('date: 2020-05-26', 'date: 2020-05-32').replace('page: 13', 'page: 十三'),
    );
    const other = join(content, 'zibo/2020/07/zzbz-2020-58.md');
    writeFileSync(other, readFileSync(other, 'utf8').replace('number: 淄政办字〔2020〕58号', 'number: 淄政办字[2020]57号'));

    const outDir = join(work, 'out');
    const result = await astroBuild({ base: '/', outDir, contentDir: content });

    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      'content/zibo/2020/07/zzbz-2020-56.md:6:1: date: "2020-05-32" is not a real date written YYYY-MM-DD, e.g. 2020-05-24',
    );
    expect(result.output).toContain(
      'content/zibo/2020/07/zzbz-2020-56.md:13:1: page: expected the first page in the printed issue as a whole number',
    );
    expect(result.output).toMatch(
      /content\/zibo\/2020\/07\/zzbz-2020-58\.md:3:1: number: 淄政办字〔2020〕57号 is also the number of content\/zibo\/2020\/07\/zzbz-2020-57\.md/,
    );
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  }, 120_000);
});
