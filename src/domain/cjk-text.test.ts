import { describe, it, expect } from 'vitest';
import {
  isCjk,
  isCjkIdeograph,
  isCjkPunctuation,
  joinPageBrokenLines,
  normalizeCjkSpacing,
  normalizeParagraph,
  toFullWidthPunctuation,
} from './cjk-text';

describe('character classes', () => {
  it('tells ideographs from CJK punctuation', () => {
    expect(isCjkIdeograph('淄')).toBe(true);
    expect(isCjkIdeograph('𠀀')).toBe(true); // Extension B, a surrogate pair
    expect(isCjkIdeograph('。')).toBe(false);
    for (const char of ['“', '”', '《', '》', '〔', '〕', '、', '，', '。', '：', '；', '（', '）', '—', '　']) {
      expect(isCjkPunctuation(char), char).toBe(true);
    }
    expect(isCjk('A')).toBe(false);
    expect(isCjk('2')).toBe(false);
    expect(isCjk('(')).toBe(false);
    expect(isCjk(undefined)).toBe(false);
  });
});

describe('normalizeCjkSpacing', () => {
  it('removes spaces between CJK characters and digits', () => {
    expect(normalizeCjkSpacing('淄博市人民政府 2020 年度')).toBe('淄博市人民政府2020年度');
    expect(normalizeCjkSpacing('增长 30% 以上')).toBe('增长30%以上');
    expect(normalizeCjkSpacing('第 67 次')).toBe('第67次');
    expect(normalizeCjkSpacing('淄政办发〔2020〕5 号')).toBe('淄政办发〔2020〕5号');
    expect(normalizeCjkSpacing('2020—2022 年')).toBe('2020—2022年');
  });

  it('removes spaces between two CJK characters', () => {
    expect(normalizeCjkSpacing('田间 互联网 物流 餐桌')).toBe('田间互联网物流餐桌');
    expect(normalizeCjkSpacing('关于公布淄博市人民政府 2020 年度 重大行政决策目录')).toBe(
      '关于公布淄博市人民政府2020年度重大行政决策目录',
    );
    expect(normalizeCjkSpacing('政务服务“一链办理” 实施方案')).toBe('政务服务“一链办理”实施方案');
  });

  it('removes spaces next to full-width punctuation, whatever the other side', () => {
    expect(normalizeCjkSpacing('“云闪付” APP')).toBe('“云闪付”APP');
    expect(normalizeCjkSpacing('中心支行 ， 市大数据局')).toBe('中心支行，市大数据局');
  });

  it('keeps one space between CJK and Latin letters', () => {
    expect(normalizeCjkSpacing('手机 PAY、二维码')).toBe('手机 PAY、二维码');
    expect(normalizeCjkSpacing('银行 APP 等')).toBe('银行 APP 等');
    expect(normalizeCjkSpacing('在疫情防控 and 宏观经济形势')).toBe('在疫情防控 and 宏观经济形势');
    expect(normalizeCjkSpacing('手机银行   APP\t等')).toBe('手机银行 APP 等');
  });

  it('keeps one space between numbers and Latin words', () => {
    expect(normalizeCjkSpacing('0533-3183683   3182579')).toBe('0533-3183683 3182579');
    expect(normalizeCjkSpacing('ZI BO  SHI RENMIN')).toBe('ZI BO SHI RENMIN');
  });

  it('trims, ideographic spaces included, but keeps an inner ideographic space', () => {
    expect(normalizeCjkSpacing('  \u3000为贯彻落实 ')).toBe('为贯彻落实');
    expect(normalizeCjkSpacing('市大数据局\u3000市商务局')).toBe('市大数据局\u3000市商务局');
    expect(normalizeCjkSpacing('市大数据局 \u3000 市商务局')).toBe('市大数据局\u3000市商务局');
  });

  it('leaves text without spaces alone', () => {
    const line = '畅通Ⅱ、Ⅲ类个人银行账户在移动端的开立和使用渠道';
    expect(normalizeCjkSpacing(line)).toBe(line);
    expect(normalizeCjkSpacing('')).toBe('');
  });
});

