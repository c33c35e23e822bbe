import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { importIssueText } from './import-issue';

const ROOT = join(import.meta.dirname, '../../..');
const SAMPLE = readFileSync(join(ROOT, 'tests/fixtures/zibo-gazette-2020-07.txt'), 'utf8');
const CONTENT = join(ROOT, 'content/zibo');

describe('importing the sample issue (tests/fixtures/zibo-gazette-2020-07.txt)', () => {
  const result = importIssueText(SAMPLE);

  it('finds nothing to report', () => {
    expect(result.findings).toEqual([]);
    expect(result.paged).toBe(false);
  });

  it('gives the committed issue.yaml and documents, byte for byte', () => {
    const committed = readdirSync(join(CONTENT, '2020/07')).sort();
    const imported = ['issue.yaml', ...result.documents.map(({ slug }) => `${slug}.md`)].sort();
    expect(imported).toEqual(committed);
    expect(result.issue?.content).toBe(readFileSync(join(CONTENT, '2020/07/issue.yaml'), 'utf8'));
    for (const document of result.documents) {
      expect(document.content, document.slug).toBe(readFileSync(join(CONTENT, `2020/07/${document.slug}.md`), 'utf8'));
    }
  });

  it('gives gazette.yaml from the cover and the 简介 page: the committed fields and bytes', () => {
    const committed = readFileSync(join(CONTENT, 'gazette.yaml'), 'utf8');
    expect(result.gazette?.values).toEqual({ ...(load(committed) as object), postcode: '255003' });
    expect(result.gazette?.content).toBe(committed);
  });
});

describe('slugs', () => {
  const issue = (entries: string, documents: string) =>
    importIssueText(`淄博市人民政府公报\n2020\n第7期\n目录\n【文件】\n${entries}\n${documents}`);
  const document = (title: string, number: string | null, date: string) =>
    `淄博市人民政府办公室\n${title}\n${number ? `${number}\n` : ''}各区县人民政府:\n现予印发。\n淄博市人民政府办公室\n${date}`;

  it('come from the number, else the page, with a suffix on collisions', () => {
    const result = issue(
      '关于甲的通知 (淄政办字〔2020〕54 号)\t(1)\n关于乙的通知\t(3)\n关于丙的通知\t(3)',
      [document('关于甲的通知', '淄政办字〔2020〕54号', '2020年5月24日'), document('关于乙的通知', null, '2020年5月25日'), document('关于丙的通知', null, '2020年5月26日')].join('\n'),
    );
    expect(result.findings).toEqual([]);
    expect(result.documents.map(({ slug }) => slug)).toEqual(['zzbz-2020-54', 'p3', 'p3-2']);
  });
});

describe('text accounting', () => {
  it('places every line of the sample: issue metadata, 简介, documents; nothing dropped or lost', () => {
    const { accounting } = importIssueText(SAMPLE);
    expect(accounting.unplaced).toEqual([]);
    expect(accounting.dropped).toEqual([]);
    expect(accounting.issue + accounting.about + accounting.documents).toBe(accounting.total);
    expect(accounting.about).toBe(10);
  });

  it('does not write a document with text it cannot place, and names the lines', () => {
    const text = [
      '淄博市人民政府公报', '2020', '第7期', '目录', '【文件】', '关于甲的通知 (淄政办字〔2020〕54 号)\t(1)',
      '淄博市人民政府办公室', '关于甲的通知', '淄政办字〔2020〕54号', '各区县人民政府:', '现将有关事项通知如下。',
      '淄博市人民政府办公室', '2020年5月24日', '某市某局某处,', '不知所云的一段文字。',
    ].join('\n');
    const result = importIssueText(text);
    expect(result.documents).toEqual([]);
    expect(result.accounting.unplaced.map(({ line }) => line)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(result.accounting.unplaced[7]).toEqual({ line: 14, text: '某市某局某处,', reason: 'text after the signature that the importer cannot classify' });
    expect(result.findings).toContainEqual({
      severity: 'error',
      line: 7,
      endLine: 15,
      message: '"关于甲的通知" is not written: lines 14-15 (text after the signature that the importer cannot classify) would be lost',
    });
  });
});
