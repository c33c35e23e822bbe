import { describe, expect, it } from 'vitest';
import { computeRelations, documentStatus, shanghaiDate, statusRestsOnExpiry, type RelationSource } from './relations';
import { lookupContext } from './number-lookup';

function doc(id: string, fields: Partial<RelationSource> = {}): RelationSource {
  return { id, date: '2020-01-01', repeals: [], amends: [], basis: [], ...fields };
}

describe('computeRelations', () => {
  const old = doc('2018/01/old', { number: '淄政办发〔2018〕9号', date: '2018-01-10' });
  const rules = doc('2019/24/rules', { number: '市政府令第102号', date: '2019-12-20' });
  const plan = doc('2020/03/plan', { number: '淄大数据发〔2020〕3号', date: '2020-03-01' });
  const notice = doc('2020/07/notice', {
    number: '淄政办字〔2020〕58号',
    date: '2020-06-03',
    repeals: ['淄政办发〔2018〕9号', '淄政办发〔2017〕1号'],
    basis: ['市政府令第102号'],
    forwards: { number: '淄大数据发〔2020〕3号' },
    citations: ['国办发〔2018〕118号', '淄政办发〔2018〕9号', '淄政办字〔2020〕58号', '市政府令第102号'],
  });
  const amendment = doc('2020/08/amend', {
    number: '淄政办字〔2020〕70号',
    date: '2020-07-01',
    amends: ['淄政办字〔2020〕58号'],
    citations: ['淄政办字〔2020〕58号', '淄政办字〔2020〕58号'],
  });
  const unnumbered = doc('2020/08/speech', { date: '2020-06-03', citations: ['淄政办字〔2020〕58号'] });
  const relations = computeRelations([old, rules, plan, notice, unnumbered, amendment]);

  it('resolves outgoing numbers to archived documents and keeps the others as numbers', () => {
    const own = relations.get(notice.id)!;
    expect(own.repeals).toEqual([{ number: '淄政办发〔2018〕9号', target: old }, { number: '淄政办发〔2017〕1号' }]);
    expect(own.basis).toEqual([{ number: '市政府令第102号', target: rules }]);
    expect(own.forwards).toEqual({ number: '淄大数据发〔2020〕3号', target: plan });
    expect(own.amends).toEqual([]);
  });

  it("lists body citations without the document's own number", () => {
    expect(relations.get(notice.id)!.cites.map((link) => [link.number, link.target?.id])).toEqual([
      ['国办发〔2018〕118号', undefined],
      ['淄政办发〔2018〕9号', old.id],
      ['市政府令第102号', rules.id],
    ]);
  });

  it('reads every relation backwards on its target', () => {
    expect(relations.get(old.id)!.repealedBy).toEqual([notice]);
    expect(relations.get(rules.id)!.basisOf).toEqual([notice]);
    expect(relations.get(plan.id)!.forwardedBy).toEqual([notice]);
    expect(relations.get(notice.id)!.amendedBy).toEqual([amendment]);
  });

  it('gives backlinks once per citing document, oldest first, archive order on one date', () => {
    expect(relations.get(notice.id)!.citedBy).toEqual([unnumbered, amendment]);
    expect(relations.get(old.id)!.citedBy).toEqual([notice]);
    expect(relations.get(plan.id)!.citedBy).toEqual([]);
  });

  it('gives documents without relations empty lists', () => {
    expect(relations.get(unnumbered.id)).toMatchObject({
      repeals: [],
      cites: [{ number: '淄政办字〔2020〕58号', target: notice }],
      repealedBy: [],
      citedBy: [],
    });
    expect(relations.get(unnumbered.id)!.forwards).toBeUndefined();
  });

  it('does not relate a document to itself', () => {
    const self = doc('a', { number: '淄政发〔2020〕1号', citations: ['淄政发〔2020〕1号'] });
    expect(computeRelations([self]).get('a')!).toMatchObject({ cites: [], citedBy: [] });
  });

  it('finds an order by its lookup key, and shows each number as written', () => {
    const decree = doc('2018/40/decree', { number: '中华人民共和国国务院令第706号', date: '2018-12-29' });
    const city = doc('2019/24/city', { number: '淄博市人民政府令第102号', date: '2019-12-20' });
    const citing = doc('2020/07/citing', {
      number: '淄政办字〔2020〕58号',
      basis: ['国务院令第706号'],
      amends: ['市政府令第102号'],
      citations: ['国务院令第706号', '中华人民共和国国务院令第706号', '市政府令第102号', '淄政办字〔2020〕58号'],
    });
    const own = computeRelations([decree, city, citing], lookupContext('淄博市人民政府公报')).get(citing.id)!;
    expect(own.basis).toEqual([{ number: '国务院令第706号', target: decree }]);
    expect(own.amends).toEqual([{ number: '市政府令第102号', target: city }]);
    expect(own.cites).toEqual([
      { number: '国务院令第706号', target: decree },
      { number: '市政府令第102号', target: city },
    ]);
    // Without the gazette, 市政府令 names no particular city.
    expect(computeRelations([decree, city, citing]).get(citing.id)!.amends).toEqual([{ number: '市政府令第102号' }]);
  });

  it('does not relate a document to itself under another spelling of its number', () => {
    const self = doc('a', { number: '中华人民共和国国务院令第1号', citations: ['国务院令第1号'] });
    expect(computeRelations([self]).get('a')!).toMatchObject({ cites: [], citedBy: [] });
  });
});

