import { describe, expect, it } from 'vitest';
import { parseHead } from './document-head';
import { Findings } from './report';
import { readSourceText } from './text-lines';

/** Parses the head whose number line is the line reading `number`. */
function head(text: string, tocTitle: string, number = '淄政办字〔2020〕54号') {
  const findings = new Findings();
  const { lines } = readSourceText(text);
  const titleEnd = lines.findIndex(({ text: line }) => line.replace(/\s/g, '') === number);
  const result = parseHead(lines, { regionStart: 0, titleEnd, afterNumber: titleEnd + 1, documentEnd: lines.length, tocTitle }, findings);
  return { result, findings: findings.list, lines };
}

describe('parseHead', () => {
  it('splits an issuer glued to the title on one line (54号)', () => {
    const { result, findings } = head(
      '请认真贯彻落实。\n淄博市人民政府办公室 关于印发淄博市政务服务“一链办理” 实施方案的通知\n淄政办字〔2020〕54号\n各区县人民政府,高新区、经济开发区、文昌湖区管委会,市政府各部门,各有关单位:\n正文。',
      '关于印发淄博市政务服务“一链办理”实施方案的通知',
    );
    expect(findings).toEqual([]);
    expect(result).toEqual({
      start: 1,
      issuers: ['淄博市人民政府办公室'],
      title: '关于印发淄博市政务服务“一链办理”实施方案的通知',
      recipients: ['各区县人民政府', '高新区、经济开发区、文昌湖区管委会', '市政府各部门', '各有关单位'],
      bodyStart: 4,
    });
  });

  it('reads an issuer line and a title over several lines (57号 printed without the glue)', () => {
    const { result } = head(
      [
        '2020年5月26日',
        '淄博市人民政府办公室',
        '关于转发中国人民银行淄博市中心支行',
        '等部门淄博市移动支付便民工程建设工作方案',
        '(2020—2022年)的通知',
        '淄政办字〔2020〕57号',
        '各区县人民政府,各有关单位,各大企业,各高等院校:',
      ].join('\n'),
      '关于转发中国人民银行淄博市中心支行等部门淄博市移动支付便民工程建设工作方案（2020—2022年）的通知',
      '淄政办字〔2020〕57号',
    );
    expect(result).toMatchObject({
      start: 1,
      issuers: ['淄博市人民政府办公室'],
      title: '关于转发中国人民银行淄博市中心支行等部门淄博市移动支付便民工程建设工作方案（2020—2022年）的通知',
      recipients: ['各区县人民政府', '各有关单位', '各大企业', '各高等院校'],
    });
  });

  it('splits joint issuers, and does not split recipients at commas inside brackets', () => {
    const { result } = head(
      '淄博市财政局 淄博市人民政府办公室\n关于某事的通知\n淄政办字〔2020〕54号\n各区县财政局(含高新区、经济开发区,文昌湖区),市直各部门:',
      '关于某事的通知',
    );
    expect(result).toMatchObject({
      issuers: ['淄博市财政局', '淄博市人民政府办公室'],
      recipients: ['各区县财政局（含高新区、经济开发区，文昌湖区）', '市直各部门'],
    });
  });

  it('falls back to 关于 when the TOC words the title differently, and says so', () => {
    const { result, findings } = head('淄博市人民政府关于某事的决定\n淄政办字〔2020〕54号\n正文。', '关于某项事务的决定');
    expect(result).toMatchObject({ start: 0, issuers: ['淄博市人民政府'], title: '关于某事的决定', recipients: [], bodyStart: 2 });
    expect(findings).toEqual([
      { severity: 'warning', message: 'the title printed ("关于某事的决定") differs from the TOC entry ("关于某项事务的决定"); the printed one is used', line: 1 },
    ]);
  });

  it('takes a body sentence ending in a colon for the body, not for recipients', () => {
    const { result } = head('淄博市人民政府办公室\n关于某事的意见\n淄政办字〔2020〕54号\n为统筹抓好疫情防控,现提出如下意见:\n一、总体要求', '关于某事的意见');
    expect(result).toMatchObject({ recipients: [], bodyStart: 3 });
  });

  it('reports a head without an issuer', () => {
    const { result, findings } = head('正文完毕。\n某某事项的通知\n淄政办字〔2020〕54号', '关于另一事项的通知');
    expect(result).toBeNull();
    expect(findings[0]).toMatchObject({ severity: 'error', line: 1, endLine: 2 });
    expect(findings[0]!.message).toMatch(/cannot tell the issuer and the title/);
  });
});
