import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchive } from './archive';
import { syntheticArchive } from './synthetic';

const root = mkdtempSync(join(tmpdir(), 'gazette-synthetic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('syntheticArchive', () => {
  it('is deterministic', () => {
    expect(syntheticArchive({ documents: 30 })).toEqual(syntheticArchive({ documents: 30 }));
  });

  it('gives a valid archive with the requested number of documents, without warnings', () => {
    const files = syntheticArchive({ documents: 130, perIssue: 5 });
    for (const [path, text] of files) {
      mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
      writeFileSync(join(root, 'content', path), text);
    }
    const result = readArchive(join(root, 'content'), root);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.archive!.documents).toHaveLength(130);
    // 26 issues: into a second year, where cumulative numbers go on.
    expect(result.archive!.issues.map((issue) => issue.id).slice(23, 26)).toEqual(['2000/24', '2001/01', '2001/02']);
  });
});
