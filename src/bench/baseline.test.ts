import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexedPages, pagefindBaselineCommand, readPagefindPackage } from './baseline';

const REPO = resolve(import.meta.dirname, '../..');

describe('pagefindBaselineCommand', () => {
  it('runs the bin script of the installed package on the site, into its own folder', () => {
    const pkg = readPagefindPackage(REPO);
    const command = pagefindBaselineCommand(pkg, '/tmp/n1000/dist', '/tmp/n1000/baseline-pagefind');
    expect(command.args).toEqual([
      join(REPO, 'node_modules/pagefind/lib/runner/bin.cjs'),
      '--site',
      '/tmp/n1000/dist',
      '--output-path',
      '/tmp/n1000/baseline-pagefind',
    ]);
    expect(existsSync(command.args[0]!)).toBe(true);
    expect(command.display).toBe(
      `npx pagefind@${pkg.version} --site /tmp/n1000/dist --output-path /tmp/n1000/baseline-pagefind`,
    );
    expect(pkg.version).toMatch(/^1\.6\./u);
  });

  it('reads a bin map, and says which package.json lacks it', () => {
    const pkg = { dir: '/x/pagefind', version: '1.6.0', bin: { pagefind: 'bin.js' } };
    expect(pagefindBaselineCommand(pkg, 's', 'o').args[0]).toBe('/x/pagefind/bin.js');
    expect(() => pagefindBaselineCommand({ ...pkg, bin: {} }, 's', 'o')).toThrow(/\/x\/pagefind\/package\.json/u);
  });
});

describe('indexedPages', () => {
  it("reads Pagefind's total", () => {
    const log = [
      '[Building search indexes]',
      'Total: ',
      '  Indexed 1 language',
      '  Indexed 10000 pages',
      '  Indexed 52410 words',
      '',
      'Finished in 212.168 seconds',
    ].join('\n');
    expect(indexedPages(log)).toBe(10000);
    expect(indexedPages('Error: no pages')).toBeNull();
  });
});
