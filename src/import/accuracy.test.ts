import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { expectedJson, issueSources, layoutIssue, type Source } from '../../tests/fixtures/gazettes/layout';
import {
  bodyUnits,
  boundariesKept,
  measureIssue,
  readDocumentFile,
  scoredFields,
  sumAccuracy,
  textKept,
  type ExpectedDocument,
  type ExpectedIssue,
} from './accuracy';
import { importIssueText, type ImportResult } from './import-issue';

const ISSUE_TEXT = [
  '淄博市人民政府公报',
  '2020',
  '第7期（总第232期）',
  '目录',
  '【市政府办公室文件】',
  '关于甲的通知 (淄政办字〔2020〕54 号)\t(1)',
  '关于乙的意见\t(3)',
  '淄博市人民政府办公室',
  '关于甲的通知',
  '淄政办字〔2020〕54号',
  '各区县人民政府:',
  '现予印发。',
  '淄博市人民政府办公室',
  '2020年5月24日',
  '淄博市人民政府办公室',
  '关于乙的意见',
  '各区县人民政府:',
  '一、总体要求',
  '请认真组织实施。',
  '淄博市人民政府办公室',
  '2020年5月25日',
].join('\n');

const EXPECTED: ExpectedIssue = {
  gazette: '淄博市人民政府公报',
  year: 2020,
  number: 7,
  cumulative: 232,
  sections: ['市政府办公室文件'],
  documents: [
    {
      title: '关于甲的通知',
      number: '淄政办字〔2020〕54号',
      issuers: ['淄博市人民政府办公室'],
      date: '2020-05-24',
      page: 1,
      section: '市政府办公室文件',
      type: '通知',
      forwards: null,
      paragraphs: [
        { kind: 'paragraph', text: '现予印发。' },
        { kind: 'signature', text: '淄博市人民政府办公室' },
        { kind: 'signature', text: '2020年5月24日' },
      ],
    },
    {
      title: '关于乙的意见',
      number: null,
      issuers: ['淄博市人民政府办公室'],
      date: '2020-05-25',
      page: 3,
      section: '市政府办公室文件',
      type: '意见',
      forwards: null,
      paragraphs: [
        { kind: 'heading', text: '一、总体要求' },
        { kind: 'paragraph', text: '请认真组织实施。' },
        { kind: 'signature', text: '淄博市人民政府办公室' },
        { kind: 'signature', text: '2020年5月25日' },
      ],
    },
  ],
};

describe('reading a written document', () => {
  it('splits frontmatter and body, reading dates as text', () => {
    const { frontmatter, body } = readDocumentFile(
      '---\ntitle: 关于甲的通知\ndate: 2020-05-24\npage: 1\n---\n\n正文。\n',
    );
    expect(frontmatter).toEqual({ title: '关于甲的通知', date: '2020-05-24', page: 1 });
    expect(body).toBe('\n正文。\n');
  });

  it('gives headings, paragraphs, each line of a ::: block and each table row as units', () => {
    const body =
      '## 一、总体要求\n\n第一段\\[1\\]。\n\n:::signature\n国务院\n2018年11月20日\n:::\n\n| 序号 | 名称 |\n| --- | --- |\n| 1 | 甲 |\n';
    expect(bodyUnits(body)).toEqual(['一、总体要求', '第一段[1]。', '国务院', '2018年11月20日', '序号\t名称', '1\t甲']);
  });
});

describe('paragraph boundaries and text', () => {
  it('count a boundary as kept only where the same two units meet', () => {
    const expected = ['第一章　总则', '第一条　为了规范……制定本条例。', '第二条　本条例适用于……。'];
    expect(boundariesKept(expected, expected)).toEqual({ right: 2, of: 2 });
    // The heading glued to the first article loses one boundary; the text is still there.
    const glued = ['第一章 总则第一条 为了规范……制定本条例。', '第二条 本条例适用于……。'];
    expect(boundariesKept(expected, glued)).toEqual({ right: 1, of: 2 });
    expect(textKept(expected, glued)).toEqual({ right: 3, of: 3 });
  });

  it('count a unit as lost when its text is not in the body', () => {
    expect(textKept(['甲。', '附件：清单'], ['甲。'])).toEqual({ right: 1, of: 2 });
  });
});

