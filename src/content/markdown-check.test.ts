import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { MAX_CONTAINER_MARKERS, MAX_LINES, MAX_MARKUP, MAX_MARKUP_PER_PARAGRAPH, MAX_NESTING, MAX_UNBROKEN_RUN } from './body-limits';
import { markdownProblems } from './markdown-check';

describe('markdownProblems', () => {
  it('accepts ordinary gazette Markdown', () => {
    const text = '一、总体要求\n\n- 第一项\n  - 细项\n\n> 引文\n\n| 序号 | 名称 |\n| --- | --- |\n| 1 | 甲 |\n\n:::signature\n淄博市人民政府\n2020年5月24日\n:::\n';
    expect(markdownProblems(text)).toEqual([]);
  });

  it('reports an unknown block as the build would, where it starts', () => {
    expect(markdownProblems('正文。\n\n:::warning\n注意\n:::\n')).toEqual([
      { line: 3, column: 1, message: expect.stringMatching(/unknown block ":::warning"/) },
    ]);
  });

  it('reports every raw-HTML refusal of the plugin list, not only the first', () => {
    const problems = markdownProblems('a <b>x</b>\n\n<script>alert(1)</script>\n');
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.map((p) => p.line)).toContain(3);
    expect(problems.every((p) => p.severity === undefined)).toBe(true);
  });

  it('turns a plugin warning into a warning and a thrown error into an error', () => {
    const warns = () => (tree: Root, file: VFile) => void file.message('looks odd', { place: { line: 2, column: 3 } });
    const throws = () => () => {
      throw new Error('plugin bug');
    };
    expect(markdownProblems('a\nb\n', [warns])).toEqual([{ line: 2, column: 3, message: 'looks odd', severity: 'warning' }]);
    expect(markdownProblems('a\n', [throws])).toEqual([{ line: 1, column: 1, message: 'plugin bug' }]);
  });

  it('refuses 10,000 nested list markers or block quotes before parsing them', () => {
    expect(markdownProblems(`正文\n\n${'- '.repeat(10_000)}x\n`)).toEqual([
      { line: 3, column: 1, message: expect.stringMatching(/^nested 10000 levels deep/) },
    ]);
    expect(markdownProblems(`${'>'.repeat(10_000)} x\n`)[0].message).toMatch(/nested 10000 levels/);
    expect(markdownProblems(`${'> '.repeat(MAX_NESTING)}x\n`)).toEqual([]);
  });

  it('counts indentation as nesting', () => {
    const indented = Array.from({ length: MAX_NESTING + 1 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    expect(markdownProblems(indented)).toEqual([{ line: MAX_NESTING + 1, column: 1, message: expect.stringMatching(/nested 17 levels/) }]);
  });

  it('refuses an unbroken run of characters, where it starts', () => {
    expect(markdownProblems(`前文，${'中'.repeat(MAX_UNBROKEN_RUN + 1)}\n`)).toEqual([
      { line: 1, column: 4, message: expect.stringMatching(/^1001 characters without a space or punctuation mark/) },
    ]);
    expect(markdownProblems(`${'中'.repeat(MAX_UNBROKEN_RUN)}。${'中'.repeat(MAX_UNBROKEN_RUN)}\n`)).toEqual([]);
  });

  it('refuses a bracket storm, at the start of its paragraph, but not escaped brackets', () => {
    expect(markdownProblems(`正文。\n\n第一行\n${'[*'.repeat(100_000)}\n`)).toEqual([
      { line: 3, column: 1, message: expect.stringMatching(/more than 200 Markdown markup characters/) },
    ]);
    expect(markdownProblems(`${'\\['.repeat(MAX_MARKUP_PER_PARAGRAPH + 1)}\n`)).toEqual([]);
    expect(markdownProblems(`${'*a* '.repeat(MAX_MARKUP_PER_PARAGRAPH / 2)}\n\n${'*a* '.repeat(MAX_MARKUP_PER_PARAGRAPH / 2)}\n`)).toEqual([]);
  });

  it('bounds the lines and the markup of a whole document', () => {
    expect(markdownProblems('- 项\n'.repeat(MAX_LINES))).toEqual([
      { line: 1, column: 1, message: `${MAX_LINES + 1} lines; at most ${MAX_LINES} are allowed in one document: split it (or move long tables into an attachment)` },
    ]);
    const paragraph = `${'*强调* '.repeat(MAX_MARKUP_PER_PARAGRAPH / 4)}\n\n`;
    const paragraphs = MAX_MARKUP / 100;
    expect(markdownProblems(paragraph.repeat(paragraphs))).toEqual([]);
    expect(markdownProblems(paragraph.repeat(paragraphs + 1))).toEqual([
      { line: paragraphs * 2 + 1, column: 1, message: expect.stringMatching(/^more than 20000 Markdown markup characters .* in one document/) },
    ]);
  });

  it('bounds the list items and block quotes of a whole document', () => {
    expect(markdownProblems('> 引文\n\n'.repeat(MAX_CONTAINER_MARKERS))).toEqual([]);
    expect(markdownProblems(`${'- 项\n'.repeat(MAX_CONTAINER_MARKERS - 1)}> > 引文\n`)).toEqual([
      { line: MAX_CONTAINER_MARKERS, column: 1, message: expect.stringMatching(/^more than 2000 list items and block-quote markers/) },
    ]);
  });

  it('reports each kind of limit once', () => {
    expect(markdownProblems(`${'中'.repeat(2000)}\n\n${'中'.repeat(2000)}\n`)).toHaveLength(1);
  });
});