describe('toFullWidthPunctuation', () => {
  it('converts , ; : ? ! next to CJK', () => {
    expect(toFullWidthPunctuation('电话:3183683')).toBe('电话：3183683');
    expect(toFullWidthPunctuation('各区县人民政府,高新区、经济开发区、文昌湖区管委会,市政府各部门,各有关单位:')).toBe(
      '各区县人民政府，高新区、经济开发区、文昌湖区管委会，市政府各部门，各有关单位：',
    );
    expect(toFullWidthPunctuation('市行政审批服务局牵头;市直有关部门')).toBe('市行政审批服务局牵头；市直有关部门');
    expect(toFullWidthPunctuation('是否需要?请示!')).toBe('是否需要？请示！');
    expect(toFullWidthPunctuation('手机 PAY, 二维码')).toBe('手机 PAY，二维码');
  });

  it('leaves decimals, times and Latin text alone', () => {
    expect(toFullWidthPunctuation('担保费率由1%降低至0.5%。')).toBe('担保费率由1%降低至0.5%。');
    expect(toFullWidthPunctuation('12:30')).toBe('12:30');
    expect(toFullWidthPunctuation('下午 12:30 开会')).toBe('下午 12:30 开会');
    expect(toFullWidthPunctuation('Hello, world: ok?')).toBe('Hello, world: ok?');
    expect(toFullWidthPunctuation('1,000')).toBe('1,000');
  });

  it('converts parentheses around or next to CJK', () => {
    expect(toFullWidthPunctuation('(第一批)')).toBe('（第一批）');
    expect(toFullWidthPunctuation('(2020—2022年)')).toBe('（2020—2022年）');
    expect(toFullWidthPunctuation('(一)统一流程标准')).toBe('（一）统一流程标准');
    expect(toFullWidthPunctuation('(市政府令第102号)')).toBe('（市政府令第102号）');
    expect(toFullWidthPunctuation('见(1)项')).toBe('见（1）项');
    expect(toFullWidthPunctuation('工作方案 (2020—2022年)的通知')).toBe('工作方案（2020—2022年）的通知');
    expect(toFullWidthPunctuation('(一) 推动移动支付普及应用')).toBe('（一）推动移动支付普及应用');
  });

  it('converts nested and unmatched parentheses', () => {
    expect(toFullWidthPunctuation('(见(1)项)')).toBe('（见（1）项）');
    expect(toFullWidthPunctuation('（责任单位：市人民银行、中国银联山东分公司)')).toBe(
      '（责任单位：市人民银行、中国银联山东分公司）',
    );
    expect(toFullWidthPunctuation('(注')).toBe('（注');
  });

  it('leaves Latin parentheses alone', () => {
    expect(toFullWidthPunctuation('f(x) = (a + b)')).toBe('f(x) = (a + b)');
    expect(toFullWidthPunctuation('APP (beta)')).toBe('APP (beta)');
  });

  it('never touches document-number brackets', () => {
    expect(toFullWidthPunctuation('(淄政办字[2015]51号)')).toBe('（淄政办字[2015]51号）');
    expect(toFullWidthPunctuation('淄政办字〔2020〕54号')).toBe('淄政办字〔2020〕54号');
    expect(toFullWidthPunctuation('[2015]')).toBe('[2015]');
  });

  it('turns numeric item markers into 1．', () => {
    expect(toFullWidthPunctuation('1. 现场检查;2. 随机抽查')).toBe('1．现场检查；2．随机抽查');
    expect(toFullWidthPunctuation('应当使用音像记录:1. 现场检查')).toBe('应当使用音像记录：1．现场检查');
    expect(toFullWidthPunctuation('1. 政企联动,协同发展。')).toBe('1．政企联动，协同发展。');
    expect(toFullWidthPunctuation('行为的;3.处置重大突发事件')).toBe('行为的；3．处置重大突发事件');
    expect(toFullWidthPunctuation('10.“三级十同”')).toBe('10．“三级十同”');
  });

  it('does not take decimals, versions or long numbers for item markers', () => {
    expect(toFullWidthPunctuation('提高至0.5倍')).toBe('提高至0.5倍');
    expect(toFullWidthPunctuation('v1.2 版本')).toBe('v1.2 版本');
    expect(toFullWidthPunctuation('2020. 年')).toBe('2020. 年');
    expect(toFullWidthPunctuation('附件1.清单')).toBe('附件1.清单');
    expect(toFullWidthPunctuation('1. Introduction')).toBe('1. Introduction');
  });
});

