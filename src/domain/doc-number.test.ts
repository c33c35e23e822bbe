import { describe, expect, it } from 'vitest';
import { compareDocNumbers, docNumberKey, findDocNumbers, normalizeDocNumber, parseDocNumber } from './doc-number';

describe('parseDocNumber', () => {
  it.each([
    ['淄政办字〔2020〕56号', '淄政办字〔2020〕56号'],
    ['淄政办字[2020]56号', '淄政办字〔2020〕56号'],
    ['淄政办字［2020］56号', '淄政办字〔2020〕56号'],
    ['淄政办字(2020)56号', '淄政办字〔2020〕56号'],
    ['淄政办字（2020）56号', '淄政办字〔2020〕56号'],
    ['淄政办字【2020】56号', '淄政办字〔2020〕56号'],
    ['淄政办字 〔2020〕 56 号', '淄政办字〔2020〕56号'],
    ['  淄政办发〔2020〕5 号 ', '淄政办发〔2020〕5号'],
    ['国办发〔2018〕118号', '国办发〔2018〕118号'],
    ['淄政办发〔2020〕第5号', '淄政办发〔2020〕5号'],
  ])('reads %s as %s', (input, canonical) => {
    expect(normalizeDocNumber(input)).toBe(canonical);
  });

  it('splits a number into its parts', () => {
    expect(parseDocNumber('淄政办字[2015]51号')).toEqual({
      kind: 'document',
      prefix: '淄政办字',
      year: 2015,
      seq: 51,
      canonical: '淄政办字〔2015〕51号',
    });
  });

  it('understands order numbers', () => {
    expect(parseDocNumber('市政府令第102号')).toEqual({
      kind: 'order',
      prefix: '市政府令',
      seq: 102,
      canonical: '市政府令第102号',
    });
    expect(normalizeDocNumber('市政府令第 102 号')).toBe('市政府令第102号');
  });

  it('understands orders a ministry numbers per year', () => {
    expect(parseDocNumber('交通运输部令2019年第32号')).toEqual({
      kind: 'order',
      prefix: '交通运输部令',
      year: 2019,
      seq: 32,
      canonical: '交通运输部令2019年第32号',
    });
    expect(normalizeDocNumber('中华人民共和国交通运输部令 2019 年第 32 号')).toBe(
      '中华人民共和国交通运输部令2019年第32号',
    );
    expect(
      findDocNumbers('对《港口工程建设管理规定》（交通运输部令2018年第42号）作如下修改').map(({ raw }) => raw),
    ).toEqual(['交通运输部令2018年第42号']);
    expect(docNumberKey(parseDocNumber('交通运输部令2019年第32号')!)).toBe('交通运输部令-2019-32');
  });

  it.each([
    '',
    '2020年5月24日',
    '淄政办字56号',
    '淄政办字〔2020〕',
    '〔2020〕56号',
    '0533-3183683',
    '关于印发实施方案的通知',
  ])('rejects %j', (input) => {
    expect(parseDocNumber(input)).toBeNull();
  });

  it('rejects text around a number', () => {
    expect(parseDocNumber('见淄政办字〔2020〕56号文件')).toBeNull();
  });
});