describe('documentStatus', () => {
  const none = { repealedBy: [], amendedBy: [] };
  const on = (date: string) => [{ date }];

  it('is 有效 without expiry or relations', () => {
    expect(documentStatus(none, '2020-06-01')).toBe('有效');
  });

  it('stays 有效 through the last day of validity and is 已失效 the day after', () => {
    expect(documentStatus({ ...none, expires: '2020-12-31' }, '2020-12-30')).toBe('有效');
    expect(documentStatus({ ...none, expires: '2020-12-31' }, '2020-12-31')).toBe('有效');
    expect(documentStatus({ ...none, expires: '2020-12-31' }, '2021-01-01')).toBe('已失效');
  });

  it('puts 已废止 before 已失效, and 已失效 before 已修改', () => {
    expect(
      documentStatus(
        { expires: '2020-12-31', repealedBy: on('2020-06-03'), amendedBy: on('2020-06-01') },
        '2021-01-01',
      ),
    ).toBe('已废止');
    expect(documentStatus({ expires: '2020-12-31', repealedBy: [], amendedBy: on('2020-06-01') }, '2021-01-01')).toBe(
      '已失效',
    );
    expect(documentStatus({ expires: '2020-12-31', repealedBy: [], amendedBy: on('2020-06-01') }, '2020-07-01')).toBe(
      '已修改',
    );
  });

  it('counts a repeal or amendment from its date on, not before (builds for a past date)', () => {
    expect(documentStatus({ ...none, repealedBy: on('2020-06-03') }, '2020-06-02')).toBe('有效');
    expect(documentStatus({ ...none, repealedBy: on('2020-06-03') }, '2020-06-03')).toBe('已废止');
    expect(documentStatus({ ...none, amendedBy: on('2020-06-03') }, '2020-06-02')).toBe('有效');
    expect(documentStatus({ ...none, amendedBy: on('2020-06-03') }, '2020-06-03')).toBe('已修改');
    expect(documentStatus({ ...none, repealedBy: [...on('2021-01-01'), ...on('2020-01-01')] }, '2020-06-01')).toBe(
      '已废止',
    );
  });

  it('handles the turn of a year and leap days', () => {
    expect(documentStatus({ ...none, expires: '2020-02-29' }, '2020-02-29')).toBe('有效');
    expect(documentStatus({ ...none, expires: '2020-02-29' }, '2020-03-01')).toBe('已失效');
    expect(documentStatus({ ...none, expires: '2019-12-31' }, '2020-01-01')).toBe('已失效');
  });
});

// GAZETTE_BUILD_DATE itself is read and checked by the configuration (src/config/config.test.ts).
describe('statusRestsOnExpiry', () => {
  it('is true where the expiry date explains the status, false where a repeal or amendment does', () => {
    const statuses = ['有效', '已失效', '已废止', '已修改'] as const;
    expect(statuses.map(statusRestsOnExpiry)).toEqual([true, true, false, false]);
  });
});

describe('build date', () => {
  it('is today in Asia/Shanghai, which is ahead of UTC', () => {
    // 2020-12-31 16:30 UTC is already 2021-01-01 00:30 in Shanghai.
    expect(shanghaiDate(new Date('2020-12-31T16:30:00Z'))).toBe('2021-01-01');
    expect(shanghaiDate(new Date('2020-12-31T15:59:59Z'))).toBe('2020-12-31');
    expect(shanghaiDate(new Date('2020-02-29T00:00:00Z'))).toBe('2020-02-29');
  });
});
