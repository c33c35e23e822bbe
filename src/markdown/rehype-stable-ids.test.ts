import { describe, expect, it } from 'vitest';
import { gazetteProcessor } from '../../tests/helpers/gazette-markdown';

const render = (markdown: string) => gazetteProcessor().processSync(markdown);
const ids = (markdown: string) => render(markdown).data.anchors!.map((anchor) => anchor.id);

describe('rehypeStableIds', () => {
  it('numbers chapters, sections and articles as printed', () => {
    const markdown = [
      '### 第一章　总则',
      '第一条　为了规范……，制定本办法。',
      '第二条　本办法适用于本市。',
      '### 第二章　管理',
      '#### 第一节　备案',
      '**第三条**　备案应当……',
      '第四条　有下列情形之一的，不予备案：',
      '（一）材料不全的；',
      '（二）逾期的。',
      '#### 第二节　审查',
      '第十条　审查……',
    ].join('\n\n');
    expect(ids(markdown)).toEqual([
      'zhang-1',
      'tiao-1',
      'tiao-2',
      'zhang-2',
      'zhang-2-jie-1',
      'tiao-3',
      'tiao-4',
      'tiao-4-xiang-1',
      'tiao-4-xiang-2',
      'zhang-2-jie-2',
      'tiao-10',
    ]);
  });

  it('numbers 一、（一）1. heads by their place under each other', () => {
    const markdown = [
      '### 一、总体要求',
      '（一）指导思想。……',
      '1．政企联动。……',
      '2．求真务实。……',
      '（二）基本原则',
      '二、工作目标',
    ].join('\n\n');
    expect(ids(markdown)).toEqual([
      'bufen-1',
      'bufen-1-xiang-1',
      'bufen-1-xiang-1-mu-1',
      'bufen-1-xiang-1-mu-2',
      'bufen-1-xiang-2',
      'bufen-2',
    ]);
  });

  it('qualifies heads under chapters by the chapter, and repeated numbers by the attachment', () => {
    const markdown = [
      '### 第一章　总则',
      '一、行署是……派出机关。',
      '### 第二章　职责',
      '一、行署全面履行……职能。',
      '## 附件1',
      '### 实施细则',
      '第一条　……',
      '## 附件2',
      '第一条　……',
      '一、……',
    ].join('\n\n');
    expect(ids(markdown)).toEqual([
      'zhang-1',
      'zhang-1-bufen-1',
      'zhang-2',
      'zhang-2-bufen-1',
      'fujian-1',
      '实施细则',
      'tiao-1',
      'fujian-2',
      'fujian-2-tiao-1',
      'fujian-2-tiao-1-bufen-1',
    ]);
  });

  it('numbers 一、 of an article under it, but not a numbered heading after it', () => {
    const markdown = '第三条　本条例适用于：\n\n一、内海；\n\n二、领海。\n\n附件1\n\n一、甲\n\n### 二、乙';
    expect(ids(markdown)).toEqual(['tiao-3', 'tiao-3-bufen-1', 'tiao-3-bufen-2', 'fujian-1', 'bufen-1', 'bufen-2']);
  });

  it('numbers on an id repeated in one text', () => {
    expect(ids('一、甲。\n\n## 办法\n\n一、乙。\n\n## 办法')).toEqual(['bufen-1', '办法', 'bufen-1-2', '办法-2']);
  });

  it('derives ids from the text, not from the position', () => {
    const before = ids('三、重点任务\n\n（二）完善系统功能。');
    const after = ids('为贯彻落实……，现提出如下意见。\n\n## 方案\n\n三、重点任务\n\n（二）完善系统功能。');
    expect(after.slice(-2)).toEqual(before);
  });

  it('leaves plain paragraphs, attachment notes and list numbers alone', () => {
    const markdown = '为贯彻落实……\n\n一、二季度……\n\n附件：1．竞赛办法\n\n2．查评办法\n\n1.5倍以上的……';
    expect(ids(markdown)).toEqual([]);
  });

  it('marks the element with its id and kind', () => {
    expect(String(render('第三条　……'))).toContain('<p id="tiao-3" data-anchor="tiao">');
  });

  it('reports the anchors with their labels and run-in titles', () => {
    expect(
      render(
        '### 三、重点任务\n\n（一）统一流程标准。就……\n\n第五条　本办法……\n\n一、按照《淄博市重大行政决策程序规定》（市政府令第102号），……\n\n## 附件2：',
      ).data.anchors,
    ).toEqual([
      { id: 'bufen-3', kind: 'bufen', label: '三、', title: '重点任务', excerpt: '', level: 1 },
      { id: 'bufen-3-xiang-1', kind: 'xiang', label: '（一）', title: '统一流程标准', excerpt: '', level: 2 },
      { id: 'tiao-5', kind: 'tiao', label: '第五条', title: '', excerpt: '本办法……', level: 2 },
      {
        id: 'tiao-5-bufen-1',
        kind: 'bufen',
        label: '一、',
        title: '',
        excerpt: '按照《淄博市重大行政决策程序规定…',
        level: 1,
      },
      { id: 'fujian-2', kind: 'fujian', label: '附件2', title: '', excerpt: '', level: 0 },
    ]);
  });
});
