import { describe, expect, it } from 'vitest';
import { parseCoverAndToc } from './cover-and-toc';
import { gazetteFullNames, parseDocument, signedFullNames } from './document-body';
import { splitDocuments } from './document-split';
import { Findings } from './report';
import { readSourceText } from './text-lines';

/** Parses the one document of a mini issue whose TOC lists `toc` and whose body is `body`. */
function parse(toc: string, body: string[]) {
  const findings = new Findings();
  const { lines } = readSourceText(
    `淄博市人民政府公报\n2020\n第7期\n目录\n【市政府办公室文件】\n${toc}\n${body.join('\n')}`,
  );
  const front = parseCoverAndToc(lines, findings)!;
  const [span] = splitDocuments(
    lines,
    { bodyStart: front.end, bodyEnd: lines.length, entries: front.entries, paged: false },
    findings,
  );
  return { document: parseDocument(lines, span!, findings), findings: findings.list };
}

const NOTICE_HEAD = [
  '淄博市人民政府办公室',
  '关于转发市大数据局等部门某工作方案的通知',
  '淄政办字〔2020〕57号',
  '各区县人民政府,市政府各部门:',
];
const SIGNATURE = ['淄博市人民政府办公室', '2020年5月30日'];

describe('parseDocument', () => {
  it('reads a forwarded document: its title, its issuers block and forwards in the frontmatter (57号)', () => {
    const { document, findings } = parse('关于转发市大数据局等部门某工作方案的通知 (淄政办字〔2020〕57 号)\t(16)', [
      ...NOTICE_HEAD,
      '市大数据局、市商务局、淄博银保监分局《某工作方案 (2020—2022年)》已经市政府同意,现转发给你们,请认真组织实施。',
      ...SIGNATURE,
      '某工作方案 (2020—2022年)',
      '市大数据局 市商务局',
      '淄博银保监分局',
      '为聚力提升新旧动能转换质效,特制定本工',
      '作方案。',
    ]);
    expect(findings).toEqual([]);
    expect(document?.frontmatter).toEqual({
      title: '关于转发市大数据局等部门某工作方案的通知',
      number: '淄政办字〔2020〕57号',
      issuers: ['淄博市人民政府办公室'],
      date: '2020-05-30',
      recipients: ['各区县人民政府', '市政府各部门'],
      section: '市政府办公室文件',
      page: 16,
      type: '通知',
      forwards: { title: '某工作方案（2020—2022年）', issuers: ['市大数据局', '市商务局', '淄博银保监分局'] },
    });
    expect(document?.blocks).toEqual([
      {
        kind: 'paragraph',
        text: '市大数据局、市商务局、淄博银保监分局《某工作方案（2020—2022年）》已经市政府同意，现转发给你们，请认真组织实施。',
      },
      { kind: 'signature', lines: ['淄博市人民政府办公室', '2020年5月30日'] },
      { kind: 'heading', depth: 2, text: '某工作方案（2020—2022年）' },
      { kind: 'issuers', names: ['市大数据局', '市商务局', '淄博银保监分局'] },
      { kind: 'paragraph', text: '为聚力提升新旧动能转换质效，特制定本工作方案。' },
    ]);
  });

  it('takes names the notice cites for issuers, and the cited organs when no issuers line is printed', () => {
    const printed = parse('关于转发市科协等部门某方案的通知 (淄政办字〔2020〕57 号)\t(16)', [
      '淄博市人民政府办公室',
      '关于转发市科协等部门某方案的通知',
      '淄政办字〔2020〕57号',
      '市科协、市财政局《某方案》已经市政府同意,现转发给你们。',
      ...SIGNATURE,
      '某方案',
      '市科协 市财政局',
      '为做好某事,制定本方案。',
    ]);
    expect(printed.document?.blocks.slice(2, 4)).toEqual([
      { kind: 'heading', depth: 2, text: '某方案' },
      { kind: 'issuers', names: ['市科协', '市财政局'] },
    ]);
    expect(printed.document?.frontmatter.forwards).toEqual({ title: '某方案', issuers: ['市科协', '市财政局'] });
    const unprinted = parse('关于转发市科协等部门某方案的通知 (淄政办字〔2020〕57 号)\t(16)', [
      '淄博市人民政府办公室',
      '关于转发市科协等部门某方案的通知',
      '淄政办字〔2020〕57号',
      '现将市科协、市财政局《某方案》转发给你们。',
      ...SIGNATURE,
      '某方案',
      '为做好某事,制定本方案。',
    ]);
    expect(unprinted.document?.blocks.slice(2).map(({ kind }) => kind)).toEqual(['heading', 'paragraph']);
    expect(unprinted.document?.frontmatter.forwards).toEqual({ title: '某方案', issuers: ['市财政局'] });
  });

  it('reads an issued document without forwards, and a note after the signature (54号)', () => {
    const { document, findings } = parse('关于印发某实施方案的通知 (淄政办字〔2020〕54 号)\t(9)', [
      '淄博市人民政府办公室 关于印发某实施方案的通知',
      '淄政办字〔2020〕54号',
      '各区县人民政府:',
      '《某实施方案》已经市政府同意,现印发给你们,请认真贯彻落实。',
      '淄博市人民政府办公室',
      '二〇二〇年五月二十四日',
      '(此件公开发布)',
      '某实施方案',
      '一、总体要求',
      '实现一次办好。',
    ]);
    expect(findings).toEqual([]);
    expect(document?.frontmatter).toMatchObject({ date: '2020-05-24', type: '通知' });
    expect(document?.frontmatter).not.toHaveProperty('forwards');
    expect(document?.blocks.slice(1)).toEqual([
      { kind: 'signature', lines: ['淄博市人民政府办公室', '二〇二〇年五月二十四日'] },
      { kind: 'paragraph', text: '（此件公开发布）' },
      { kind: 'heading', depth: 2, text: '某实施方案' },
      { kind: 'heading', depth: 3, text: '一、总体要求' },
      { kind: 'paragraph', text: '实现一次办好。' },
    ]);
  });

  it('reads an attachment: the 附件说明 stays, then ## 附件, ### title and its table', () => {
    const { document, findings } = parse('关于某事的通知 (淄政办字〔2020〕57 号)\t(16)', [
      '淄博市人民政府办公室',
      '关于某事的通知',
      '淄政办字〔2020〕57号',
      '各区县人民政府:',
      '请认真组织实施。',
      '附件:工作任务清单',
      ...SIGNATURE,
      '工作任务清单',
      '序号\t行业领域\t牵头单位',
      '1\t业务推广\t市人民银行',
      '',
      '2\t停车\t<p>市大数据局</p>',
      '---\t--\t--',
    ]);
    expect(findings).toEqual([]);
    expect(document?.blocks).toEqual([
      { kind: 'paragraph', text: '请认真组织实施。' },
      { kind: 'paragraph', text: '附件：工作任务清单' },
      { kind: 'signature', lines: SIGNATURE },
      { kind: 'heading', depth: 2, text: '附件' },
      { kind: 'heading', depth: 3, text: '工作任务清单' },
      {
        kind: 'table',
        rows: [
          ['序号', '行业领域', '牵头单位'],
          ['1', '业务推广', '市人民银行'],
          ['2', '停车', '市大数据局'],
        ],
      },
    ]);
  });

  it('warns when the 附件说明 names an attachment that is not printed', () => {
    const { document, findings } = parse('关于某事的通知 (淄政办字〔2020〕57 号)\t(16)', [
      '淄博市人民政府办公室',
      '关于某事的通知',
      '淄政办字〔2020〕57号',
      '请认真组织实施。',
      '附件:工作任务清单',
      ...SIGNATURE,
    ]);
    expect(document?.blocks.at(-1)).toEqual({ kind: 'signature', lines: SIGNATURE });
    expect(findings).toEqual([
      {
        severity: 'warning',
        message: 'the attachment "工作任务清单" named by the 附件说明 is not printed in this document',
        line: 11,
      },
    ]);
  });

  it('keeps a 附件说明 printed under the signature, its attachment not printed, as a paragraph', () => {
    const { document, findings } = parse('关于印发某规划的通知 (淄政办字〔2020〕57 号)\t(16)', [
      '淄博市人民政府办公室',
      '关于印发某规划的通知',
      '淄政办字〔2020〕57号',
      '《某规划》已经市政府同意，现印发给你们，请认真贯彻落实。',
      ...SIGNATURE,
      '附件：某规划（2021-2030年）',
    ]);
    expect(document?.unplaced).toEqual([]);
    expect(document?.blocks.at(-1)).toEqual({ kind: 'paragraph', text: '附件：某规划（2021-2030年）' });
    expect(findings).toEqual([
      {
        severity: 'warning',
        message: 'the attachment "某规划（2021-2030年）" named by the 附件说明 is not printed in this document',
        line: 13,
      },
    ]);
  });

  it('takes a bracketed qualifier under the issued title, which the notice cites without it, into the title', () => {
    const { document, findings } = parse('关于印发某工作规则的通知\t(9)', [
      '淄博市人民政府办公室 关于印发某工作规则的通知',
      '各区县人民政府:',
      '新修订的《某工作规则》已经市政府同意,现印发给你们。',
      ...SIGNATURE,
      '某工作规则',
      '(2019年11月修订)',
      '一、根据有关规定,制定本规则。',
    ]);
    expect(findings).toEqual([]);
    expect(document?.blocks.slice(2)).toEqual([
      { kind: 'heading', depth: 2, text: '某工作规则（2019年11月修订）' },
      { kind: 'paragraph', text: '一、根据有关规定，制定本规则。' },
    ]);
  });

  it('labels several attachments as printed', () => {
    const { document } = parse('关于某事的通知 (淄政办字〔2020〕57 号)\t(16)', [
      '淄博市人民政府办公室',
      '关于某事的通知',
      '淄政办字〔2020〕57号',
      '请认真组织实施。',
      '附件:1. 甲名单',
      '2. 乙名单',
      ...SIGNATURE,
      '附件1',
      '甲名单',
      '张三。',
      '附件2',
      '乙名单',
      '李四。',
    ]);
    expect(document?.blocks.slice(3).map((block) => ('text' in block ? block.text : block.kind))).toEqual([
      'signature',
      '附件1',
      '甲名单',
      '张三。',
      '附件2',
      '乙名单',
      '李四。',
    ]);
  });

  it('reads 有效期至 into expires and the numbers …同时废止 into repeals, keeping the printed spelling', () => {
    const { document } = parse('关于某事的意见 (淄政办字〔2020〕58 号)\t(25)', [
      '淄博市人民政府办公室',
      '关于某事的意见',
      '淄政办字〔2020〕58号',
      '本意见自印发之日起施行,有效期至2022年12月31日。《关于某办法的通知》(淄',
      '政办发[2018]9号)同时废止。',
      ...SIGNATURE,
    ]);
    expect(document?.frontmatter).toMatchObject({ expires: '2022-12-31', repeals: ['淄政办发〔2018〕9号'] });
    expect(document?.blocks[0]).toEqual({
      kind: 'paragraph',
      text: '本意见自印发之日起施行，有效期至2022年12月31日。《关于某办法的通知》（淄政办发[2018]9号）同时废止。',
    });
  });

  it('reports a document without a signature, and text after the signature it cannot place', () => {
    const unsigned = parse('关于某事的意见 (淄政办字〔2020〕58 号)\t(25)', [
      '淄博市人民政府办公室',
      '关于某事的意见',
      '淄政办字〔2020〕58号',
      '正文。',
    ]);
    expect(unsigned.document).toBeNull();
    expect(unsigned.findings).toEqual([
      {
        severity: 'error',
        message:
          'no signature in "关于某事的意见": expected the issuer\'s name on a line, then the date (2020年5月24日) on the next',
        line: 7,
        endLine: 10,
      },
    ]);
    const trailing = parse('关于某事的意见 (淄政办字〔2020〕58 号)\t(25)', [
      '淄博市人民政府办公室',
      '关于某事的意见',
      '淄政办字〔2020〕58号',
      '正文。',
      ...SIGNATURE,
      '联系人:张三,电话:1234。',
    ]);
    expect(trailing.findings).toEqual([
      {
        severity: 'error',
        message:
          'text after the signature that is neither a note, an issued or forwarded document (its title cited in 《》 by the notice) nor an attachment',
        line: 13,
      },
    ]);
  });
});

