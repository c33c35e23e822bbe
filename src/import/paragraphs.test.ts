import { describe, expect, it } from 'vitest';
import { buildBlocks } from './paragraphs';
import { Findings } from './report';
import { readSourceText } from './text-lines';

function blocks(...lines: string[]) {
  const findings = new Findings();
  const result = buildBlocks(readSourceText(lines.join('\n\n')).lines, findings);
  return { blocks: result, findings: findings.list };
}

describe('buildBlocks: page-break joins', () => {
  it('joins a line cut by the page onto the next line (seed lines 38 and 40)', () => {
    expect(
      blocks(
        '组织公众参与重大行政决策可以采取公开决策草案,座谈会、论证会、听证',
        '会,委托公共媒体或调查研究机构问卷调查或民意调查等方式进行。',
      ).blocks,
    ).toEqual([
      {
        kind: 'paragraph',
        text: '组织公众参与重大行政决策可以采取公开决策草案，座谈会、论证会、听证会，委托公共媒体或调查研究机构问卷调查或民意调查等方式进行。',
      },
    ]);
  });

  it('ends a paragraph at 。；：！？”）】〕》」』 and ASCII ;:!?)', () => {
    for (const end of [
      '。',
      '；',
      '：',
      '！',
      '？',
      '”',
      '）',
      '】',
      '〕',
      '》',
      '」',
      '』',
      ';',
      ':',
      '!',
      '?',
      ')',
    ]) {
      expect(blocks(`第一段${end}`, '第二段。').blocks, end).toHaveLength(2);
    }
    expect(blocks('各区县、', '各部门。').blocks).toHaveLength(1);
    // A line starting with a comma or a closing mark continues, whatever the line before ends with.
    expect(blocks('根据《中华人民共和国专利法》', '，制定本办法。').blocks).toEqual([
      { kind: 'paragraph', text: '根据《中华人民共和国专利法》，制定本办法。' },
    ]);
    expect(blocks('按照“一次办好”', '”的要求。').blocks).toHaveLength(1);
  });

  it('joins across "3." and document numbers cut in half (seed lines 336, 352)', () => {
    expect(
      blocks('但是下列情形应当永久保存:1. 在重大行政、刑事案件中作为证据使用的;3.', '处置重大突发事件、群体性事件的。')
        .blocks,
    ).toEqual([
      {
        kind: 'paragraph',
        text: '但是下列情形应当永久保存：1．在重大行政、刑事案件中作为证据使用的；3．处置重大突发事件、群体性事件的。',
      },
    ]);
    expect(blocks('《关于印发某办法的通知》(淄', '政办发[2018]9号)同时废止。').blocks).toEqual([
      { kind: 'paragraph', text: '《关于印发某办法的通知》（淄政办发[2018]9号）同时废止。' },
    ]);
  });
});