describe('findDocNumbers', () => {
  it('finds numbers cited in running text, in order', () => {
    const text =
      '按照《关于进一步做好重大行政决策合法性审查工作的通知》(淄政办字[2015]51号)要求,并按照《淄博市重大行政决策程序规定》(市政府令第 102 号)';
    expect(findDocNumbers(text).map((n) => n.canonical)).toEqual(['淄政办字〔2015〕51号', '市政府令第102号']);
  });

  it('reports where each number stands as written', () => {
    const text = '《通知》(淄政办发[2018]9号)同时废止';
    const [found] = findDocNumbers(text);
    expect(text.slice(found.start, found.end)).toBe('淄政办发[2018]9号');
    expect(found.raw).toBe('淄政办发[2018]9号');
  });

  it('drops words that precede a number in running text', () => {
    expect(findDocNumbers('根据国办发〔2018〕118号精神')[0].canonical).toBe('国办发〔2018〕118号');
    expect(findDocNumbers('继续执行淄政办字〔2020〕1号')[0].canonical).toBe('淄政办字〔2020〕1号');
    expect(findDocNumbers('贯彻落实鲁政办字〔2020〕62号')[0].canonical).toBe('鲁政办字〔2020〕62号');
  });

  it('does not take the 号 of a number for the start of the next', () => {
    expect(findDocNumbers('淄政办字[2015]51号和市政府令第102号').map((n) => n.canonical)).toEqual([
      '淄政办字〔2015〕51号',
      '市政府令第102号',
    ]);
  });

  const canonicals = (text: string) => findDocNumbers(text).map((n) => n.canonical);

  it.each([
    // The cases of issue 10.
    ['（以下简称京政办字〔2017〕20号）', ['京政办字〔2017〕20号']],
    ['局作出温国土资发〔2018〕366号', ['温国土资发〔2018〕366号']],
    ['2018年3月1日原国家工商行政管理总局令第98号', ['原国家工商行政管理总局令第98号']],
    ['根据国务院令第588号', ['国务院令第588号']],
    [
      '中华人民共和国国务院　中华人民共和国中央军事委员会令第788号',
      ['中华人民共和国国务院、中华人民共和国中央军事委员会令第788号'],
    ],
    // 行政法规 (LawRefBook/Laws): dates before orders, joint orders joined by 、.
    ['2001年12月10日中华人民共和国国务院令第332号公布', ['中华人民共和国国务院令第332号']],
    ['1991年5月6日 中华人民共和国国家工商行政管理局令第7号发布', ['中华人民共和国国家工商行政管理局令第7号']],
    [
      '2000年9月14日 中华人民共和国国务院、中华人民共和国中央军事委员会令第290号公布',
      ['中华人民共和国国务院、中华人民共和国中央军事委员会令第290号'],
    ],
    ['1989年11月17日 民政部、总后勤部令第1号发布', ['民政部、总后勤部令第1号']],
    [
      '监察部、人事部、中国人民银行、海关总署、国家外汇管理局令第7号',
      ['监察部、人事部、中国人民银行、海关总署、国家外汇管理局令第7号'],
    ],
    ['1990年6月4日 国家教育委员会令第10号、卫生部令第1号发布', ['国家教育委员会令第10号', '卫生部令第1号']],
    ['1995年9月4日 对外贸易经济合作部令第6号', ['对外贸易经济合作部令第6号']],
    ['凡需新辟军民合用机场，按国办发(1985)49号文件规定办理。', ['国办发〔1985〕49号']],
    // Running text of government documents (gov.cn sites and their mirrors).
    [
      '申请人龚某迁联户小组不服双牌县茶林镇人民政府作出的茶政处决字〔2021〕2号关于石山漯公路下山林权属争议处理决定书',
      ['茶政处决字〔2021〕2号'],
    ],
    ['申请人请求：撤销茶政处决字〔2021〕2号处理决定书第三项、第四项', ['茶政处决字〔2021〕2号']],
    ['双牌县人民政府行政复议决定书 双政复决字[2021]第9号', ['双政复决字〔2021〕9号']],
    [
      '我部决定撤销你公司“路德牌普丽新胶囊”的保健食品批准证书(批准文号:卫食健字(1997)第348号)。',
      ['卫食健字〔1997〕348号'],
    ],
    [
      '根据新修订的《中华人民共和国预算法》、《国务院关于深化预算管理制度改革的决定》(国发〔2014〕45号)和《中共山东省委山东省人民政府关于深化财税体制改革的意见》(鲁发〔2014〕18号)有关要求',
      ['国发〔2014〕45号', '鲁发〔2014〕18号'],
    ],
    [
      '现将《国务院办公厅关于禁止非法买卖人民币的通知》(国办发明电〔1997〕28号)转发给你们，请认真遵照执行。',
      ['国办发明电〔1997〕28号'],
    ],
    [
      '国务院办公厅转发农业部等部门《关于稳定基层农业技术推广体系的意见》的通知国办发[1999]79号',
      ['国办发〔1999〕79号'],
    ],
    [
      '推动《湖南省人民政府办公厅印发<关于打好经济增长主动仗实现经济运行整体好转若干政策措施>的通知》（湘政办发〔2023〕4号）文件落地见效',
      ['湘政办发〔2023〕4号'],
    ],
    // LawRefBook/Laws, 司法解释 and local regulations.
    [
      '自本规定公布之日起，我院法〔1998〕86号《关于人民法院受理申请承认外国法院离婚判决案件有关问题的规定》',
      ['法〔1998〕86号'],
    ],
    ['1998年9月17日，我院以法〔1998〕86号通知印发了', ['法〔1998〕86号']],
    ['《关于审理盗窃案件具体应用法律的若干问题的解释》（法（研）发〔1987〕32号）同时废止', ['法（研）发〔1987〕32号']],
    ['1985年11月30日市人民政府京政发〔1985〕167号文件发布', ['京政发〔1985〕167号']],
    ['《最低工资规定》（劳动和社会保障部令第21号）', ['劳动和社会保障部令第21号']],
    [
      '财科教【2017】6号 财政部 科技部 教育部 发展改革委关于进一步做好中央财政科研项目资金管理等政策贯彻落实工作的通知',
      ['财科教〔2017〕6号'],
    ],
    ['各地要落实省政府鲁政发〔2019〕3号文件', ['鲁政发〔2019〕3号']],
    // A one-character 代字 is only read after words that introduce it.
    ['（鲁政\n字〔2019〕4号）', []],
    // Place names that begin with a particle: 即墨区 (即政发), 和平区, 从化区.
    ['（即政发〔2020〕12号）', ['即政发〔2020〕12号']],
    ['和政办发〔2019〕3号', ['和政办发〔2019〕3号']],
    ['巩固成果和国发〔2019〕1号', ['国发〔2019〕1号']],
    ['根据和平区人民政府令第3号', ['和平区人民政府令第3号']],
    ['依照本溪市人民政府令第1号', ['本溪市人民政府令第1号']],
    ['同日原国家工商行政管理总局令第1号公布', ['原国家工商行政管理总局令第1号']],
    ['按照《方案》（测政办字〔2020〕5号）和测政发〔2021〕1号执行。', ['测政办字〔2020〕5号', '测政发〔2021〕1号']],
    // Organs whose names hold a particle: 共和国, 发展和改革, 经济.
    ['中华人民共和国国家发展和改革委员会令第1号', ['中华人民共和国国家发展和改革委员会令第1号']],
    ['依照国家经济贸易委员会令第5号', ['国家经济贸易委员会令第5号']],
    // Dates in Chinese numerals.
    ['二〇二〇年五月二十四日淄博市人民政府令第110号', ['淄博市人民政府令第110号']],
  ])('reads the 代字 of %s', (text, expected) => {
    expect(canonicals(text)).toEqual(expected);
  });

  it('keeps the joint organs and their spacing as written in raw', () => {
    const text = '中华人民共和国国务院　中华人民共和国中央军事委员会令第788号';
    const [found] = findDocNumbers(text);
    expect(found.raw).toBe(text);
    expect(found.start).toBe(0);
    expect(parseDocNumber(text)?.prefix).toBe('中华人民共和国国务院、中华人民共和国中央军事委员会令');
  });

  it('does not join an order to the date before it', () => {
    const text = '2008年8月3日 国务院令第529号';
    expect(findDocNumbers(text)[0]).toMatchObject({ canonical: '国务院令第529号', start: text.indexOf('国') });
  });

  it('ignores dates, phone numbers and percentages', () => {
    expect(findDocNumbers('2020年5月24日 电话:3183683 增长30%以上 第67次会议 0533-3183683')).toEqual([]);
  });
});

describe('docNumberKey and compareDocNumbers', () => {
  it('makes bracket-free keys', () => {
    expect(docNumberKey(parseDocNumber('淄政办字〔2020〕54号')!)).toBe('淄政办字-2020-54');
    expect(docNumberKey(parseDocNumber('市政府令第102号')!)).toBe('市政府令-102');
  });

  it('sorts by prefix, year and sequence number', () => {
    const numbers = ['淄政办字〔2020〕58号', '淄政办字〔2019〕60号', '淄政办字〔2020〕6号'].map((n) =>
      parseDocNumber(n)!,
    );
    expect(numbers.sort(compareDocNumbers).map((n) => n.canonical)).toEqual([
      '淄政办字〔2019〕60号',
      '淄政办字〔2020〕6号',
      '淄政办字〔2020〕58号',
    ]);
  });
});
