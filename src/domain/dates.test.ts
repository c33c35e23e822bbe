import { describe, expect, it } from 'vitest';
import {
  compareIsoDates,
  formatChineseDate,
  formatChineseMonth,
  parseChineseDate,
  parseIsoDate,
  parseIsoMonth,
  toIsoDate,
} from './dates';

describe('ISO dates', () => {
  it('parses valid dates', () => {
    expect(parseIsoDate('2020-05-24')).toEqual({ year: 2020, month: 5, day: 24 });
    expect(parseIsoDate('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29 });
  });

  it.each(['2020-02-30', '2019-02-29', '2020-13-01', '2020-00-10', '2020-5-24', '20200524', '2020-05-24T00:00', ''])(
    'rejects %j',
    (text) => expect(parseIsoDate(text)).toBeNull(),
  );

  it('parses months', () => {
    expect(parseIsoMonth('2003-01')).toEqual({ year: 2003, month: 1 });
    expect(parseIsoMonth('2003-13')).toBeNull();
    expect(parseIsoMonth('2003-1')).toBeNull();
  });

  it('formats the Chinese way', () => {
    expect(formatChineseDate('2020-05-24')).toBe('2020年5月24日');
    expect(formatChineseMonth('2003-01')).toBe('2003年1月');
    expect(() => formatChineseDate('2020-02-30')).toThrow(/Not a date/);
    expect(toIsoDate({ year: 2020, month: 6, day: 3 })).toBe('2020-06-03');
  });

  it('compares chronologically', () => {
    expect(['2020-06-03', '2020-05-24', '2020-05-30'].sort(compareIsoDates)).toEqual([
      '2020-05-24',
      '2020-05-30',
      '2020-06-03',
    ]);
  });
});

describe('parseChineseDate', () => {
  it.each([
    ['2020年5月24日', '2020-05-24'],
    ['2020 年 6 月 3 日', '2020-06-03'],
    ['二〇二〇年五月二十四日', '2020-05-24'],
    ['二〇二〇年十二月三十一日', '2020-12-31'],
    ['二〇二〇年十月十日', '2020-10-10'],
    ['二〇一九年一月五日', '2019-01-05'],
    ['有效期至2020年12月31日。', '2020-12-31'],
  ])('reads %s', (text, iso) => {
    const date = parseChineseDate(text);
    expect(date && toIsoDate(date)).toBe(iso);
  });

  it.each(['2020年2月30日', '二〇二〇年二月三十日', '二〇二〇年十三月一日', '第7期', '2020年'])(
    'rejects %j',
    (text) => {
      expect(parseChineseDate(text)).toBeNull();
    },
  );
});
