import { describe, expect, it } from 'vitest';
import { findSignature } from './signature';
import { readSourceText } from './text-lines';

function find(text: string, issuers: string[]) {
  const { lines } = readSourceText(text);
  return findSignature(lines, 0, lines.length, issuers);
}

describe('findSignature', () => {
  it('finds the issuer line and the date in Arabic figures', () => {
    expect(
      find('现予公布。\n淄博市人民政府办公室\n2020年5月24日\n淄博市政务服务“一链办理”实施方案', [
        '淄博市人民政府办公室',
      ]),
    ).toEqual({
      start: 1,
      end: 3,
      lines: ['淄博市人民政府办公室', '2020年5月24日'],
      date: '2020-05-24',
      signedByIssuers: true,
    });
  });

  it('reads a date in Chinese numerals', () => {
    expect(find('现予公布。\n淄博市人民政府\n二〇二〇年五月二十四日', ['淄博市人民政府'])).toMatchObject({
      lines: ['淄博市人民政府', '二〇二〇年五月二十四日'],
      date: '2020-05-24',
    });
  });

  it('takes joint issuers on one line or on several', () => {
    expect(
      find('现予公布。\n淄博市财政局 淄博市人民政府办公室\n2020 年 6 月 3 日', [
        '淄博市人民政府办公室',
        '淄博市财政局',
      ]),
    ).toMatchObject({
      lines: ['淄博市财政局\u3000淄博市人民政府办公室', '2020年6月3日'],
      date: '2020-06-03',
    });
    expect(
      find('现予公布。\n淄博市财政局\n淄博市人民政府办公室\n2020年6月3日', ['淄博市人民政府办公室', '淄博市财政局']),
    ).toMatchObject({
      start: 1,
      lines: ['淄博市财政局', '淄博市人民政府办公室', '2020年6月3日'],
    });
  });

  it('does not take a date after a line that is not an organ, nor an impossible date', () => {
    expect(find('会议定于\n2020年5月24日\n召开。', ['淄博市人民政府办公室'])).toBeNull();
    expect(find('淄博市人民政府办公室\n2020年2月30日', ['淄博市人民政府办公室'])).toBeNull();
  });

  it('prefers the issuers, and says so when another organ signs', () => {
    expect(
      find('市大数据局\n2020年5月1日\n正文。\n淄博市人民政府办公室\n2020年5月24日', ['淄博市人民政府办公室']),
    ).toMatchObject({ start: 3, signedByIssuers: true });
    expect(find('正文。\n淄博市人民政府\n2020年5月24日', ['淄博市人民政府办公室'])).toMatchObject({
      start: 1,
      signedByIssuers: false,
    });
  });

  it('reads a decree signed by the head of government, acting, or by office alone', () => {
    for (const [signer, printed] of [
      ['总理　　李克强', '总理　李克强'],
      ['代市长　陈如桂', '代市长　陈如桂'],
      ['省长', '省长'],
      ['市　长', '市　长'],
    ] as const) {
      const { lines } = readSourceText(`现予公布。\n${signer}\n二○一○年十二月二十五日`);
      expect(findSignature(lines, 0, lines.length, ['河北省人民政府']), signer).toMatchObject({
        start: 1,
        end: 3,
        lines: [printed, '二○一○年十二月二十五日'],
        date: '2010-12-25',
      });
    }
  });

  it('reads an office printed with its jurisdiction or organ in front, not any line ending in an office', () => {
    for (const signer of ['自治区主席　乌力吉', '交通运输部部长　李小鹏', '国务院总理　李鹏']) {
      const { lines } = readSourceText(`现予公布。\n${signer}\n1997年7月23日`);
      expect(findSignature(lines, 0, lines.length, ['内蒙古自治区人民政府']), signer).toMatchObject({
        start: 1,
        end: 3,
        lines: [signer, '1997年7月23日'],
      });
    }
    for (const body of ['由各单位主任', '一、主任', '总理　李克强同志讲话']) {
      const { lines } = readSourceText(`现予公布。\n${body}\n1997年7月23日`);
      expect(findSignature(lines, 0, lines.length, ['内蒙古自治区人民政府']), body).toBeNull();
    }
  });

  it('reads a sealed document dated without the issuer name, after the text has ended', () => {
    const { lines } = readSourceText('现印发给你们，请抓好贯彻落实。\n2017年8月18日\n（此件主动公开）');
    expect(findSignature(lines, 0, lines.length, ['市商务委'])).toMatchObject({
      start: 1,
      end: 2,
      lines: ['2017年8月18日'],
      date: '2017-08-18',
      signedByIssuers: true,
    });
    // A date that continues a sentence, or comes after a later date in a list, is none.
    for (const text of ['会议定于\n2020年5月24日\n召开。', '时间安排如下：\n2020年5月24日\n报名。\n2020年6月1日']) {
      const { lines: body } = readSourceText(text);
      expect(findSignature(body, 0, body.length, ['市商务委']), text).toBeNull();
    }
  });

  it('reads a signature letter-spaced to fill its line as one name', () => {
    const { lines } = readSourceText('现批复如下。\n                国 务 院\n二○○三年四月四日');
    expect(findSignature(lines, 0, lines.length, ['国务院'])).toMatchObject({
      start: 1,
      end: 3,
      date: '2003-04-04',
      signedByIssuers: true,
    });
  });
});

describe('findSignature: sealed documents', () => {
  it('takes the date alone after an 附件说明 as the signature of a sealed document', () => {
    expect(
      find('请认真贯彻执行。\n附件：需修改的省政府规章目录\n（37件）\n二○一一年二月二十五日\n附件：', [
        '陕西省人民政府办公厅',
      ]),
    ).toEqual({
      start: 3,
      end: 4,
      lines: ['二○一一年二月二十五日'],
      date: '2011-02-25',
      signedByIssuers: true,
    });
  });

  it('does not take a date after an unfinished sentence for one', () => {
    expect(find('本办法自\n2011年2月25日\n起施行。', ['陕西省人民政府办公厅'])).toBeNull();
  });
});
