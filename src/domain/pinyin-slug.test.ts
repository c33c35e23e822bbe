import { describe, expect, it } from 'vitest';
import { pinyinSlug, uniqueSlugs } from './pinyin-slug';

describe('pinyinSlug', () => {
  it('writes toneless pinyin, one syllable per part', () => {
    expect(pinyinSlug('淄博市人民政府办公室')).toBe('zi-bo-shi-ren-min-zheng-fu-ban-gong-shi');
    expect(pinyinSlug('通知')).toBe('tong-zhi');
  });

  it('reads polyphonic characters in their words and writes ü as v', () => {
    expect(pinyinSlug('中国人民银行淄博市中心支行')).toBe('zhong-guo-ren-min-yin-hang-zi-bo-shi-zhong-xin-zhi-hang');
    expect(pinyinSlug('市绿化局')).toBe('shi-lv-hua-ju');
  });

  it('keeps Latin letters and digits, drops punctuation', () => {
    expect(pinyinSlug('ABC公司（筹）')).toBe('abc-gong-si-chou');
    expect(pinyinSlug('第3工作组')).toBe('di-3-gong-zuo-zu');
  });

  it('gives a name without letters a code-point slug', () => {
    expect(pinyinSlug('（）')).toBe('uff08-ff09');
  });
});

describe('uniqueSlugs', () => {
  it('numbers names that read alike, in code-point order, whatever the input order', () => {
    const names = ['石公安局', '通知', '市公安局'];
    // 市 (U+5E02) sorts before 石 (U+77F3), so it keeps the plain slug.
    const expected = new Map([
      ['市公安局', 'shi-gong-an-ju'],
      ['石公安局', 'shi-gong-an-ju-2'],
      ['通知', 'tong-zhi'],
    ]);
    expect(uniqueSlugs(names)).toEqual(expected);
    expect(uniqueSlugs([...names].reverse())).toEqual(expected);
  });

  it('does not collide with a name whose own slug ends in a number', () => {
    expect([...uniqueSlugs(['石局', '市局2', '市局']).values()]).toEqual(['shi-ju', 'shi-ju-2', 'shi-ju-3']);
  });
});
