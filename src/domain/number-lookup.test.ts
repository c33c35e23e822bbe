import { describe, expect, it } from 'vitest';
import { documentsByNumber, gazetteLocality, lookupContext, numberLookupKey, prefixLookupKey } from './number-lookup';

const zibo = lookupContext('淄博市人民政府公报');
const shandong = lookupContext('山东省人民政府公报');
const national = lookupContext('中华人民共和国国务院公报');

describe('gazetteLocality', () => {
  it('reads the government a gazette belongs to from its name', () => {
    expect(gazetteLocality('淄博市人民政府公报')).toEqual({ name: '淄博市', level: '市' });
    expect(gazetteLocality('山东省人民政府公报')).toEqual({ name: '山东省', level: '省' });
    expect(gazetteLocality('广西壮族自治区人民政府公报')).toEqual({ name: '广西壮族自治区', level: '自治区' });
    expect(gazetteLocality('上海市浦东新区人民政府公报')).toEqual({ name: '上海市浦东新区', level: '区' });
    expect(gazetteLocality('淄博市政府公报')).toEqual({ name: '淄博市', level: '市' });
  });

  it('finds none for a national gazette, another publication or no name', () => {
    expect(gazetteLocality('中华人民共和国国务院公报')).toBeUndefined();
    expect(gazetteLocality('国务院公报')).toBeUndefined();
    expect(gazetteLocality('淄博日报')).toBeUndefined();
    expect(gazetteLocality(undefined)).toBeUndefined();
  });
});

describe('numberLookupKey', () => {
  it('drops the state prefix of each organ of an order', () => {
    expect(numberLookupKey('中华人民共和国国务院令第706号')).toBe('国务院令第706号');
    expect(numberLookupKey('国务院令第706号')).toBe('国务院令第706号');
    expect(numberLookupKey('中华人民共和国国务院令 第 706 号', national)).toBe(
      numberLookupKey('国务院令第706号', national),
    );
    expect(numberLookupKey('中华人民共和国国务院　中华人民共和国中央军事委员会令第1号')).toBe(
      '国务院、中央军事委员会令第1号',
    );
    expect(numberLookupKey('国务院、中央军事委员会令第1号')).toBe('国务院、中央军事委员会令第1号');
    expect(numberLookupKey('中华人民共和国国家工商行政管理局令第8号')).toBe('国家工商行政管理局令第8号');
  });

  it("resolves the short form of the gazette's own government", () => {
    const printed = numberLookupKey('淄博市人民政府令 第102号', zibo);
    expect(printed).toBe('淄博市人民政府令第102号');
    for (const cited of ['市政府令第102号', '市人民政府令第102号', '淄博市政府令第102号', '淄博市人民政府令第102号']) {
      expect(numberLookupKey(cited, zibo), cited).toBe(printed);
    }
    expect(numberLookupKey('省政府令第311号', shandong)).toBe(numberLookupKey('山东省人民政府令第311号', shandong));
  });

  it("leaves another level's short form alone: the gazette does not say which government it is", () => {
    expect(numberLookupKey('省政府令第311号', zibo)).toBe('省政府令第311号');
    expect(numberLookupKey('山东省人民政府令第311号', zibo)).toBe('山东省人民政府令第311号');
    expect(numberLookupKey('市政府令第102号', shandong)).toBe('市政府令第102号');
    expect(numberLookupKey('市政府令第102号')).not.toBe(numberLookupKey('淄博市人民政府令第102号'));
    expect(numberLookupKey('市政府令第102号', national)).toBe('市政府令第102号');
    expect(numberLookupKey('市人民政府令第102号')).toBe('市人民政府令第102号');
    expect(numberLookupKey('北京市政府令第1号', zibo)).toBe('北京市人民政府令第1号');
  });

  it('keeps document numbers, different orders and different sequence numbers apart', () => {
    expect(numberLookupKey('淄政办字[2020]54号', zibo)).toBe('淄政办字〔2020〕54号');
    expect(numberLookupKey('国务院令第706号')).not.toBe(numberLookupKey('国务院令第707号'));
    expect(numberLookupKey('国务院令第706号')).not.toBe(numberLookupKey('国务院办公厅令第706号'));
    expect(numberLookupKey('中华人民共和国主席令第1号')).toBe('主席令第1号');
  });

  it('keys a text that is not a number as itself', () => {
    expect(numberLookupKey(' 不是文号 ')).toBe('不是文号');
  });
});

it('is its own key: a key looks up the same document as the number', () => {
  for (const number of [
    '中华人民共和国国务院令第706号',
    '市政府令第102号',
    '淄博市政府令第102号',
    '省政府令第1号',
    '淄政办字〔2020〕54号',
  ]) {
    for (const context of [zibo, shandong, national]) {
      expect(numberLookupKey(numberLookupKey(number, context), context)).toBe(numberLookupKey(number, context));
    }
  }
});

describe('prefixLookupKey', () => {
  it('folds order names and leaves 代字 alone', () => {
    expect(prefixLookupKey('市政府令', zibo)).toBe('淄博市人民政府令');
    expect(prefixLookupKey('中华人民共和国国务院令')).toBe('国务院令');
    expect(prefixLookupKey('淄政办字', zibo)).toBe('淄政办字');
  });
});

describe('documentsByNumber', () => {
  it('keys each numbered document by its lookup key, in the order given', () => {
    const decree = { id: 'a', number: '淄博市人民政府令第102号' };
    const notice = { id: 'b', number: '淄政办字〔2020〕56号' };
    const documents: { id: string; number?: string }[] = [decree, { id: 'c' }, { id: 'd', number: ' ' }, notice];
    const table = documentsByNumber(documents, zibo);
    expect([...table]).toEqual([
      ['淄博市人民政府令第102号', decree],
      ['淄政办字〔2020〕56号', notice],
    ]);
    // A citation spelt otherwise finds the same entry.
    expect(table.get(numberLookupKey('市政府令第102号', zibo))).toBe(decree);
  });

  it('keeps the first of two documents sharing a key', () => {
    const first = { id: 'a', number: '中华人民共和国国务院令第706号' };
    const second = { id: 'b', number: '国务院令第706号' };
    expect(documentsByNumber([first, second]).get('国务院令第706号')).toBe(first);
  });
});
