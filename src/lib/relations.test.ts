import { describe, expect, it } from 'vitest';
import { documentStatus, resolveBuildDate, shanghaiDate } from './relations';

describe('documentStatus', () => {
  const none = { repealedBy: [], amendedBy: [] };

  it('is 有效 without expiry or relations', () => {
    expect(documentStatus(none, '2020-06-01')).toBe('有效');
  });

  it('stays 有效 through the last day of validity and is 已失效 the day after', () => {
    expect(documentStatus({ ...none, expires: '2020-12-31' }, '2020-12-30')).toBe('有效');
    expect(documentStatus({ ...none, expires: '2020-12-31' }, '2020-12-31')).toBe('有效');
    expect(documentStatus({ ...none, expires: '2020-12-31' }, '2021-01-01')).toBe('已失效');
  });

  it('puts 已废止 before 已失效, and 已失效 before 已修改', () => {
    expect(documentStatus({ expires: '2020-12-31', repealedBy: [1], amendedBy: [1] }, '2021-01-01')).toBe('已废止');
    expect(documentStatus({ expires: '2020-12-31', repealedBy: [], amendedBy: [1] }, '2021-01-01')).toBe('已失效');
    expect(documentStatus({ expires: '2020-12-31', repealedBy: [], amendedBy: [1] }, '2020-07-01')).toBe('已修改');
  });
});

describe('build date', () => {
  it('takes GAZETTE_BUILD_DATE when set', () => {
    expect(resolveBuildDate({ GAZETTE_BUILD_DATE: '2021-01-01' })).toBe('2021-01-01');
    expect(resolveBuildDate({ GAZETTE_BUILD_DATE: ' 2021-01-01 ' })).toBe('2021-01-01');
  });

  it('defaults to today in Asia/Shanghai, which is ahead of UTC', () => {
    // 2020-12-31 16:30 UTC is already 2021-01-01 00:30 in Shanghai.
    expect(resolveBuildDate({}, new Date('2020-12-31T16:30:00Z'))).toBe('2021-01-01');
    expect(resolveBuildDate({ GAZETTE_BUILD_DATE: '' }, new Date('2020-12-31T15:59:59Z'))).toBe('2020-12-31');
    expect(shanghaiDate(new Date('2020-02-29T00:00:00Z'))).toBe('2020-02-29');
  });

  it('rejects malformed and impossible dates, naming the variable and the fix', () => {
    expect(() => resolveBuildDate({ GAZETTE_BUILD_DATE: '2021-02-30' })).toThrow(/GAZETTE_BUILD_DATE.*YYYY-MM-DD/);
    expect(() => resolveBuildDate({ GAZETTE_BUILD_DATE: '20210101' })).toThrow(/GAZETTE_BUILD_DATE/);
  });
});
