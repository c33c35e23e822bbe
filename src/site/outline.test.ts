import { describe, expect, it } from 'vitest';
import type { BodyAnchor } from '../markdown/body-anchors';
import { documentOutline } from './outline';

const anchor = (id: string, kind: BodyAnchor['kind'], label: string, title: string, level: number, excerpt = '') =>
  ({ id, kind, label, title, excerpt, level }) satisfies BodyAnchor;

describe('documentOutline', () => {
  it('lists chapters, headings and numbered heads, without articles and 1. heads', () => {
    const anchors = [
      anchor('方案', 'heading', '方案', '', 0),
      anchor('bufen-1', 'bufen', '一、', '总体要求', 1),
      anchor('bufen-1-xiang-1', 'xiang', '（一）', '指导思想', 2),
      anchor('bufen-1-xiang-1-mu-1', 'mu', '1．', '政企联动', 3),
      anchor('tiao-1', 'tiao', '第一条', '', 2, '为了规范……'),
    ];
    expect(documentOutline(anchors)).toEqual([
      { id: '方案', text: '方案', level: 0 },
      { id: 'bufen-1', text: '一、总体要求', level: 1 },
      { id: 'bufen-1-xiang-1', text: '（一）指导思想', level: 2 },
    ]);
  });

  it('lists articles when a text has no other heads, from level 0, with the start of their text', () => {
    const anchors = [1, 2, 3].map((n) => anchor(`tiao-${n}`, 'tiao', `第${'一二三'[n - 1]}条`, '', 2, `条文${n}…`));
    expect(documentOutline(anchors).map((entry) => [entry.text, entry.level])).toEqual([
      ['第一条条文1…', 0],
      ['第二条条文2…', 0],
      ['第三条条文3…', 0],
    ]);
  });

  it('is empty for fewer than three heads', () => {
    expect(
      documentOutline([anchor('bufen-1', 'bufen', '一、', '甲', 1), anchor('bufen-2', 'bufen', '二、', '乙', 1)]),
    ).toEqual([]);
  });
});