describe('parseDocument: forms of national and provincial gazettes', () => {
  it('fills forwards from the notice when the forwarded document is not printed', () => {
    const { document, findings } = parse('转发市大数据局关于某工作的意见的通知 (淄政办字〔2020〕57 号)\t(16)', [
      '淄博市人民政府办公室',
      '转发市大数据局关于某工作的意见的通知',
      '淄政办字〔2020〕57号',
      '各区县人民政府:',
      '市大数据局、市商务局《关于某工作的意见》已经市政府同意,现转发给你们,请认真组织实施。',
      ...SIGNATURE,
    ]);
    expect(findings).toEqual([]);
    expect(document?.frontmatter).toMatchObject({
      title: '转发市大数据局关于某工作的意见的通知',
      forwards: { title: '关于某工作的意见', issuers: ['市大数据局', '市商务局'] },
    });
  });

  it('reads a forwarded document printed after 附：, and the organs cited after 现将', () => {
    const { document, findings } = parse('转发省某办公室关于某督查情况的通报的通知\t(9)', [
      '淄博市人民政府办公室',
      '转发省某办公室关于某督查情况的通报的通知',
      '各区县人民政府:',
      '现将省某办公室《关于某督查情况的通报》转发给你们，请认真整改。',
      '二○○五年十一月二十一日',
      '附：',
      '关于某督查情况的通报',
      '各市州人民政府：',
      '督查组对我省专项行动进行了督查。',
    ]);
    expect(findings).toEqual([]);
    expect(document?.unplaced).toEqual([]);
    expect(document?.frontmatter).toMatchObject({
      date: '2005-11-21',
      forwards: { title: '关于某督查情况的通报', issuers: ['省某办公室'] },
    });
    expect(document?.blocks.slice(1).map((block) => ('text' in block ? block.text : block.kind))).toEqual([
      'signature',
      '附：',
      '关于某督查情况的通报',
      '各市州人民政府：',
      '督查组对我省专项行动进行了督查。',
    ]);
  });

  it('keeps attachments headed 附件1. and 附件2： whatever title they print, after the signature', () => {
    const { document, findings } = parse('关于某事的批复 (淄政办字〔2020〕57 号)\t(16)', [
      '淄博市人民政府办公室',
      '关于某事的批复',
      '淄政办字〔2020〕57号',
      '某局:',
      '同意。',
      '附件1.甲坐标',
      '2.乙坐标',
      ...SIGNATURE,
      '附件1.',
      '甲坐标表',
      '编号\tX',
      '1\t15172.5',
      '附件2：',
      '乙坐标',
      '注：坐标系统为独立坐标系统。',
    ]);
    expect(findings).toEqual([]);
    expect(document?.unplaced).toEqual([]);
    expect(document?.blocks.slice(3).map((block) => ('text' in block ? block.text : block.kind))).toEqual([
      'signature',
      '附件1.',
      '甲坐标表',
      'table',
      '附件2：',
      '乙坐标',
      '注：坐标系统为独立坐标系统。',
    ]);
  });

  it('finds the title of what a decree promulgates when it holds 《》 of its own (cited as 〈〉)', () => {
    const { document, findings } = parse('北京市人民政府令（第2号）　实施《中华人民共和国公司法》的规定\t(3)', [
      '北京市人民政府令',
      '第2号',
      '《实施〈中华人民共和国公司法〉的规定》已经市政府常务会议通过，现予公布。',
      '市长　陈吉宁',
      '2020年5月30日',
      '实施《中华人民共和国公司法》的规定',
      '第一章　总　　则',
      '第一条　为了实施公司法，制定本规定。',
    ]);
    expect(findings).toEqual([]);
    expect(document?.frontmatter).toMatchObject({
      title: '实施《中华人民共和国公司法》的规定',
      number: '北京市人民政府令第2号',
      issuers: ['北京市人民政府'],
      type: '令',
      date: '2020-05-30',
    });
    expect(document?.blocks.map((block) => ('text' in block ? block.text : block.kind))).toEqual([
      '《实施〈中华人民共和国公司法〉的规定》已经市政府常务会议通过，现予公布。',
      'signature',
      '实施《中华人民共和国公司法》的规定',
      '第一章　总则',
      '第一条　为了实施公司法，制定本规定。',
    ]);
  });
});

