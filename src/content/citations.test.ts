import { describe, expect, it } from 'vitest';
import { checkCitations } from './citations';

describe('checkCitations', () => {
  it('accepts numbers cited as printed, in any bracket style', () => {
    expect(checkCitations('按照《办法》（鲁政办字〔2020〕62号）和淄政发[2019] 3号及市政府令第102号执行。', 2020)).toEqual([]);
  });

  it('warns about a bracketed year without 号', () => {
    const body = '第一段。\n按照《方案》（淄政办字〔2020〕54）要求。\n';
    expect(checkCitations(body, 2020)).toEqual([
      {
        index: body.indexOf('淄政办字'),
        text: '淄政办字〔2020〕54',
        message: '"淄政办字〔2020〕54" looks like a document number without 号; write it as printed, e.g. 淄政办字〔2020〕54号',
      },
    ]);
  });

  it('warns about a year without brackets', () => {
    expect(checkCitations('根据淄政办字2020年54号文件。', 2020).map((warning) => warning.text)).toEqual(['淄政办字2020年54号']);
  });

  it('warns about a number from a later year than the document', () => {
    expect(checkCitations('按照淄政办字〔2021〕5号执行。', 2020)).toEqual([
      expect.objectContaining({ text: '淄政办字〔2021〕5号', message: expect.stringMatching(/^cites 淄政办字〔2021〕5号, a number of 2021, but the document is dated 2020/) }),
    ]);
  });

  it('leaves years, dates, periods and phone numbers alone', () => {
    expect(
      checkCitations('《方案（2020—2022年）》自2020年5月24日起施行，电话0533-3183683，序号1至20号楼，第（2020）期。', 2020),
    ).toEqual([]);
  });
});