describe('buildBlocks: heads', () => {
  it('takes short 一、 lines for heads when all their siblings are short', () => {
    expect(
      blocks(
        '一、总体要求',
        '在政务服务事项标准化和颗粒化梳理基础上,实现一次办好。',
        '二、工作目标',
        '以企业和群众高效办成“一件事”为目标。',
      ).blocks,
    ).toEqual([
      { kind: 'heading', depth: 3, text: '一、总体要求' },
      { kind: 'paragraph', text: '在政务服务事项标准化和颗粒化梳理基础上，实现一次办好。' },
      { kind: 'heading', depth: 3, text: '二、工作目标' },
      { kind: 'paragraph', text: '以企业和群众高效办成“一件事”为目标。' },
    ]);
  });

  it('takes a short 一、 line among long siblings for a fragment cut by the page (seed line 54)', () => {
    expect(
      blocks(
        '五、合法性审查是重大行政决策的必经程序,由市司法局组织实施。',
        '六、市政府重大行政决策草案应当',
        '提交市政府常务会议或全体会议审议,并报市委研究同意。',
        '七、列入之前年度重大行政决策目录但尚未完成的事项,应按照重大行政决策的相关要求继续履行程序。',
      ).blocks,
    ).toEqual([
      { kind: 'paragraph', text: '五、合法性审查是重大行政决策的必经程序，由市司法局组织实施。' },
      { kind: 'paragraph', text: '六、市政府重大行政决策草案应当提交市政府常务会议或全体会议审议，并报市委研究同意。' },
      {
        kind: 'paragraph',
        text: '七、列入之前年度重大行政决策目录但尚未完成的事项，应按照重大行政决策的相关要求继续履行程序。',
      },
    ]);
  });

  it('decides （一） heads per 一、 parent (the 57号 plan)', () => {
    const result = blocks(
      '一、总体要求',
      '(一)指导思想',
      '以习近平新时代中国特色社会主义思想为指导。',
      '(二)基本原则',
      '1. 政企联动,协同发展。充分发挥银行机构的市场主体作用。',
      '三、保障措施',
      '(一) 加强组织领导。成立淄博市移动支付便民工程领导小组。',
      '(二) 加大政策扶持。不断创新和优化移动支付发展政策。',
    ).blocks;
    expect(result).toEqual([
      { kind: 'heading', depth: 3, text: '一、总体要求' },
      { kind: 'heading', depth: 4, text: '（一）指导思想' },
      { kind: 'paragraph', text: '以习近平新时代中国特色社会主义思想为指导。' },
      { kind: 'heading', depth: 4, text: '（二）基本原则' },
      { kind: 'paragraph', text: '1．政企联动，协同发展。充分发挥银行机构的市场主体作用。' },
      { kind: 'heading', depth: 3, text: '三、保障措施' },
      { kind: 'paragraph', text: '（一）加强组织领导。成立淄博市移动支付便民工程领导小组。' },
      { kind: 'paragraph', text: '（二）加大政策扶持。不断创新和优化移动支付发展政策。' },
    ]);
  });

  it('never joins a paragraph onto a head, nor a head onto the next line', () => {
    expect(blocks('进一步减少跑动次数', '二、工作目标', '以企业和群众高效办成').blocks).toEqual([
      { kind: 'paragraph', text: '进一步减少跑动次数' },
      { kind: 'heading', depth: 3, text: '二、工作目标' },
      { kind: 'paragraph', text: '以企业和群众高效办成' },
    ]);
  });
});

describe('buildBlocks: lines that stand alone', () => {
  it('keeps the contact block one paragraph per line (5号)', () => {
    expect(
      blocks(
        '有关部门联系方式:',
        '市政府办公室政策法规科',
        '电话:3183683',
        '市政府研究室专家咨询工作科',
        '电话:3177897',
      ).blocks,
    ).toEqual([
      { kind: 'paragraph', text: '有关部门联系方式：' },
      { kind: 'paragraph', text: '市政府办公室政策法规科' },
      { kind: 'paragraph', text: '电话：3183683' },
      { kind: 'paragraph', text: '市政府研究室专家咨询工作科' },
      { kind: 'paragraph', text: '电话：3177897' },
    ]);
  });

  it('keeps the 附件说明 and its numbered lines apart from the attachment titles after them', () => {
    expect(
      blocks('附件:淄博市移动支付便民工程建设工作任务清单', '淄博市移动支付便民工程建设工作任务清单').blocks,
    ).toEqual([
      { kind: 'paragraph', text: '附件：淄博市移动支付便民工程建设工作任务清单' },
      { kind: 'paragraph', text: '淄博市移动支付便民工程建设工作任务清单' },
    ]);
    expect(blocks('附件:1. 甲单位名单', '2. 乙单位名单', '甲单位名单').blocks).toEqual([
      { kind: 'paragraph', text: '附件：1．甲单位名单' },
      { kind: 'paragraph', text: '2．乙单位名单' },
      { kind: 'paragraph', text: '甲单位名单' },
    ]);
  });

  it('reads tab-separated lines as a table', () => {
    expect(blocks('说明如下', '序号\t名称', '1\t甲').blocks).toEqual([
      { kind: 'paragraph', text: '说明如下' },
      {
        kind: 'table',
        rows: [
          ['序号', '名称'],
          ['1', '甲'],
        ],
      },
    ]);
  });
});