describe('parseDocument: heads of city, district and 1980s provincial gazettes', () => {
  it('takes the date and the number from a caption when the TOC lists the title alone', () => {
    const { document, findings } = parse('淄博市人民政府关于任免国家机关工作人员问题的通知\t(9)', [
      '淄博市人民政府关于任免国家机关',
      '工作人员问题的通知',
      '（1985年5月4日淄政〔1985〕38号）',
      '根据组织法，现将有关问题通知如下：',
      '一、任免权限',
    ]);
    expect(findings).toEqual([]);
    expect(document?.frontmatter).toMatchObject({
      title: '关于任免国家机关工作人员问题的通知',
      number: '淄政〔1985〕38号',
      date: '1985-05-04',
    });
  });

  it('names the issuer as signed when the head gives its short form (区人民政府关于…)', () => {
    const { document, findings } = parse('区人民政府关于公布某名录的通知\t(7)', [
      '区人民政府关于公布某名录的通知',
      '各街道办事处:',
      '现予以公布。',
      '淄博市张店区人民政府',
      '2025年8月15日',
    ]);
    expect(findings).toEqual([]);
    expect(document?.frontmatter).toMatchObject({ issuers: ['淄博市张店区人民政府'], title: '关于公布某名录的通知' });
  });
});

describe('signedFullNames', () => {
  it('expands short forms that the signed names end with, and nothing else', () => {
    expect(signedFullNames(['区人民政府'], ['武汉市江夏区人民政府'])).toEqual(['武汉市江夏区人民政府']);
    expect(signedFullNames(['市政府办公厅'], ['南京市政府办公厅'])).toEqual(['南京市政府办公厅']);
    expect(signedFullNames(['淄博市人民政府'], ['山东省淄博市人民政府'])).toBeNull();
    expect(signedFullNames(['区人民政府'], ['区人民政府', '区委'])).toBeNull();
    expect(signedFullNames(['区人民政府'], ['市财政局'])).toBeNull();
  });
});

describe('gazetteFullNames', () => {
  it('names a short-form issuer after the government whose gazette prints it, at its level only', () => {
    expect(gazetteFullNames(['省政府办公厅'], '江苏省人民政府公报')).toEqual(['江苏省人民政府办公厅']);
    expect(gazetteFullNames(['自治区人民政府'], '宁夏回族自治区人民政府公报')).toEqual(['宁夏回族自治区人民政府']);
    expect(gazetteFullNames(['市政府办公厅'], '江苏省人民政府公报')).toBeNull();
    expect(gazetteFullNames(['省政府办公厅'], '安徽政报')).toBeNull();
    expect(gazetteFullNames(['江苏省人民政府'], '江苏省人民政府公报')).toBeNull();
  });
});
