import { describe, expect, it } from 'vitest';
import { matchRecentTitles, recentTitles, type RecentTitle, type RecentTitleSource } from './recent-titles';

const source = (title: string, extra: Partial<RecentTitleSource> = {}): RecentTitleSource => ({
  url: `/x/${encodeURIComponent(title)}/`,
  title,
  date: '2024-06-01',
  issuers: ['示例市人民政府'],
  page: 3,
  status: '有效',
  ...extra,
});

const entry = (title: string, issuers: string[] = ['示例市人民政府']): RecentTitle => ({
  url: `/x/${encodeURIComponent(title)}/`,
  title,
  date: '2024-06-01',
  issuers,
  issue: '2024年第6期',
  page: 3,
});

describe('recentTitles', () => {
  const same = (document: RecentTitleSource) => document;
  const issues = [
    { label: '2024年第2期', documents: [source('甲'), source('关于乙的通知', { number: '示政发〔2024〕2号' })] },
    { label: '2024年第1期', documents: [source('丙', { status: '已废止', page: 9 })] },
  ];

  it('lists the newest issues first, each in printed order, up to the count', () => {
    expect(recentTitles(issues, same).map((title) => title.title)).toEqual(['甲', '示例市人民政府关于乙的通知', '丙']);
    expect(recentTitles(issues, same, 2)).toHaveLength(2);
    expect(recentTitles(issues, same, 0)).toEqual([]);
  });

  it('keeps what a result shows: the title as cited, number when there is one, issue label, page, status unless 有效', () => {
    const [first, second, third] = recentTitles(issues, same);
    expect(first).toEqual({
      url: '/x/%E7%94%B2/',
      title: '甲',
      date: '2024-06-01',
      issuers: ['示例市人民政府'],
      issue: '2024年第2期',
      page: 3,
    });
    expect(second).toMatchObject({ title: '示例市人民政府关于乙的通知', number: '示政发〔2024〕2号' });
    expect(third).toMatchObject({ issue: '2024年第1期', page: 9, status: '已废止' });
  });
});

describe('matchRecentTitles', () => {
  const entries = [
    entry('关于加强安全生产工作的通知'),
    entry('示例市安全生产条例实施办法'),
    entry('安全生产条例'),
    entry('关于做好防汛工作的通知', ['示例市应急管理局']),
  ];

  it('finds titles that contain the query, titles that are the query first, otherwise newest first', () => {
    expect(matchRecentTitles(entries, '安全生产', 10).map((e) => e.title)).toEqual([
      '关于加强安全生产工作的通知',
      '示例市安全生产条例实施办法',
      '安全生产条例',
    ]);
    expect(matchRecentTitles(entries, '《安全生产条例》', 10).map((e) => e.title)).toEqual([
      '安全生产条例',
      '示例市安全生产条例实施办法',
    ]);
  });

  it('matches the title as cited, with its issuers', () => {
    expect(matchRecentTitles(entries, '示例市应急管理局关于做好防汛工作的通知', 10).map((e) => e.title)).toEqual([
      '关于做好防汛工作的通知',
    ]);
  });

  it('stops at the limit, and matches nothing for an empty query or words apart', () => {
    expect(matchRecentTitles(entries, '安全生产', 1)).toHaveLength(1);
    expect(matchRecentTitles(entries, ' 《》 ', 10)).toEqual([]);
    expect(matchRecentTitles(entries, '安全 防汛', 10)).toEqual([]);
    expect(matchRecentTitles(entries, '安全生产', 0)).toEqual([]);
  });
});
