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
    expect(blocks('组织公众参与重大行政决策可以采取公开决策草案,座谈会、论证会、听证', '会,委托公共媒体或调查研究机构问卷调查或民意调查等方式进行。').blocks).toEqual([
      { kind: 'paragraph', text: '组织公众参与重大行政决策可以采取公开决策草案，座谈会、论证会、听证会，委托公共媒体或调查研究机构问卷调查或民意调查等方式进行。' },
    ]);
  });

  it('ends a paragraph at 。；：！？”）】〕》」』 and ASCII ;:!?)', () => {
    for (const end of ['。', '；', '：', '！', '？', '”', '）', '】', '〕', '》', '」', '』', ';', ':', '!', '?', ')']) {
      expect(blocks(`第一段${end}`, '第二段。').blocks, end).toHaveLength(2);
    }
    expect(blocks('各区县、', '各部门。').blocks).toHaveLength(1);
  });

  it('joins across "3." and document numbers cut in half (seed lines 336, 352)', () => {
    expect(blocks('但是下列情形应当永久保存:1. 在重大行政、刑事案件中作为证据使用的;3.', '处置重大突发事件、群体性事件的。').blocks).toEqual([
      { kind: 'paragraph', text: '但是下列情形应当永久保存：1．在重大行政、刑事案件中作为证据使用的；3．处置重大突发事件、群体性事件的。' },
    ]);
    expect(blocks('《关于印发某办法的通知》(淄', '政办发[2018]9号)同时废止。').blocks).toEqual([
      { kind: 'paragraph', text: '《关于印发某办法的通知》（淄政办发[2018]9号）同时废止。' },
    ]);
  });
});

describe('buildBlocks: heads', () => {
  it('takes short 一、 lines for heads when all their siblings are short', () => {
    expect(blocks('一、总体要求', '在政务服务事项标准化和颗粒化梳理基础上,实现一次办好。', '二、工作目标', '以企业和群众高效办成“一件事”为目标。').blocks).toEqual([
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
      { kind: 'paragraph', text: '七、列入之前年度重大行政决策目录但尚未完成的事项，应按照重大行政决策的相关要求继续履行程序。' },
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
    expect(blocks('有关部门联系方式:', '市政府办公室政策法规科', '电话:3183683', '市政府研究室专家咨询工作科', '电话:3177897').blocks).toEqual([
      { kind: 'paragraph', text: '有关部门联系方式：' },
      { kind: 'paragraph', text: '市政府办公室政策法规科' },
      { kind: 'paragraph', text: '电话：3183683' },
      { kind: 'paragraph', text: '市政府研究室专家咨询工作科' },
      { kind: 'paragraph', text: '电话：3177897' },
    ]);
  });

  it('keeps the 附件说明 and its numbered lines apart from the attachment titles after them', () => {
    expect(blocks('附件:淄博市移动支付便民工程建设工作任务清单', '淄博市移动支付便民工程建设工作任务清单').blocks).toEqual([
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
      { kind: 'table', rows: [['序号', '名称'], ['1', '甲']] },
    ]);
  });
});
