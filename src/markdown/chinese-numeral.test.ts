import { describe, expect, it } from 'vitest';
import { parseNumeral } from './chinese-numeral';

describe('parseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['九十九', 99],
    ['一百', 100],
    ['一百零三', 103],
    ['一百〇三', 103],
    ['一百一十', 110],
    ['二百五十六', 256],
    ['一千零一', 1001],
    ['3', 3],
    ['12', 12],
    ['１２', 12],
  ])('reads %s as %i', (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });

  it.each(['', '零', '0', '三a', '第三', 'abc', '一、'])('refuses %j', (text) => {
    expect(parseNumeral(text)).toBeNull();
  });
});
