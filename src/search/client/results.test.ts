import { describe, expect, it } from 'vitest';
import {
  mergeAdjacentMarks,
  mergeMarkParts,
  mergeProgressive,
  onlyPartialMatches,
  partialMatchNote,
  queryTerms,
} from './results';

describe('mergeAdjacentMarks', () => {
  it('joins highlights that touch into one', () => {
    expect(mergeAdjacentMarks('关于<mark>人才</mark><mark>贷</mark>的通知')).toBe('关于<mark>人才贷</mark>的通知');
    expect(mergeAdjacentMarks('<mark>a</mark><mark>b</mark><mark>c</mark>')).toBe('<mark>abc</mark>');
  });

  it('keeps highlights apart when text lies between them', () => {
    expect(mergeAdjacentMarks('<mark>人才</mark>和<mark>贷</mark>')).toBe('<mark>人才</mark>和<mark>贷</mark>');
    expect(mergeAdjacentMarks('没有高亮')).toBe('没有高亮');
  });
});

describe('mergeMarkParts', () => {
  it('joins adjacent marked parts and leaves the rest', () => {
    expect(
      mergeMarkParts([
        { text: '关于', mark: false },
        { text: '人才', mark: true },
        { text: '贷', mark: true },
        { text: '的', mark: false },
        { text: '通知', mark: false },
        { text: '贷', mark: true },
      ]),
    ).toEqual([
      { text: '关于', mark: false },
      { text: '人才贷', mark: true },
      { text: '的', mark: false },
      { text: '通知', mark: false },
      { text: '贷', mark: true },
    ]);
  });
});

describe('partial matches', () => {
  it('splits the query at spaces, full-width ones too, and folds width and case', () => {
    expect(queryTerms(' 人才贷　ＡＢＣ  人才贷 ')).toEqual(['人才贷', 'abc']);
  });

  it('is partial when no text holds every term as written', () => {
    expect(onlyPartialMatches('人才贷', ['人才引进', '小额贷款'])).toBe(true);
    expect(onlyPartialMatches('人才贷 淄博', ['人才贷款', '淄博市人才政策'])).toBe(true);
  });

  it('is complete when one text holds every term, even across a line break', () => {
    expect(onlyPartialMatches('人才贷', ['人才引进', '关于“人才\n贷”的通知'])).toBe(false);
    expect(onlyPartialMatches('人才贷 淄博', ['淄博市人才贷'])).toBe(false);
  });

  it('says nothing without a query or without results', () => {
    expect(onlyPartialMatches('  ', ['x'])).toBe(false);
    expect(onlyPartialMatches('人才贷', [])).toBe(false);
  });

  it('names the query in its note', () => {
    expect(partialMatchNote(' 人才贷 ')).toBe('没有完全匹配“人才贷”的结果，以下结果只包含部分词语。');
  });
});

describe('mergeProgressive', () => {
  it('ranks everything afresh when the reader has reached nothing', () => {
    expect(mergeProgressive(['a', 'b', 'c'], ['x', 'a', 'y', 'b', 'c'], 0, 3)).toEqual({
      keys: ['x', 'a', 'y'],
      consumed: 3,
    });
  });

  it('keeps the reached items in place and puts better late results below them', () => {
    expect(mergeProgressive(['a', 'b', 'c', 'd'], ['x', 'c', 'a', 'y', 'b', 'd'], 2, 4)).toEqual({
      keys: ['a', 'b', 'x', 'c'],
      consumed: 2,
    });
  });

  it('skips frozen keys met in the ranking and reports how far the list covers it', () => {
    expect(mergeProgressive(['a', 'b'], ['a', 'x', 'b', 'y', 'z'], 1, 3)).toEqual({
      keys: ['a', 'x', 'b'],
      consumed: 3,
    });
  });

  it('keeps a list whose order a late shard confirms, and appends when it was short', () => {
    expect(mergeProgressive(['a', 'b'], ['a', 'b', 'c', 'd'], 2, 4)).toEqual({
      keys: ['a', 'b', 'c', 'd'],
      consumed: 4,
    });
    expect(mergeProgressive(['a', 'b'], ['a', 'b'], 0, 10)).toEqual({ keys: ['a', 'b'], consumed: 2 });
  });

  it('never drops a reached item, even when it is more than the window', () => {
    expect(mergeProgressive(['a', 'b', 'c'], ['x', 'y'], 3, 2)).toEqual({ keys: ['a', 'b', 'c'], consumed: 0 });
  });
});
