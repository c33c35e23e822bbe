import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchive } from '../content/archive';
import {
  MARKDOWN_SIZE,
  generateArchive,
  generateIssue,
  issueAt,
  markdownSize,
  mulberry32,
  nextIssues,
  planArchive,
  topicOf,
} from './generate';
import { markdownFacts, summarizeMarkdown } from './report';
import { parseRegulation, type SourceText } from './text-source';

const REGULATION = parseRegulation(
  [
    '# 中华人民共和国示例管理条例（试行）',
    '',
    '2020年1月1日 中华人民共和国国务院令第700号公布',
    '',
    '<!-- INFO END -->',
    '',
    '## 第一章 总则',
    '',
    ...Array.from(
      { length: 40 },
      (_, i) => `第${i + 1}条 为了规范示例管理活动，保障公民、法人和其他组织的合法权益，制定本条例第${i + 1}项。\n`,
    ),
    '## 第二章 附则',
    '',
    '本条例自公布之日起施行。依照国发〔2030〕1号文件执行。',
  ].join('\n'),
)!;
const TEXTS: SourceText[] = [
  REGULATION,
  {
    title: '关于做好人才贷工作的意见',
    heads: ['一、总体要求'],
    paragraphs: ['推动人才贷业务实现新突破，强化示范带动作用。'],
  },
];

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function writeArchive(files: Iterable<{ path: string; content: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-generate-'));
  dirs.push(dir);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

describe('planArchive', () => {
  it('publishes 24 issues a year back from the last year, about ten documents each', () => {
    expect(planArchive({ documents: 10_000 })).toMatchObject({
      issues: 1000,
      issuesPerYear: 24,
      firstYear: 1984,
      lastYear: 2025,
    });
    expect(planArchive({ documents: 100, lastYear: 2020 })).toMatchObject({ issues: 10, firstYear: 2020 });
  });

  it('publishes more issues a year when 24 would reach back before 1950', () => {
    const plan = planArchive({ documents: 100_000 });
    expect(plan.firstYear).toBeGreaterThanOrEqual(1950);
    expect(plan.issuesPerYear).toBeGreaterThan(24);
  });

  it('has exactly the documents asked for', () => {
    for (const documents of [1, 7, 19, 20, 21, 95, 1234]) {
      const plan = planArchive({ documents });
      const total = Array.from({ length: plan.issues }, (_, i) => issueAt(plan, i).documents).reduce(
        (a, b) => a + b,
        0,
      );
      expect(total, `${documents} documents`).toBe(documents);
    }
  });

  it('refuses sizes it cannot make', () => {
    expect(() => planArchive({ documents: 0 })).toThrow(/at least 1/);
    expect(() => planArchive({ documents: 10, lastYear: 1900 })).toThrow(/lastYear/);
  });
});

describe('generateArchive', () => {
  it('writes content that the archive reader accepts without problems or warnings, spanning two years', () => {
    const dir = writeArchive(generateArchive({ documents: 60, texts: TEXTS, lastYear: 2021 }));
    const result = readArchive(dir);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    const documents = result.archive!.documents;
    expect(documents).toHaveLength(60);
    // Numbers, tables, signatures and several issuers and sections, as in a real gazette.
    expect(new Set(documents.map((d) => d.number)).size).toBe(60);
    expect(new Set(documents.map((d) => d.section)).size).toBeGreaterThan(1);
    expect(new Set(documents.map((d) => d.issuers[0])).size).toBeGreaterThan(2);
    expect(documents.some((d) => d.body.includes('| --- |'))).toBe(true);
    expect(documents.every((d) => d.body.includes(':::signature'))).toBe(true);
    // The first issue of a year carries documents of the previous December.
    expect(documents.some((d) => d.date.startsWith('2020-12'))).toBe(true);
  });

  it('is deterministic, and the next issue can be made on its own', () => {
    const options = { documents: 30, texts: TEXTS };
    const a = [...generateArchive(options)];
    expect([...generateArchive(options)]).toEqual(a);
    const plan = planArchive(options);
    expect(generateIssue(options, plan, 1)).toEqual(a.filter((f) => f.path.startsWith('shili/2025/02/')));
    const next = generateIssue(options, plan, plan.issues);
    expect(next[0]!.path).toBe('shili/2025/04/issue.yaml');
    const dir = writeArchive([...a, ...next]);
    expect(readArchive(dir).problems).toEqual([]);
  });

  it('leaves out source paragraphs that cite numbers of later years', () => {
    const files = [...generateArchive({ documents: 40, texts: [REGULATION], lastYear: 2021 })];
    expect(files.some((f) => f.content.includes('国发〔2030〕'))).toBe(false);
  });
});

describe('document sizes', () => {
  const documents = [...generateArchive({ documents: 2000, texts: TEXTS })].filter((f) => f.path.endsWith('.md'));
  const summary = summarizeMarkdown(documents.map((f) => markdownFacts(f.content)));

  it('have the mean, median and tail of real gazette documents', () => {
    expect(summary.documents).toBe(2000);
    // MARKDOWN_SIZE: mean 10 KB (the sample's 9.5 KB), median near the sample's 7.3 KB,
    // a tail like the regulations' (p99 45 KB) cut at 60 KB.
    expect(summary.meanBytes).toBeGreaterThan(9_500);
    expect(summary.meanBytes).toBeLessThan(10_500);
    expect(summary.medianBytes).toBeGreaterThan(6_500);
    expect(summary.medianBytes).toBeLessThan(9_000);
    expect(summary.p90Bytes).toBeGreaterThan(16_000);
    expect(summary.p99Bytes).toBeGreaterThan(30_000);
    expect(summary.maxBytes).toBeGreaterThan(45_000);
    expect(summary.maxBytes).toBeLessThan(MARKDOWN_SIZE.maxBytes + 2_000);
  });

  it("give about one document in five an attachment table like the sample's", () => {
    expect(summary.tableShare).toBeGreaterThan(0.15);
    expect(summary.tableShare).toBeLessThan(0.25);
    const table = documents.find((f) => f.content.includes('| --- |'))!.content;
    expect(table).toContain('## 附件');
    expect(table).toContain('| 序号 | 工作任务 | 目标任务 | 工作措施 | 牵头单位 | 配合单位 |');
    const rows = table.split('\n').filter((line) => /^\| \d+ \|/u.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    // Six cells a row: no pipe of the text leaks into a cell.
    expect(rows.every((row) => row.split(' | ').length === 6)).toBe(true);
  });

  it('are drawn from a log-normal cut at both ends', () => {
    const random = mulberry32(7);
    const sizes = Array.from({ length: 20_000 }, () => markdownSize(random));
    expect(Math.min(...sizes)).toBe(MARKDOWN_SIZE.minBytes);
    expect(Math.max(...sizes)).toBe(MARKDOWN_SIZE.maxBytes);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(Math.abs(mean - MARKDOWN_SIZE.meanBytes)).toBeLessThan(300);
  });
});

describe('nextIssues', () => {
  it('gives the next issue of the newest year and the first of the year after', () => {
    const plan = planArchive({ documents: 10_000, lastYear: 2024 });
    const { sameYear, newYear } = nextIssues(plan);
    expect(issueAt(plan, sameYear!)).toMatchObject({ year: 2024, number: 17 });
    expect(issueAt(plan, newYear)).toMatchObject({ year: 2025, number: 1 });
  });

  it('has no same-year issue when the newest year is full', () => {
    const plan = planArchive({ documents: 240, lastYear: 2024 });
    expect(nextIssues(plan)).toEqual({ sameYear: null, newYear: 24 });
    expect(issueAt(plan, 24)).toMatchObject({ year: 2025, number: 1 });
  });

  it('makes issues the archive reader accepts after the archive', () => {
    const options = { documents: 50, texts: TEXTS, lastYear: 2021 };
    const plan = planArchive(options);
    const { sameYear, newYear } = nextIssues(plan);
    const dir = writeArchive([
      ...generateArchive(options),
      ...generateIssue(options, plan, sameYear!),
      ...generateIssue(options, plan, newYear),
    ]);
    const result = readArchive(dir);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(new Set(result.archive!.documents.map((d) => d.date.slice(0, 4)))).toContain('2022');
  });
});

describe('topicOf', () => {
  it('takes the subject of a regulation name', () => {
    expect(topicOf('中华人民共和国不动产登记暂行条例')).toBe('不动产登记');
    expect(topicOf('护士条例')).toBe('护士');
    expect(topicOf('中华人民共和国示例管理条例（试行）')).toBe('示例管理');
  });
});
