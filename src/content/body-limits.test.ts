import { describe, expect, it } from 'vitest';
import { bodyLimitProblems, MAX_CONTAINER_MARKERS, MAX_LINES, MAX_MARKUP_PER_PARAGRAPH, MAX_NESTING, MAX_UNBROKEN_RUN } from './body-limits';

// markdownProblems (markdown-check.test.ts) turns these offsets into lines and columns; here,
// the limits themselves: what counts, where a problem starts, and which are reported together.
describe('bodyLimitProblems', () => {
  it('accepts a text at every limit', () => {
    const text = [
      `${'> '.repeat(MAX_NESTING)}引文`,
      '',
      '中'.repeat(MAX_UNBROKEN_RUN),
      '',
      '*'.repeat(MAX_MARKUP_PER_PARAGRAPH),
    ].join('\n');
    expect(bodyLimitProblems(text)).toEqual([]);
    expect(bodyLimitProblems('\n'.repeat(MAX_LINES - 1))).toEqual([]);
  });

  it('counts ordered-list markers, block quotes and indentation (a tab as four columns) as levels', () => {
    const deep = (prefix: string) => bodyLimitProblems(`正文\n${prefix}x`);
    expect(deep(`${'1. '.repeat(MAX_NESTING)}`)).toEqual([]);
    expect(deep(`${'1) '.repeat(MAX_NESTING + 1)}`)).toEqual([{ index: 3, message: expect.stringMatching(/^nested 17 levels deep/) }]);
    expect(deep(`${'\t'.repeat(MAX_NESTING / 2)}> `)).toEqual([{ index: 3, message: expect.stringMatching(/^nested 17 levels deep/) }]);
    // A number of ten digits or a marker without a space after it opens no list.
    expect(deep(`${'1234567890. '.repeat(MAX_NESTING + 1)}`)).toEqual([]);
    expect(deep(`${'-'.repeat(MAX_NESTING + 1)}`)).toEqual([]);
  });

  it('points at the first character of an unbroken run, counted in characters, not UTF-16 units', () => {
    expect(bodyLimitProblems(`第一行\n前文，${'𠀀'.repeat(MAX_UNBROKEN_RUN)}`)).toEqual([]);
    expect(bodyLimitProblems(`第一行\n前文，${'𠀀'.repeat(MAX_UNBROKEN_RUN + 1)}`)).toEqual([
      { index: 7, message: expect.stringMatching(/^1001 characters without a space or punctuation mark/) },
    ]);
  });

  it('points at the start of the paragraph with too much markup, and skips escaped characters', () => {
    expect(bodyLimitProblems(`正文。\n\n甲\n${'_'.repeat(MAX_MARKUP_PER_PARAGRAPH + 1)}`)).toEqual([
      { index: 5, message: expect.stringMatching(/^more than 200 Markdown markup characters/) },
    ]);
    expect(bodyLimitProblems('\\_'.repeat(MAX_MARKUP_PER_PARAGRAPH + 1))).toEqual([]);
  });

  it('reports the first problem of each kind, in the order it meets them', () => {
    const markers = `${'- 项\n'.repeat(MAX_CONTAINER_MARKERS)}- 项`;
    const text = `${'- '.repeat(MAX_NESTING + 1)}x\n${'中'.repeat(MAX_UNBROKEN_RUN + 1)}\n${'中'.repeat(MAX_UNBROKEN_RUN + 1)}\n${markers}`;
    expect(bodyLimitProblems(text).map((problem) => problem.message.split(' ').slice(0, 3).join(' '))).toEqual([
      'nested 17 levels',
      '1001 characters without',
      'more than 2000',
    ]);
  });

  it('reports too many lines alone, whatever else is wrong', () => {
    expect(bodyLimitProblems(`${'- '.repeat(100)}x${'\n'.repeat(MAX_LINES)}`)).toEqual([
      { index: 0, message: `${MAX_LINES + 1} lines; at most ${MAX_LINES} are allowed in one document: split it (or move long tables into an attachment)` },
    ]);
  });
});
