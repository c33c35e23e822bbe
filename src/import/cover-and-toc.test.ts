import { describe, expect, it } from 'vitest';
import { parseCoverAndToc, parseTocEntry } from './cover-and-toc';
import { Findings } from './report';
import { readSourceText } from './text-lines';

function parse(text: string) {
  const findings = new Findings();
  const { lines } = readSourceText(text);
  return { result: parseCoverAndToc(lines, findings), findings: findings.list, lines };
}

describe('parseTocEntry', () => {
  it('takes a 公告 number (2019年第1号) off the title: the 公告 prints it under its title', () => {
    expect(parseTocEntry('国家税务总局关于个人所得税有关问题的公告（2019年第1号）……5')).toEqual({
      title: '国家税务总局关于个人所得税有关问题的公告',
      page: 5,
    });
  });

  it('takes a 公告 number with its issuer (国家税务总局公告2018年第18号) off the title too', () => {
    expect(
      parseTocEntry(
        '国家税务总局关于统一小规模纳税人标准等若干增值税问题的公告（国家税务总局公告2018年第18号）  ····  2',
      ),
    ).toEqual({
      title: '国家税务总局关于统一小规模纳税人标准等若干增值税问题的公告',
      page: 2,
    });
  });

  it('reads title, number and page of the sample entries', () => {
    expect(
      parseTocEntry('关于公布淄博市人民政府 2020 年度重大行政决策目录(第一批)的通知 (淄政办发〔2020〕5 号)\t(1)'),
    ).toEqual({
      title: '关于公布淄博市人民政府2020年度重大行政决策目录（第一批）的通知',
      number: '淄政办发〔2020〕5号',
      page: 1,
    });
    expect(
      parseTocEntry(
        '关于转发中国人民银行淄博市中心支行等部门淄博市移动支付便民工程建设工作方案(2020—2022 年)的通知 (淄政办字〔2020〕57 号)\t(16)',
      ),
    ).toEqual({
      title: '关于转发中国人民银行淄博市中心支行等部门淄博市移动支付便民工程建设工作方案（2020—2022年）的通知',
      number: '淄政办字〔2020〕57号',
      page: 16,
    });
  });

  it('accepts dot leaders, wide gaps, bare pages and numbers without brackets', () => {
    expect(parseTocEntry('关于加强行政执法音像记录管理工作的意见（淄政办字〔2020〕58号）…………25')).toEqual({
      title: '关于加强行政执法音像记录管理工作的意见',
      number: '淄政办字〔2020〕58号',
      page: 25,
    });
    expect(parseTocEntry('淄博市人民政府关于某事的决定  淄政发〔2020〕3 号    (30)')).toEqual({
      title: '淄博市人民政府关于某事的决定',
      number: '淄政发〔2020〕3号',
      page: 30,
    });
    expect(parseTocEntry('市政府人事任免（1）')).toEqual({ title: '市政府人事任免', page: 1 });
  });

  it('needs a page at the end', () => {
    expect(parseTocEntry('关于转发中国人民银行淄博市中心支行等部门淄博市移动支付便民工程建设工作方案')).toBeNull();
    expect(parseTocEntry('淄政办发〔2020〕5 号')).toBeNull();
    expect(parseTocEntry('工作方案（2020）')).toBeNull();
  });
});

