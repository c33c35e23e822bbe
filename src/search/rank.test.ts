import { describe, expect, it } from 'vitest';
import { matchForm, matchTier, rerank, type RankFields } from './rank';

const doc = (title: string, text: string | boolean = '', issuers: string[] = []): RankFields => ({
  title,
  issuers,
  text,
});

describe('matchForm', () => {
  it('ignores white space, book-title and quotation marks, and folds full-width letters and digits', () => {
    expect(matchForm(' 《法律援助 条例》 ')).toBe('法律援助条例');
    expect(matchForm('关于做好“人才贷”工作的通知')).toBe('关于做好人才贷工作的通知');
    expect(matchForm('ＡＰＰ２０２０')).toBe('app2020');
  });
});

describe('matchTier', () => {
  const tier = (query: string, fields: RankFields) => matchTier(matchForm(query), fields);

  it('0: the title, or the title as cited with its issuers, is the query', () => {
    expect(tier('法律援助条例', doc('法律援助条例'))).toBe(0);
    expect(tier('《法律援助条例》', doc('法律援助条例'))).toBe(0);
    const notice = doc('关于印发《示例市实施细则》的通知', '', ['示例市教育局']);
    expect(tier('示例市教育局关于印发《示例市实施细则》的通知', notice)).toBe(0);
    expect(tier('《示例市教育局关于印发示例市实施细则的通知》', notice)).toBe(0);
    // A title that does not start with 关于 is cited as printed.
    expect(tier('国务院法律援助条例', doc('法律援助条例', '', ['国务院']))).toBe(3);
  });

  it('1: the title contains the query', () => {
    expect(tier('法律援助条例', doc('杭州市法律援助条例'))).toBe(1);
    expect(tier('示例市教育局关于印发', doc('关于印发《示例市实施细则》的通知', '', ['示例市教育局']))).toBe(1);
  });

  it('2: the text contains the query as an exact phrase (or the caller says so)', () => {
    expect(tier('人才贷', doc('关于金融支持的意见', '推出“人才贷”产品'))).toBe(2);
    expect(tier('人才贷', doc('关于金融支持的意见', '引进人才，发放贷款'))).toBe(3);
    expect(tier('人才贷', doc('关于金融支持的意见', true))).toBe(2);
    expect(tier('人才贷', doc('关于金融支持的意见', false))).toBe(3);
  });

  it('3: nothing to compare', () => {
    expect(tier('  《》 ', doc(''))).toBe(3);
  });
});

describe('rerank', () => {
  const docs = [
    { id: 'notice', ...doc('关于加强法律援助工作的意见', '贯彻落实《法律援助条例》') },
    { id: 'words', ...doc('关于法律服务的通知', '法律援助和条例') },
    { id: 'hangzhou', ...doc('杭州市法律援助条例', '') },
    { id: 'regulation', ...doc('法律援助条例', '') },
    { id: 'notice2', ...doc('关于做好法律援助工作的通知', '依照《法律援助条例》') },
  ];

  it('puts exact titles, then titles, then exact phrases first, keeping the engine order within each', () => {
    expect(rerank('法律援助条例', docs, (d) => d).map((d) => d.id)).toEqual([
      'regulation',
      'hangzhou',
      'notice',
      'notice2',
      'words',
    ]);
  });

  it('leaves the order alone for a query of marks and spaces', () => {
    expect(rerank(' 《》', docs, (d) => d)).toEqual(docs);
  });
});