describe('measuring an import against its expected file', () => {
  it('gives full marks when the import writes what the issue prints', () => {
    const accuracy = measureIssue(importIssueText(ISSUE_TEXT), EXPECTED);
    expect(accuracy.documents).toEqual({ right: 2, of: 2 });
    expect(accuracy.perDocument.map(({ wrong }) => wrong)).toEqual([{}, {}]);
    expect(scoredFields(accuracy.fields)).toEqual({ right: 14, of: 14 });
    expect(accuracy.boundaries).toEqual({ right: 5, of: 5 });
    expect(accuracy.issue).toEqual({ year: true, number: true, cumulative: true, sections: true });
    // The importer accounts for every line: all 21 placed.
    expect(accuracy.accounting).toEqual({ lines: 21, unplaced: 0 });
  });

  it('takes a document without a section as right in an issue whose TOC prints none', () => {
    const text = ISSUE_TEXT.replace('【市政府办公室文件】\n', '');
    const expected: ExpectedIssue = {
      ...EXPECTED,
      sections: [],
      documents: EXPECTED.documents.map((document) => ({ ...document, section: null })),
    };
    const accuracy = measureIssue(importIssueText(text), expected);
    expect(accuracy.perDocument.map(({ wrong }) => wrong)).toEqual([{}, {}]);
    expect(accuracy.issue.sections).toBe(true);
  });

  it('counts a document that was not written as wrong in every field, and names the differences', () => {
    const result = importIssueText(ISSUE_TEXT);
    const accuracy = measureIssue(
      { ...result, documents: result.documents.slice(0, 1) },
      { ...EXPECTED, documents: [{ ...EXPECTED.documents[0]!, page: 2 }, EXPECTED.documents[1]!] },
    );
    expect(accuracy.documents).toEqual({ right: 1, of: 2 });
    expect(accuracy.perDocument[0]!.wrong).toEqual({ page: [2, 1] });
    expect(accuracy.perDocument[1]!.slug).toBeNull();
    expect(accuracy.fields.title).toEqual({ right: 1, of: 2 });
    expect(accuracy.fields.page).toEqual({ right: 0, of: 2 });
  });

  it('reads text accounting when the import result reports it, and adds issues up', () => {
    const result = {
      ...importIssueText(ISSUE_TEXT),
      accounting: { lines: 14, unplaced: [21] },
    } as unknown as ImportResult;
    const accuracy = measureIssue(result, EXPECTED);
    expect(accuracy.accounting).toEqual({ lines: 14, unplaced: 1 });
    const total = sumAccuracy([accuracy, measureIssue(importIssueText(ISSUE_TEXT), EXPECTED)]);
    expect(total.documents).toEqual({ right: 4, of: 4 });
    expect(total.issueValues).toEqual({ right: 8, of: 8 });
    expect(total.accounting).toEqual({ lines: 14 + 21, unplaced: 1 });
  });
});

describe('the fixture issues (tests/fixtures/gazettes)', () => {
  it('are what layout.ts makes from their sources, and each can be measured', () => {
    const root = join(import.meta.dirname, '../../tests/fixtures/gazettes');
    const issues = issueSources(root);
    expect(new Set(issues.map(({ dir }) => dir)).size).toBeGreaterThanOrEqual(3);
    for (const { dir, name } of issues) {
      const { text, expected } = layoutIssue(load(readFileSync(join(dir, `${name}.source.yaml`), 'utf8')) as Source);
      expect(readFileSync(join(dir, `${name}.txt`), 'utf8'), name).toBe(text);
      expect(readFileSync(join(dir, `${name}.expected.json`), 'utf8'), name).toBe(expectedJson(expected));
      const accuracy = measureIssue(importIssueText(text), expected);
      expect(accuracy.fields.title.of, name).toBe(expected.documents.length);
    }
  });
});

describe('the Zibo sample against its committed files', () => {
  it('scores every field and boundary, the committed files being what the import gives', () => {
    const root = join(import.meta.dirname, '../..');
    const folder = join(root, 'content/zibo/2020/07');
    const documents = readdirSync(folder)
      .filter((file) => file.endsWith('.md'))
      .map((file): ExpectedDocument => {
        const { frontmatter, body } = readDocumentFile(readFileSync(join(folder, file), 'utf8'));
        const values = frontmatter as Record<string, never>;
        return {
          title: values.title,
          number: values.number ?? null,
          issuers: values.issuers,
          date: values.date,
          page: values.page,
          section: values.section,
          type: values.type,
          forwards: values.forwards ?? null,
          paragraphs: bodyUnits(body).map((text) => ({ kind: 'paragraph', text })),
        };
      });
    const expected: ExpectedIssue = {
      gazette: '淄博市人民政府公报',
      year: 2020,
      number: 7,
      cumulative: 232,
      sections: ['市政府办公室文件'],
      documents,
    };
    const accuracy = measureIssue(
      importIssueText(readFileSync(join(root, 'tests/fixtures/zibo-gazette-2020-07.txt'), 'utf8')),
      expected,
    );
    expect(accuracy.perDocument.map(({ wrong }) => wrong)).toEqual(documents.map(() => ({})));
    expect(accuracy.boundaries.right).toBe(accuracy.boundaries.of);
    expect(accuracy.textKept.right).toBe(accuracy.textKept.of);
    expect(accuracy.issue).toEqual({ year: true, number: true, cumulative: true, sections: true });
  });
});
