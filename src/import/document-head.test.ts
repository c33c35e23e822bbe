import { describe, expect, it } from 'vitest';
import { parseHead } from './document-head';
import { Findings } from './report';
import { readSourceText } from './text-lines';

/** Parses the head whose number line is the line reading `number`. */
function head(text: string, tocTitle: string, number = '淄政办字〔2020〕54号') {
  const findings = new Findings();
  const { lines } = readSourceText(text);
  const titleEnd = lines.findIndex(({ text: line }) => line.replace(/\s/g, '') === number);
  const result = parseHead(
    lines,
    { regionStart: 0, titleEnd, afterNumber: titleEnd + 1, documentEnd: lines.length, tocTitle },
    findings,
  );
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

  it('splits joint issuers printed side by side, apart by ASCII spaces, in front of the title', () => {
    const { result, findings } = head(
      [
        '正文。',
        '            鹤岗市人民政府   鹤岗市中级人民法院印发',
        '              关于完善“府院联动”机制的意见的通知',
        '鹤政发〔2025〕4号',
        '各县（区）人民政府、法院：',
        '正文。',
      ].join('\n'),
      '鹤岗市人民政府鹤岗市中级人民法院印发关于完善“府院联动”机制的意见的通知',
      '鹤政发〔2025〕4号',
    );
    expect(findings).toEqual([]);
    expect(result).toMatchObject({
      start: 1,
      issuers: ['鹤岗市人民政府', '鹤岗市中级人民法院'],
      title: '印发关于完善“府院联动”机制的意见的通知',
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
    const { result, findings } = head(
      '淄博市人民政府关于某事的决定\n淄政办字〔2020〕54号\n正文。',
      '关于某项事务的决定',
    );
    expect(result).toMatchObject({
      start: 0,
      issuers: ['淄博市人民政府'],
      title: '关于某事的决定',
      recipients: [],
      bodyStart: 2,
    });
    expect(findings).toEqual([
      {
        severity: 'warning',
        message:
          'the title printed ("关于某事的决定") differs from the TOC entry ("关于某项事务的决定"); the printed one is used',
        line: 1,
      },
    ]);
  });

  it('takes a body sentence ending in a colon for the body, not for recipients', () => {
    const { result } = head(
      '淄博市人民政府办公室\n关于某事的意见\n淄政办字〔2020〕54号\n为统筹抓好疫情防控,现提出如下意见:\n一、总体要求',
      '关于某事的意见',
    );
    expect(result).toMatchObject({ recipients: [], bodyStart: 3 });
  });

  it('reports a head without an issuer', () => {
    const { result, findings } = head('正文完毕。\n某某事项的通知\n淄政办字〔2020〕54号', '关于另一事项的通知');
    expect(result).toBeNull();
    expect(findings[0]).toMatchObject({ severity: 'error', line: 1, endLine: 2 });
    expect(findings[0]!.message).toMatch(/cannot tell the issuer and the title/);
  });

  it('reads a full official title (GB/T 9704: issuer + 事由 + 文种), whichever form the TOC gives', () => {
    const printed =
      '　　国务院关于同意建立国务院职业教育工作部际联席会议制度的批复\n　　　国函〔2018〕144号\n教育部：\n　　你部关于建立职业教育工作部际联席会议制度的请示收悉。';
    for (const toc of [
      '关于同意建立国务院职业教育工作部际联席会议制度的批复',
      '国务院关于同意建立国务院职业教育工作部际联席会议制度的批复',
    ]) {
      const { result, findings } = head(printed, toc, '国函〔2018〕144号');
      expect(findings).toEqual([]);
      expect(result).toEqual({
        start: 0,
        issuers: ['国务院'],
        title: '关于同意建立国务院职业教育工作部际联席会议制度的批复',
        recipients: ['教育部'],
        bodyStart: 3,
      });
    }
  });

  it('takes the issuer from the line above when the TOC gives the full title and the head does not', () => {
    const { result, findings } = head(
      '前文。\n国务院办公厅\n关于调整国家教材委员会组成人员的通知\n国办发〔2018〕109号',
      '国务院办公厅关于调整国家教材委员会组成人员的通知',
      '国办发〔2018〕109号',
    );
    expect(findings).toEqual([]);
    expect(result).toMatchObject({
      start: 1,
      issuers: ['国务院办公厅'],
      title: '关于调整国家教材委员会组成人员的通知',
    });
  });

  it('keeps a 转发 title whole: issuer before 转发, never split at the inner 关于', () => {
    const { result, findings } = head(
      '山东省人民政府办公厅\n转发省人力资源社会保障厅等部门\n关于做好2010年普通高校毕业生\n就业工作的意见的通知\n鲁政办发〔2010〕21号',
      '山东省人民政府办公厅转发省人力资源社会保障厅等部门关于做好2010年普通高校毕业生就业工作的意见的通知',
      '鲁政办发〔2010〕21号',
    );
    expect(findings).toEqual([]);
    expect(result).toMatchObject({
      start: 0,
      issuers: ['山东省人民政府办公厅'],
      title: '转发省人力资源社会保障厅等部门关于做好2010年普通高校毕业生就业工作的意见的通知',
    });
    const glued = head(
      '淄博市人民政府办公室转发市发展改革委关于加快发展的意见的通知\n淄政办字〔2020〕54号',
      '转发市发展改革委关于加快发展的意见的通知',
    );
    expect(glued.result).toMatchObject({
      issuers: ['淄博市人民政府办公室'],
      title: '转发市发展改革委关于加快发展的意见的通知',
    });
  });

  it('reads joint issuers joined by 、 or a full-width space, or printed over several lines', () => {
    const number = '国函〔1996〕95号';
    const title = '关于同意武警总部后勤部机关等迁址新建的批复';
    for (const printed of [`国务院、中央军委${title}`, `国务院　中央军委\n${title}`, `国务院\n中央军委\n${title}`]) {
      const { result, findings } = head(`${printed}\n${number}`, title, number);
      expect(findings, printed).toEqual([]);
      expect(result, printed).toMatchObject({ start: 0, issuers: ['国务院', '中央军委'], title });
    }
  });

  it('reads titles without 关于: 对…的答复, 批转…, 任免…', () => {
    const reply = head(
      '国务院办公厅对十届全国人大四次会议第7240号建议的答复\n国办函〔2006〕71号',
      '对十届全国人大四次会议第7240号建议的答复',
      '国办函〔2006〕71号',
    );
    expect(reply.result).toMatchObject({
      issuers: ['国务院办公厅'],
      title: '对十届全国人大四次会议第7240号建议的答复',
    });
    const approval = head('淄博市人民政府批转市财政局某办法的通知\n淄政办字〔2020〕54号', '批转市财政局某办法的通知');
    expect(approval.result).toMatchObject({ issuers: ['淄博市人民政府'], title: '批转市财政局某办法的通知' });
  });

  it('reads a 主送 list wrapped over four lines', () => {
    const { result } = head(
      '国务院办公厅　中央军委办公厅\n关于加强某项工作的通知\n国办发〔1996〕25号\n北京市、天津市、河北省、山西省、\n上海市、江苏省、浙江省、安徽省、\n湖南省、广东省人民政府，沈阳、北京、兰州、\n济南、南京、广州军区：\n　　正文。',
      '关于加强某项工作的通知',
      '国办发〔1996〕25号',
    );
    expect(result).toMatchObject({
      issuers: ['国务院办公厅', '中央军委办公厅'],
      recipients: [
        '北京市、天津市、河北省、山西省、上海市、江苏省、浙江省、安徽省、湖南省、广东省人民政府',
        '沈阳、北京、兰州、济南、南京、广州军区',
      ],
      bodyStart: 7,
    });
  });

  it('reads a 主送 list broken after a bracket', () => {
    const { result } = head(
      '中共深圳市委　深圳市人民政府\n关于某计划的通知\n淄政办字〔2020〕54号\n各区委、区政府，中直和各省（区）\n市驻深各单位，市属各企业：\n    正文。',
      '关于某计划的通知',
    );
    expect(result).toMatchObject({
      issuers: ['中共深圳市委', '深圳市人民政府'],
      recipients: ['各区委、区政府', '中直和各省（区）市驻深各单位', '市属各企业'],
      bodyStart: 5,
    });
  });

  it('takes neither a 公告 number nor an indented paragraph ending in a colon for the 主送 line', () => {
    const text =
      '国家税务总局关于个人所得税有关问题的公告\n国家税务总局公告2019年第1号\n　　现将有关事项公告如下：\n　　一、本公告自发布之日起施行。';
    const { lines } = readSourceText(text);
    const findings = new Findings();
    const result = parseHead(
      lines,
      {
        regionStart: 0,
        titleEnd: 1,
        afterNumber: 1,
        documentEnd: lines.length,
        tocTitle: '关于个人所得税有关问题的公告',
      },
      findings,
    );
    expect(findings.list).toEqual([]);
    expect(result).toMatchObject({
      issuers: ['国家税务总局'],
      title: '关于个人所得税有关问题的公告',
      recipients: [],
      bodyStart: 1,
    });
  });
});

describe('parseHead: captions', () => {
  it('does not read a caption under the title (date and number in brackets) as the 主送 line', () => {
    const { lines } = readSourceText(
      '安徽省人民政府关于任免国家机关\n工作人员问题的通知\n（1985年5月4日皖政〔1985〕38号）\n根据组织法，现将有关问题\n通知如下：\n一、任免权限',
    );
    const result = parseHead(
      lines,
      {
        regionStart: 0,
        titleEnd: 2,
        afterNumber: 2,
        documentEnd: lines.length,
        tocTitle: '安徽省人民政府关于任免国家机关工作人员问题的通知',
      },
      new Findings(),
    );
    expect(result).toMatchObject({ issuers: ['安徽省人民政府'], recipients: [], bodyStart: 2 });
  });
});
