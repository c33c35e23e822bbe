import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clauseAround, doubt, numbersInText, scoreSample, seededSample, unreadTails, type SampleEntry } from './citation-precision';
import { findDocNumbers, parseDocNumber } from '../domain/doc-number';

const SAMPLE: SampleEntry[] = JSON.parse(
  readFileSync(new URL('../../tests/fixtures/citations/lawrefbook-sample.json', import.meta.url), 'utf8'),
);

describe('the verified sample of real citations', () => {
  it('holds at least 200 sentences', () => {
    expect(SAMPLE.length).toBeGreaterThanOrEqual(200);
  });

  it.each(SAMPLE.map((entry) => [entry.sentence, entry.expected] as const))('%s', (sentence, expected) => {
    expect(findDocNumbers(sentence).map((number) => number.canonical)).toEqual(expected);
  });

  it('scores every number as read exactly', () => {
    const score = scoreSample(SAMPLE);
    expect(score.mismatches).toEqual([]);
    expect(score.correct).toBe(score.expected);
  });
});

describe('scoreSample', () => {
  it('counts wrong and missed numbers', () => {
    const score = scoreSample([
      { file: 'a', sentence: '根据国务院令第588号', expected: ['国务院令第588号'] },
      { file: 'b', sentence: '按国办发(1985)49号', expected: ['国办发〔1985〕49号', '国发〔1985〕1号'] },
      { file: 'c', sentence: '财政部财税〔2019〕13号', expected: ['财税〔2019〕13号'] },
    ]);
    expect(score).toMatchObject({ expected: 4, found: 3, correct: 2 });
    expect(score.mismatches.map((miss) => miss.found)).toEqual([['国办发〔1985〕49号'], ['财政部财税〔2019〕13号']]);
  });
});

describe('doubt', () => {
  const of = (text: string) => doubt(parseDocNumber(text)!);

  it('accepts real 代字 and organs', () => {
    for (const number of ['京政办字〔2017〕20号', '国办发明电〔1997〕28号', '原国家工商行政管理总局令第98号', '中华人民共和国主席令第31号', '民政部、总后勤部令第1号']) {
      expect(of(number), number).toBeNull();
    }
  });

  it('flags running text read as part of a 代字', () => {
    expect(of('以下简称京政办字〔2017〕20号')).toBe('contains "简称"');
    expect(of('日原国家工商行政管理总局令第98号')).toBe('starts with "日"');
    expect(of('按国办发〔1985〕49号')).toBe('starts with "按"');
    expect(of('出台淄政发〔2020〕1号')).toBe('contains "出台"');
    expect(of('和国中央军事委员会令第1号')).toBe('starts inside 中华人民共和国');
    expect(of('字〔2019〕4号')).toBe('only the last character of a 代字');
    expect(of('国务院总理令第1号')).toBe('"国务院总理" does not end like an organ\'s name');
  });
});

describe('seededSample', () => {
  it('draws the same items for the same seed, in their order', () => {
    const items = Array.from({ length: 50 }, (_, index) => index);
    const first = seededSample(items, 10, 10);
    expect(seededSample(items, 10, 10)).toEqual(first);
    expect(first).toHaveLength(10);
    expect([...first].sort((a, b) => a - b)).toEqual(first);
    expect(seededSample(items, 10, 11)).not.toEqual(first);
  });
});

describe('clauseAround, numbersInText and unreadTails', () => {
  it('cuts the clause around a number', () => {
    const line = '第一条 为了规范管理，制定本条例。按国办发(1985)49号文件规定办理。其他事项另行规定。';
    const [found] = findDocNumbers(line);
    expect(clauseAround(line, found.start, found.end)).toBe('按国办发(1985)49号文件规定办理。');
  });

  it('lists numbers with their line, and tails without a 代字', () => {
    const text = '# 条例\n\n2001年12月10日中华人民共和国国务院令第332号公布\n按照《指示》(〔1982〕3号)执行。\n';
    expect(numbersInText('a.md', text).map(({ line, number }) => [line, number.canonical])).toEqual([[3, '中华人民共和国国务院令第332号']]);
    expect(unreadTails(text)).toEqual(['按照《指示》(〔1982〕3号)执行。']);
  });
});
