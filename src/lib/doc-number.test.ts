import { describe, expect, it } from 'vitest';
import {
  compareDocNumbers,
  docNumberKey,
  findDocNumbers,
  normalizeDocNumber,
  parseDocNumber,
} from './doc-number';

describe('parseDocNumber', () => {
  it.each([
    ['淄政办字〔2020〕56号', '淄政办字〔2020〕56号'],
    ['淄政办字[2020]56号', '淄政办字〔2020〕56号'],
    ['淄政办字［2020］56号', '淄政办字〔2020〕56号'],
    ['淄政办字(2020)56号', '淄政办字〔2020〕56号'],
    ['淄政办字（2020）56号', '淄政办字〔2020〕56号'],
    ['淄政办字【2020】56号', '淄政办字〔2020〕56号'],
    ['淄政办字 〔2020〕 56 号', '淄政办字〔2020〕56号'],
    ['  淄政办发〔2020〕5 号 ', '淄政办发〔2020〕5号'],
    ['国办发〔2018〕118号', '国办发〔2018〕118号'],
    ['淄政办发〔2020〕第5号', '淄政办发〔2020〕5号'],
  ])('reads %s as %s', (input, canonical) => {
    expect(normalizeDocNumber(input)).toBe(canonical);
  });

  it('splits a number into its parts', () => {
    expect(parseDocNumber('淄政办字[2015]51号')).toEqual({
      kind: 'document',
      prefix: '淄政办字',
      year: 2015,
      seq: 51,
      canonical: '淄政办字〔2015〕51号',
    });
  });

  it('understands order numbers', () => {
    expect(parseDocNumber('市政府令第102号')).toEqual({
      kind: 'order',
      prefix: '市政府令',
      seq: 102,
      canonical: '市政府令第102号',
    });
    expect(normalizeDocNumber('市政府令第 102 号')).toBe('市政府令第102号');
  });

  it.each(['', '2020年5月24日', '淄政办字56号', '淄政办字〔2020〕', '〔2020〕56号', '0533-3183683', '关于印发实施方案的通知'])(
    'rejects %j',
    (input) => {
      expect(parseDocNumber(input)).toBeNull();
    },
  );

  it('rejects text around a number', () => {
    expect(parseDocNumber('见淄政办字〔2020〕56号文件')).toBeNull();
  });
});

describe('findDocNumbers', () => {
  it('finds numbers cited in running text, in order', () => {
    const text =
      '按照《关于进一步做好重大行政决策合法性审查工作的通知》(淄政办字[2015]51号)要求,并按照《淄博市重大行政决策程序规定》(市政府令第 102 号)';
    expect(findDocNumbers(text).map((n) => n.canonical)).toEqual([
      '淄政办字〔2015〕51号',
      '市政府令第102号',
    ]);
  });

  it('reports where each number stands as written', () => {
    const text = '《通知》(淄政办发[2018]9号)同时废止';
    const [found] = findDocNumbers(text);
    expect(text.slice(found.start, found.end)).toBe('淄政办发[2018]9号');
    expect(found.raw).toBe('淄政办发[2018]9号');
  });

  it('drops words that precede a number in running text', () => {
    expect(findDocNumbers('根据国办发〔2018〕118号精神')[0].canonical).toBe('国办发〔2018〕118号');
    expect(findDocNumbers('继续执行淄政办字〔2020〕1号')[0].canonical).toBe('淄政办字〔2020〕1号');
    expect(findDocNumbers('贯彻落实鲁政办字〔2020〕62号')[0].canonical).toBe('鲁政办字〔2020〕62号');
  });

  it('does not take the 号 of a number for the start of the next', () => {
    expect(findDocNumbers('淄政办字[2015]51号和市政府令第102号').map((n) => n.canonical)).toEqual([
      '淄政办字〔2015〕51号',
      '市政府令第102号',
    ]);
  });

  it('ignores dates, phone numbers and percentages', () => {
    expect(findDocNumbers('2020年5月24日 电话:3183683 增长30%以上 第67次会议 0533-3183683')).toEqual([]);
  });
});

describe('docNumberKey and compareDocNumbers', () => {
  it('makes bracket-free keys', () => {
    expect(docNumberKey(parseDocNumber('淄政办字〔2020〕54号')!)).toBe('淄政办字-2020-54');
    expect(docNumberKey(parseDocNumber('市政府令第102号')!)).toBe('市政府令-102');
  });

  it('sorts by prefix, year and sequence number', () => {
    const numbers = ['淄政办字〔2020〕58号', '淄政办字〔2019〕60号', '淄政办字〔2020〕6号'].map(
      (n) => parseDocNumber(n)!,
    );
    expect(numbers.sort(compareDocNumbers).map((n) => n.canonical)).toEqual([
      '淄政办字〔2019〕60号',
      '淄政办字〔2020〕6号',
      '淄政办字〔2020〕58号',
    ]);
  });
});
