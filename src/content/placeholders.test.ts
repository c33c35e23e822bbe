import { describe, expect, it } from 'vitest';
import { findPlaceholders, placeholder, placeholderMessage, placeholdersInValue } from './placeholders';

describe('placeholders', () => {
  it('are found where they were written, with what to write', () => {
    const text = `关于${placeholder('标题')}的通知`;
    expect(findPlaceholders(text)).toEqual([{ text: '【待填写：标题】', what: '标题', index: 2 }]);
    expect(findPlaceholders('【待填写】')).toEqual([{ text: '【待填写】', what: '', index: 0 }]);
    expect(findPlaceholders('【附件】待填写')).toEqual([]);
  });

  it('are found in nested YAML values with their field paths', () => {
    const found = placeholdersInValue({ title: '通知', issuers: ['甲', placeholder('发文机关')], forwards: { title: placeholder('标题') } });
    expect(found.map(({ path }) => path)).toEqual([['issuers', 1], ['forwards', 'title']]);
  });

  it('tell the editor what to do', () => {
    expect(placeholderMessage(findPlaceholders(placeholder('发文机关'))[0])).toBe(
      'placeholder 【待填写：发文机关】 left by `npm run new` or `npm run import`: replace it with the 发文机关',
    );
  });
});
