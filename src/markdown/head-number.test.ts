import { describe, expect, it } from 'vitest';
import { headNumberOf } from './head-number';

describe('headNumberOf', () => {
  it.each([
    ['第一章　总则', 'zhang', 1, '第一章', '总则'],
    ['第二节 审查', 'jie', 2, '第二节', '审查'],
    ['第十二条　本办法自2020年7月1日起施行。', 'tiao', 12, '第十二条', '本办法自2020年7月1日起施行。'],
    ['第一百零三条', 'tiao', 103, '第一百零三条', ''],
    ['第3条 适用范围', 'tiao', 3, '第3条', '适用范围'],
    ['三、重点任务', 'bufen', 3, '三、', '重点任务'],
    ['十一、附则', 'bufen', 11, '十一、', '附则'],
    ['（二）完善系统功能。依托…', 'xiang', 2, '（二）', '完善系统功能。依托…'],
    ['(十)其他', 'xiang', 10, '(十)', '其他'],
    ['1．现场检查', 'mu', 1, '1．', '现场检查'],
    ['12. 附则', 'mu', 12, '12.', '附则'],
    ['2、加强领导', 'mu', 2, '2、', '加强领导'],
    ['　第五条　前导空格', 'tiao', 5, '第五条', '前导空格'],
  ])('reads %s', (text, kind, number, marker, rest) => {
    expect(headNumberOf(text)).toEqual({ kind, number, marker, rest });
  });

  it.each([
    '为贯彻落实《方案》要求',
    '一、二季度经济运行平稳',
    '1.5倍以上',
    '2020年5月24日',
    '第一批名单',
    '本条例第三条所称',
    '附件：淄博市任务清单',
  ])('finds no number in %s', (text) => {
    expect(headNumberOf(text)).toBeNull();
  });

  it('reads attachment labels, with a title on headings only', () => {
    expect(headNumberOf('附件', { heading: true })).toEqual({ kind: 'fujian', number: null, marker: '附件', rest: '' });
    expect(headNumberOf('附件2：', { heading: true })).toMatchObject({ kind: 'fujian', number: 2 });
    expect(headNumberOf('附件1.', { heading: true })).toMatchObject({ kind: 'fujian', number: 1 });
    expect(headNumberOf('附：', { heading: true })).toMatchObject({ kind: 'fujian', number: null });
    expect(headNumberOf('附件1')).toMatchObject({ kind: 'fujian', number: 1 });
    expect(headNumberOf('附件2：名单')).toBeNull();
    expect(headNumberOf('附件一：禁止倾倒的物质', { heading: true })).toEqual({
      kind: 'fujian',
      number: 1,
      marker: '附件一：',
      rest: '禁止倾倒的物质',
    });
    expect(headNumberOf('附件2 名单', { heading: true })).toMatchObject({ number: 2, marker: '附件2', rest: '名单' });
    expect(headNumberOf('附件材料清单', { heading: true })).toBeNull();
  });
});
