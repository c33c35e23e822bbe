import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gazetteDifferences, planFiles, strayDocuments, writePlannedFiles } from './write-issue';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('planFiles and writePlannedFiles', () => {
  it('tells new, unchanged and changed files apart, and writes only what is new or changed', () => {
    writeFileSync(join(dir, 'same.md'), 'same\n');
    writeFileSync(join(dir, 'changed.md'), 'old\n');
    const plan = planFiles([
      { path: join(dir, 'same.md'), content: 'same\n' },
      { path: join(dir, 'changed.md'), content: 'new\n' },
      { path: join(dir, '2020/07/new.md'), content: 'created\n' },
    ]);
    expect(plan.map(({ action }) => action)).toEqual(['unchanged', 'overwrite', 'create']);
    writePlannedFiles(plan);
    expect(readFileSync(join(dir, 'changed.md'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(dir, '2020/07/new.md'), 'utf8')).toBe('created\n');
  });
});

describe('strayDocuments', () => {
  it('lists Markdown files in the issue folder that the import does not produce', () => {
    mkdirSync(join(dir, 'issue'));
    for (const name of ['zzbz-2020-54.md', 'old-slug.md', 'issue.yaml']) writeFileSync(join(dir, 'issue', name), '');
    expect(strayDocuments(join(dir, 'issue'), ['zzbz-2020-54'])).toEqual([join(dir, 'issue', 'old-slug.md')]);
    expect(strayDocuments(join(dir, 'missing'), [])).toEqual([]);
  });
});

describe('gazetteDifferences', () => {
  it('names the fields the 简介 page gives differently', () => {
    const existing = 'name: 淄博市人民政府公报\nphone: 0533-3183683\npostcode: 255003\nabout: |\n  简介。\n';
    expect(
      gazetteDifferences(existing, {
        name: '淄博市人民政府公报',
        postcode: '255003',
        about: '简介。\n',
        phone: '0533-3183683 3182579',
        editor: '淄博市人民政府办公室',
      }),
    ).toEqual([
      'phone: "0533-3183683"; the 简介 page gives "0533-3183683 3182579"',
      'editor: not set; the 简介 page gives "淄博市人民政府办公室"',
    ]);
  });
});
