import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchive } from '../content/archive';
import { officialTitle } from '../domain/official-title';
import { EXTRA_TITLES, fixtureTexts, PLANTED_TERMS, titleArchive, TITLE_QUERIES } from './title-archive';
import { documentIdOf, formatResults, tally, writeArchiveFiles } from './title-ranking';

const texts = fixtureTexts(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/fixtures/ranking/regulations.json'), 'utf8')),
);
const { files, cases } = titleArchive({ documents: 300, texts });
const documentFile = (id: string) => files.find((file) => file.path.endsWith(`/${id}.md`))!;
const titleOf = (id: string) =>
  documentFile(id)
    .content.match(/^title: (.*)$/mu)![1]!
    .replace(/^"(.*)"$/u, '$1');

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('titleArchive', () => {
  it('is a valid archive of the size asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'title-archive-'));
    dirs.push(dir);
    writeArchiveFiles(dir, files);
    const result = readArchive(dir);
    expect(result.problems).toEqual([]);
    expect(result.archive!.documents).toHaveLength(300);
  });

  it('gives each real title queried a document of that title, once, its text from the regulation', () => {
    const titleCases = cases.filter((c) => c.kind === 'title');
    expect(titleCases.map((c) => c.query)).toEqual([...TITLE_QUERIES]);
    for (const { query, expected } of titleCases) {
      expect(titleOf(expected)).toBe(query);
      expect(files.filter((file) => titleOfFile(file.content) === query)).toHaveLength(1);
    }
    const hangzhou = titleCases.find((c) => c.query === '杭州市法律援助条例')!;
    const national = texts.find((t) => t.title === '法律援助条例')!;
    expect(documentFile(hangzhou.expected).content).toContain(national.paragraphs[0]);
    // Every extra title is there, and collides with its source's title.
    for (const { title } of EXTRA_TITLES) expect(files.some((file) => titleOfFile(file.content) === title)).toBe(true);
  });

  it('searches notices by their full cited title, bare and in 《》, each title unique in the archive', () => {
    const official = cases.filter((c) => c.kind === 'official');
    expect(official).toHaveLength(5);
    for (const { query, expected } of official) {
      const content = documentFile(expected).content;
      const issuer = content.match(/^issuers:\n {2}- (.+)$/mu)![1]!;
      expect(officialTitle({ title: titleOf(expected), issuers: [issuer] })).toBe(query);
      expect(cases).toContainEqual({ kind: 'official-marked', query: `《${query}》`, expected });
    }
  });

  it('plants each term in one document only', () => {
    for (const { term } of PLANTED_TERMS) {
      const holders = files.filter((file) => file.content.includes(term));
      expect(holders.map((file) => documentIdOf(file.path.replace(/^[^/]+\/|\.md$/gu, '')))).toEqual([
        cases.find((c) => c.query === term)!.expected,
      ]);
    }
  });

  it('is deterministic', () => {
    expect(titleArchive({ documents: 300, texts })).toEqual({ files, cases });
  });
});

function titleOfFile(content: string): string | undefined {
  return content.match(/^title: (.*)$/mu)?.[1]?.replace(/^"(.*)"$/u, '$1');
}

describe('title-ranking figures', () => {
  it('reads document ids from result URLs and page paths', () => {
    expect(documentIdOf('http://127.0.0.1:4000/2020/07/zzbz-2020-54/')).toBe('2020/07/zzbz-2020-54');
    expect(documentIdOf('2020/07/zzbz-2020-54/index.html')).toBe('2020/07/zzbz-2020-54');
  });

  it('counts the cases whose document came first, by kind, and lists the misses', () => {
    const results = [
      { kind: 'title' as const, query: '法律援助条例', expected: 'a', first: 'a', rank: 1 },
      { kind: 'title' as const, query: '个体工商户条例', expected: 'b', first: 'c', rank: 2 },
      { kind: 'phrase' as const, query: '人才贷', expected: 'd', first: null, rank: null },
    ];
    expect(tally(results)).toEqual({ title: { first: 1, of: 2 }, phrase: { first: 0, of: 1 } });
    expect(formatResults('online', results)).toBe(
      [
        'online title: 1/2 first',
        'online phrase: 0/1 first',
        '  miss 个体工商户条例 → c; expected b at 2',
        '  miss 人才贷 → (nothing); expected d at not in the first page',
      ].join('\n'),
    );
  });
});