describe('normalizeParagraph', () => {
  it('applies spacing, then punctuation', () => {
    expect(normalizeParagraph('关于公布淄博市人民政府 2020 年度 重大行政决策目录(第一批)的通知')).toBe(
      '关于公布淄博市人民政府2020年度重大行政决策目录（第一批）的通知',
    );
    expect(
      normalizeParagraph('一、按照《淄博市重大行政决策程序规定》(市政府令第 102 号),市政府重大行政决策实行公众参与'),
    ).toBe('一、按照《淄博市重大行政决策程序规定》（市政府令第102号），市政府重大行政决策实行公众参与');
    expect(normalizeParagraph('到 2022 年,全市移动支付活跃用户达到 300 万以上,人口覆盖率达到 70% 以上。')).toBe(
      '到2022年，全市移动支付活跃用户达到300万以上，人口覆盖率达到70%以上。',
    );
    expect(normalizeParagraph('推进农产品通过“云闪付”APP、手机银行 APP 等在线平台销售')).toBe(
      '推进农产品通过“云闪付”APP、手机银行 APP 等在线平台销售',
    );
    expect(normalizeParagraph('在疫情防控 and 宏观经济形势复杂多变的特殊时期,各金融机构')).toBe(
      '在疫情防控 and 宏观经济形势复杂多变的特殊时期，各金融机构',
    );
  });

  it('is idempotent', () => {
    const once = normalizeParagraph('(二) 大力推进移动支付创新 1. 现场检查;2. 随机抽查 手机 PAY, 0.5% 12:30');
    expect(normalizeParagraph(once)).toBe(once);
  });
});

describe('joinPageBrokenLines', () => {
  it('joins CJK fragments with no space', () => {
    expect(joinPageBrokenLines('座谈会、论证会、听证', '会,委托公共媒体')).toBe('座谈会、论证会、听证会,委托公共媒体');
    expect(joinPageBrokenLines('再造关联事项“一链办理”主 ', ' 题服务流程')).toBe('再造关联事项“一链办理”主题服务流程');
    expect(joinPageBrokenLines('依托山东省政务服务事项管理系统对全市政务服务', '“一链办理”事项')).toBe(
      '依托山东省政务服务事项管理系统对全市政务服务“一链办理”事项',
    );
    expect(joinPageBrokenLines('但是下列情形应当永久保存:1. …;3.', '处置重大突发事件')).toBe(
      '但是下列情形应当永久保存:1. …;3.处置重大突发事件',
    );
  });

  it('keeps a word space between Latin letters only', () => {
    expect(joinPageBrokenLines('在疫情防控 and', '宏观经济')).toBe('在疫情防控 and宏观经济');
    expect(joinPageBrokenLines('mobile', 'payment')).toBe('mobile payment');
    expect(joinPageBrokenLines('3183', '683')).toBe('3183683');
    expect(joinPageBrokenLines('', '会')).toBe('会');
  });

  it('gives a paragraph that normalises like the unbroken one', () => {
    const joined = joinPageBrokenLines(
      '《淄博市人民政府办公厅关于印发淄博市行政执法记录设备配备使用管理办法的通知》(淄',
      '政办发[2018]9号)同时废止。',
    );
    expect(normalizeParagraph(joined)).toBe(
      '《淄博市人民政府办公厅关于印发淄博市行政执法记录设备配备使用管理办法的通知》（淄政办发[2018]9号）同时废止。',
    );
  });
});