describe('buildBlocks: structure survives', () => {
  const texts = (...lines: string[]) =>
    blocks(...lines).blocks.map((block) => ('text' in block ? block.text : block.kind));

  it('makes chapters headings and starts a paragraph at each article', () => {
    expect(
      blocks(
        '第一章　总　　则',
        '第一条　为了规范专利代理行为，根据《中华人民共和国专利法》，制定本条例。',
        '第二条　本条例所称专利代理',
        '是指专利代理机构以委托人的名义办理专利事务的行为。',
        '第一节　一般规定',
        '第三条　略。',
      ).blocks,
    ).toEqual([
      { kind: 'heading', depth: 3, text: '第一章　总则' },
      { kind: 'paragraph', text: '第一条　为了规范专利代理行为，根据《中华人民共和国专利法》，制定本条例。' },
      { kind: 'paragraph', text: '第二条　本条例所称专利代理是指专利代理机构以委托人的名义办理专利事务的行为。' },
      { kind: 'heading', depth: 4, text: '第一节　一般规定' },
      { kind: 'paragraph', text: '第三条　略。' },
    ]);
  });

  it('never joins a short 一、 head to the （一） item after it, even among long siblings', () => {
    expect(
      texts(
        '一、总体要求',
        '（一）指导思想。以习近平新时代中国特色社会主义思想为指导。',
        '二、重点任务。各地区要结合实际，完善工作机制，确保各项任务落到实处，形成工作合力。',
      ),
    ).toEqual([
      '一、总体要求',
      '（一）指导思想。以习近平新时代中国特色社会主义思想为指导。',
      '二、重点任务。各地区要结合实际，完善工作机制，确保各项任务落到实处，形成工作合力。',
    ]);
  });

  it('never joins a short 一、 head with commas but no stop to the 1. item after it', () => {
    expect(
      texts(
        '一、聚力挖掘内需潜力，不断巩固拓展经济稳中向好势头',
        '1.地区生产总值增长5%以上，居民收入增长与经济增长同步。',
      ),
    ).toEqual([
      '一、聚力挖掘内需潜力，不断巩固拓展经济稳中向好势头',
      '1．地区生产总值增长5%以上，居民收入增长与经济增长同步。',
    ]);
  });

  it('keeps the organs an item assigns, in brackets on their own line, with the item', () => {
    expect(
      texts(
        '2.着力稳住重点领域消费。社会消费品零售总额增长4.5%左右。',
        '（市商务局、市农业农村局主办，市税务局协办）',
        '（二）扩大有效投资。',
      ),
    ).toEqual([
      '2．着力稳住重点领域消费。社会消费品零售总额增长4.5%左右。（市商务局、市农业农村局主办，市税务局协办）',
      '（二）扩大有效投资。',
    ]);
  });

  it('never joins a numbered head to the next line', () => {
    expect(texts('1.1 总体目标', '到2022年，基本建成。', '1.2 主要任务', '推进改革。')).toEqual([
      '1.1总体目标',
      '到2022年，基本建成。',
      '1.2主要任务',
      '推进改革。',
    ]);
  });

  it('keeps a list of names one line per name', () => {
    expect(
      texts(
        '召 集 人：孙春兰　　国务院副总理',
        '副召集人：陈宝生　　教育部部长',
        '丁向阳　　国务院副秘书长',
        '成    员：孙　尧　　教育部副部长',
        '连维良　　发展改革委副主任',
        '联席会议办公室设在教育部。',
      ),
    ).toEqual([
      '召集人：孙春兰　　国务院副总理',
      '副召集人：陈宝生　　教育部部长',
      '丁向阳　　国务院副秘书长',
      '成员：孙　尧　　教育部副部长',
      '连维良　　发展改革委副主任',
      '联席会议办公室设在教育部。',
    ]);
  });

  it("keeps the columns of a layout extraction's list apart, not letter-spacing", () => {
    expect(
      texts(
        '    一、外聘委员（16名）',
        '    王贤荣（女）      南京林业大学生物与环境学院教授',
        '    刘仲华            中国工程院院士',
        '    成    员：孙　尧',
      ),
    ).toEqual([
      '一、外聘委员（16名）',
      '王贤荣（女）　南京林业大学生物与环境学院教授',
      '刘仲华　中国工程院院士',
      '成员：孙　尧',
    ]);
  });

  it('keeps a list of people and their organs one line per person', () => {
    expect(
      texts('（一）先进工作者', '李育洪　耒阳市林业局', '伍四銮　江华县林业局', '希望受到表彰的同志再接再厉。'),
    ).toEqual(['（一）先进工作者', '李育洪　耒阳市林业局', '伍四銮　江华县林业局', '希望受到表彰的同志再接再厉。']);
  });

  it('keeps the entries of a 目录 inside a document apart, up to the first one printed again', () => {
    expect(
      texts(
        '目　录',
        '第一章　总则',
        '第二章　一般处置要求',
        '第一章　总　则',
        '第一条　为了加强建筑垃圾管理',
        '制定本规定。',
      ),
    ).toEqual([
      '目　录',
      '第一章　总则',
      '第二章　一般处置要求',
      '第一章　总则',
      '第一条　为了加强建筑垃圾管理制定本规定。',
    ]);
  });

  it('keeps the signature of a forwarded report apart from the text before it', () => {
    expect(texts('以上意见如无不妥，请转发各地执行', '国家教委', '一九九六年六月二十日')).toEqual([
      '以上意见如无不妥，请转发各地执行',
      '国家教委',
      '一九九六年六月二十日',
    ]);
  });

  it('reads printed layout: an indented line starts a paragraph, others continue it whatever they end with', () => {
    expect(
      texts(
        '　　（十一）允许自贸试验区创新推出税收服务举措。（负责部门：',
        '税务总局）',
        '　　经双方协商，可提前终止。',
        '图5　汽车前号牌',
        '　　　　　　　　国务院办公厅',
      ),
    ).toEqual([
      '（十一）允许自贸试验区创新推出税收服务举措。（负责部门：税务总局）',
      '经双方协商，可提前终止。',
      '图5　汽车前号牌',
      '国务院办公厅',
    ]);
  });

  it('in text wrapped at a fixed width, continues a sentence that ends at the margin', () => {
    const line = (text: string) => text.padEnd(20, '续');
    expect(
      texts(
        line('1．释放企业产能。允许综合保税区内加工'),
        line('制造企业利用剩余产能承接委托'),
        line('加工业务，提高产能利用率。'),
        '（海关总署、商务部负责）',
        line('2．促进内销便利。将在综合保税区内'),
        '生产的产品从目录中剔除。',
      ),
    ).toEqual([
      `${line('1．释放企业产能。允许综合保税区内加工')}${line('制造企业利用剩余产能承接委托')}${line('加工业务，提高产能利用率。')}（海关总署、商务部负责）`,
      `${line('2．促进内销便利。将在综合保税区内')}生产的产品从目录中剔除。`,
    ]);
  });
});

describe('buildBlocks: rows of names', () => {
  it("keeps rows of organs' names typed apart as rows (a run wrapped inside a name is the hunan fixture's)", () => {
    const lines = [
      '　　一、先进单位',
      '新安县人民政府　市住房城乡建设委　市发展改革委',
      '市财政局　市水务局　市交通运输局',
    ];
    expect(buildBlocks(readSourceText(lines.join('\n')).lines, new Findings())).toEqual([
      { kind: 'heading', depth: 3, text: '一、先进单位' },
      { kind: 'paragraph', text: '新安县人民政府　市住房城乡建设委　市发展改革委' },
      { kind: 'paragraph', text: '市财政局　市水务局　市交通运输局' },
    ]);
  });
});