describe('parseCoverAndToc', () => {
  const cover = ['淄博市人民政府 公报', 'ZI BO SHI RENMIN ZHENGFU', 'GONGBAO', '2020', '第7期（总第232期）', '目 录'];

  it('reads the cover', () => {
    const { result, findings } = parse(
      [...cover, '【市政府办公室文件】', '关于某事的通知 (淄政办发〔2020〕5 号)\t(1)'].join('\n\n'),
    );
    expect(result?.cover).toEqual({
      name: '淄博市人民政府公报',
      romanizedName: 'ZI BO SHI RENMIN ZHENGFU GONGBAO',
      year: 2020,
      number: 7,
      cumulative: 232,
    });
    expect(findings).toEqual([]);
  });

  it('finds a TOC headed 本期目录', () => {
    const { result, findings } = parse(
      [
        '黑龙江政报',
        '2012年第12期',
        '本期目录',
        '【省政府文件】',
        '黑龙江省人民政府关于公布第七批省级风景名胜区的通知',
        '（黑政发〔2012〕33号）……（6）',
      ].join('\n'),
    );
    expect(result?.entries).toMatchObject([{ section: '省政府文件', number: '黑政发〔2012〕33号', page: 6 }]);
    expect(findings).toEqual([]);
  });

  it('reads wrapped entries: the title, then the number and the page on later lines', () => {
    const { result, findings } = parse(
      [
        ...cover,
        '【市政府文件】',
        '关于转发中国人民银行淄博市中心支行等部门淄博市移动支付便民工程建设工作方案',
        '(2020—2022 年)的通知 (淄政办字〔2020〕57 号)\t(16)',
        '【市政府办公室文件】',
        '关于加强行政执法音像记录管理工作的意见',
        '(淄政办字〔2020〕58 号)',
        '(25)',
        '淄博市人民政府办公室',
      ].join('\n'),
    );
    expect(findings).toEqual([]);
    expect(result?.sections).toEqual(['市政府文件', '市政府办公室文件']);
    expect(result?.entries).toEqual([
      {
        section: '市政府文件',
        title: '关于转发中国人民银行淄博市中心支行等部门淄博市移动支付便民工程建设工作方案（2020—2022年）的通知',
        number: '淄政办字〔2020〕57号',
        page: 16,
        line: 8,
        endLine: 9,
      },
      {
        section: '市政府办公室文件',
        title: '关于加强行政执法音像记录管理工作的意见',
        number: '淄政办字〔2020〕58号',
        page: 25,
        line: 11,
        endLine: 13,
      },
    ]);
    expect(result?.end).toBe(13);
  });

  it('ends the TOC where the first document begins: before a number line, or after too many lines without a page', () => {
    const first = parse(
      [
        ...cover,
        '【文件】',
        '关于某事的通知 (淄政办发〔2020〕5 号)\t(1)',
        '淄博市人民政府办公室',
        '关于某事的通知',
        '淄政办发〔2020〕5 号',
        '各区县人民政府:',
      ].join('\n'),
    );
    expect(first.lines[first.result!.end]!.text).toBe('淄博市人民政府办公室');
    const second = parse([...cover, '【文件】', '某事的通知\t(1)', '甲', '乙', '丙', '丁'].join('\n'));
    expect(second.lines[second.result!.end]!.text).toBe('甲');
  });

  it('reads a TOC without section headings as an issue not divided into sections', () => {
    const { result, findings } = parse([...cover, '关于某事的通知\t(1)', '关于另一事的通知\t(4)'].join('\n'));
    expect(findings).toEqual([]);
    expect(result?.sections).toEqual([]);
    expect(result?.entries.map((entry) => [entry.section, entry.title, entry.page])).toEqual([
      [undefined, '关于某事的通知', 1],
      [undefined, '关于另一事的通知', 4],
    ]);
    expect(result?.entries[0]).not.toHaveProperty('section');
  });

  it('reports an entry before the first section of a TOC that has sections, a TOC without entries and a missing TOC', () => {
    const mixed = parse([...cover, '关于某事的通知\t(1)', '【文件】', '关于另一事的通知\t(4)'].join('\n'));
    expect(mixed.findings).toEqual([
      {
        severity: 'error',
        message:
          'a TOC entry before the first 【section】 heading, in a TOC divided into sections: every document needs a section',
        line: 7,
      },
    ]);
    expect(mixed.result?.entries.map(({ section, page }) => [section, page])).toEqual([['文件', 4]]);
    expect(parse([...cover, '【文件】'].join('\n')).findings).toEqual([
      { severity: 'error', message: 'the table of contents (目录) lists no entries "title (page)"', line: 6 },
    ]);
    const none = parse('淄博市人民政府公报\n正文');
    expect(none.result).toBeNull();
    expect(none.findings[0]?.message).toMatch(/no table of contents/);
  });

  it('reports cover lines it cannot place, and reads a publication date', () => {
    const { result, findings } = parse(
      [
        '淄博市人民政府公报',
        '2020年第7期',
        '2020年6月15日出版',
        '内部资料',
        '目录',
        '【文件】',
        '某事的通知\t(1)',
      ].join('\n'),
    );
    expect(result?.cover).toMatchObject({ year: 2020, number: 7, published: '2020-06-15' });
    expect(findings).toEqual([{ severity: 'warning', message: 'ignored a line on the cover: "内部资料"', line: 4 }]);
  });

  it('reads a national gazette: name over two lines, 第N号（总号：N）, sections without 【】, decree entries', () => {
    const { result, findings } = parse(
      [
        '　　　中华人民共和国',
        '　　　国务院公报',
        "GAZETTE OF THE STATE COUNCIL OF THE PEOPLE'S REPUBLIC OF CHINA",
        '2019年第5号（总号：1650）',
        '目　　录',
        '国务院令',
        '中华人民共和国国务院令（第706号）　专利代理条例……………………（3）',
        '国务院办公厅文件',
        '国务院办公厅转发国家发展改革委关于深化公共资源交易平台整合',
        '共享指导意见的通知（国办函〔2019〕41号）…………………………12',
      ].join('\n'),
    );
    expect(findings).toEqual([]);
    expect(result?.cover).toEqual({
      name: '中华人民共和国国务院公报',
      romanizedName: "GAZETTE OF THE STATE COUNCIL OF THE PEOPLE'S REPUBLIC OF CHINA",
      year: 2019,
      number: 5,
      cumulative: 1650,
    });
    expect(result?.sections).toEqual(['国务院令', '国务院办公厅文件']);
    expect(result?.entries.map(({ section, title, number, page }) => [section, title, number, page])).toEqual([
      ['国务院令', '专利代理条例', '中华人民共和国国务院令第706号', 3],
      [
        '国务院办公厅文件',
        '国务院办公厅转发国家发展改革委关于深化公共资源交易平台整合共享指导意见的通知',
        '国办函〔2019〕41号',
        12,
      ],
    ]);
  });

  it('reads entries printed with the page before the title, a long title under a hanging indent', () => {
    const toc = [
      '上海市人民政府公报',
      '2018年第1期（总第433期）',
      '目　录',
      '市政府文件',
      '1　上海市人民政府印发《关于本市加强政务诚信建设的实施意见》',
      '　　的通知（沪府发〔2017〕92号）',
      '5　上海市人民政府关于甲的通知（沪府发〔2017〕93号）',
      '【市政府办公厅文件】',
      '12　上海市人民政府办公厅关于乙的通知',
    ];
    const entries = (text: string) =>
      parse(text).result?.entries.map(({ section, title, number, page, line, endLine }) => [
        section,
        title,
        number,
        page,
        line,
        endLine,
      ]);
    const expected = [
      ['市政府文件', '上海市人民政府印发《关于本市加强政务诚信建设的实施意见》的通知', '沪府发〔2017〕92号', 1, 5, 6],
      ['市政府文件', '上海市人民政府关于甲的通知', '沪府发〔2017〕93号', 5, 7, 7],
      ['市政府办公厅文件', '上海市人民政府办公厅关于乙的通知', undefined, 12, 9, 9],
    ];
    // The body starts on the next page: its first lines are not the last entry's.
    expect(entries([...toc, '\f上海市人民政府办公厅', '关于乙的通知'].join('\n'))).toEqual(expected);
    // Without page breaks only an indented line continues an entry.
    expect(entries([...toc, '上海市人民政府办公厅', '关于乙的通知'].join('\n'))).toEqual(expected);
    // A title that starts with a year is no page.
    expect(parseTocEntry('2019年政府工作报告……3')).toEqual({ title: '2019年政府工作报告', page: 3 });
  });
});

describe('parseTocEntry: leaders', () => {
  it('takes a single ellipsis before the page for a leader', () => {
    expect(parseTocEntry('省政府办公厅关于某事的通知（苏政办发〔2007〕19号）…（41）')).toEqual({
      title: '省政府办公厅关于某事的通知',
      number: '苏政办发〔2007〕19号',
      page: 41,
    });
  });
});
