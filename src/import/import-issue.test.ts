import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { importIssueText } from './import-issue';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = readFileSync(join(ROOT, 'tests/fixtures/zibo-gazette-2020-07.txt'), 'utf8');
const CONTENT = join(ROOT, 'content/zibo');

describe('importing the sample issue (tests/fixtures/zibo-gazette-2020-07.txt)', () => {
  const result = importIssueText(SAMPLE);

  it('finds nothing to report', () => {
    expect(result.findings).toEqual([]);
    expect(result.paged).toBe(false);
  });

  it('gives the committed issue.yaml and documents, byte for byte', () => {
    const committed = readdirSync(join(CONTENT, '2020/07')).sort();
    const imported = ['issue.yaml', ...result.documents.map(({ slug }) => `${slug}.md`)].sort();
    expect(imported).toEqual(committed);
    expect(result.issue?.content).toBe(readFileSync(join(CONTENT, '2020/07/issue.yaml'), 'utf8'));
    for (const document of result.documents) {
      expect(document.content, document.slug).toBe(readFileSync(join(CONTENT, `2020/07/${document.slug}.md`), 'utf8'));
    }
  });

  it('gives gazette.yaml from the cover and the 简介 page: the committed fields and bytes', () => {
    const committed = readFileSync(join(CONTENT, 'gazette.yaml'), 'utf8');
    expect(result.gazette?.values).toEqual({ ...(load(committed) as object), postcode: '255003' });
    expect(result.gazette?.content).toBe(committed);
    expect(result.gazette?.toFill).toEqual([]);
  });

  it('without a 简介 page, gives gazette.yaml from the cover with placeholders in the fields it cannot know', () => {
    const { gazette } = importIssueText(SAMPLE.split('《淄博市人民政府公报》简介')[0]!);
    expect(gazette?.values).toEqual({ name: '淄博市人民政府公报', romanizedName: 'ZI BO SHI RENMIN ZHENGFU GONGBAO' });
    expect(gazette?.toFill).toEqual([
      { field: 'publisher', what: '主办单位' },
      { field: 'editor', what: '编辑出版' },
    ]);
    expect(gazette?.aboutPage).toBe(false);
    expect(gazette?.content).toBe(
      'name: 淄博市人民政府公报\nromanizedName: ZI BO SHI RENMIN ZHENGFU GONGBAO\npublisher: 【待填写：主办单位】\neditor: 【待填写：编辑出版】\n',
    );
  });
});

describe('an issue whose TOC prints no section headings', () => {
  const result = importIssueText(SAMPLE.replace('【市政府办公室文件】\n', ''));

  it("gives an issue.yaml without sections and documents without a section, otherwise the sample's bytes", () => {
    expect(result.findings).toEqual([]);
    expect(result.issue?.values.sections).toEqual([]);
    expect(result.issue?.content).toBe(
      readFileSync(join(CONTENT, '2020/07/issue.yaml'), 'utf8').replace(/^sections:\n(?: {2}- .*\n)+/mu, ''),
    );
    expect(result.issue?.content).not.toContain('sections');
    expect(result.documents).toHaveLength(5);
    for (const document of result.documents) {
      const committed = readFileSync(join(CONTENT, `2020/07/${document.slug}.md`), 'utf8');
      expect(document.content, document.slug).toBe(committed.replace(/^section: .*\n/mu, ''));
    }
  });
});

describe('slugs', () => {
  const issue = (entries: string, documents: string) =>
    importIssueText(`淄博市人民政府公报\n2020\n第7期\n目录\n【文件】\n${entries}\n${documents}`);
  const document = (title: string, number: string | null, date: string) =>
    `淄博市人民政府办公室\n${title}\n${number ? `${number}\n` : ''}各区县人民政府:\n现予印发。\n淄博市人民政府办公室\n${date}`;

  it('come from the number, else the page, with a suffix on collisions', () => {
    const result = issue(
      '关于甲的通知 (淄政办字〔2020〕54 号)\t(1)\n关于乙的通知\t(3)\n关于丙的通知\t(3)',
      [
        document('关于甲的通知', '淄政办字〔2020〕54号', '2020年5月24日'),
        document('关于乙的通知', null, '2020年5月25日'),
        document('关于丙的通知', null, '2020年5月26日'),
      ].join('\n'),
    );
    expect(result.findings).toEqual([]);
    expect(result.documents.map(({ slug }) => slug)).toEqual(['zzbz-2020-54', 'p3', 'p3-2']);
  });
});

describe('text accounting', () => {
  it('places every line of the sample: issue metadata, 简介, documents; nothing dropped or lost', () => {
    const { accounting } = importIssueText(SAMPLE);
    expect(accounting.unplaced).toEqual([]);
    expect(accounting.dropped).toEqual([]);
    expect(accounting.issue + accounting.about + accounting.documents).toBe(accounting.total);
    expect(accounting.about).toBe(10);
  });

  it('does not write a document with text it cannot place, and names the lines', () => {
    const text = [
      '淄博市人民政府公报',
      '2020',
      '第7期',
      '目录',
      '【文件】',
      '关于甲的通知 (淄政办字〔2020〕54 号)\t(1)',
      '淄博市人民政府办公室',
      '关于甲的通知',
      '淄政办字〔2020〕54号',
      '各区县人民政府:',
      '现将有关事项通知如下。',
      '淄博市人民政府办公室',
      '2020年5月24日',
      '某市某局某处,',
      '不知所云的一段文字。',
    ].join('\n');
    const result = importIssueText(text);
    expect(result.documents).toEqual([]);
    expect(result.accounting.unplaced.map(({ line }) => line)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(result.accounting.unplaced[7]).toEqual({
      line: 14,
      text: '某市某局某处,',
      reason: 'text after the signature that the importer cannot classify',
    });
    expect(result.findings).toContainEqual({
      severity: 'error',
      line: 7,
      endLine: 15,
      message:
        '"关于甲的通知" is not written: lines 14-15 (text after the signature that the importer cannot classify) would be lost',
    });
  });
});

describe('a national gazette issue (国务院公报 layout)', () => {
  const issue = [
    '中华人民共和国',
    '国务院公报',
    '2019年第5号（总号：1650）',
    '目　　录',
    '国务院令',
    '中华人民共和国国务院令（第709号）……………………14',
    '国务院办公厅文件',
    '国务院办公厅转发国家发展改革委关于深化公共资源交易平台整合',
    '共享指导意见的通知（国办函〔2019〕41号）…………………16',
    '人事任免',
    '国务院任免国家工作人员………………………………20',
    '　　　　　中华人民共和国国务院令',
    '　　　　　　　第709号',
    '　　《中华人民共和国外商投资法实施条例》已经2019年12月12日国务院第74次常务会议通过，现予公布，',
    '自2020年1月1日起施行。',
    '　　　　　　　　　　　　　　　　总理　　李克强',
    '　　　　　　　　　　　　　　　2019年12月26日',
    '　　　　　中华人民共和国外商投资法实施条例',
    '　　　　　　　　第一章　总　　则',
    '　　第一条　根据《中华人民共和国外商投资法》（以下简称外商投资法），制定本条例。',
    '　　　国务院办公厅转发国家发展改革委关于深化公共资源交易平台',
    '　　　　　　　　整合共享指导意见的通知',
    '　　　　　　　　国办函〔2019〕41号',
    '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
    '　　国家发展改革委《关于深化公共资源交易平台整合共享的指导意见》已经国务院同意，现转发给你们，请认真贯彻落实。',
    '　　　　　　　　　　　　　　　　国务院办公厅',
    '　　　　　　　　　　　　　　　2019年5月19日',
    '　　（此件公开发布）',
    '　　　　关于深化公共资源交易平台整合共享的指导意见',
    '　　　　　　　　　国家发展改革委',
    '　　公共资源交易平台是实施统一的制度和标准的公共资源交易电子服务系统。',
    '　　　　　　　国务院任免国家工作人员',
    '　　　　　　　　（2019年1月18日）',
    '　　任命张三为教育部副部长。',
  ].join('\n');
  const result = importIssueText(issue);
  const frontmatter = (slug: string) =>
    load(result.documents.find((document) => document.slug === slug)!.content.split('---')[1]!);

  it('writes every document, every line accounted for', () => {
    // The only error allowed is the schema's type list not knowing 任免 (src/domain/doc-type.ts).
    for (const { severity, message } of result.findings) {
      if (severity === 'error')
        expect(message).toBe('cannot tell the document type (文种) from the title "国务院任免国家工作人员"');
    }
    expect(result.documents.map(({ slug }) => slug)).toEqual(['zhrmghggwyl-709', 'gbh-2019-41', 'p20']);
    expect(result.accounting.unplaced).toEqual([]);
    expect(result.issue?.values).toMatchObject({
      year: 2019,
      number: 5,
      cumulative: 1650,
      sections: ['国务院令', '国务院办公厅文件', '人事任免'],
    });
  });

  it('reads the decree: its number as printed, the regulation it promulgates as its title, type 令, the regulation kept', () => {
    expect(frontmatter('zhrmghggwyl-709')).toMatchObject({
      title: '中华人民共和国外商投资法实施条例',
      number: '中华人民共和国国务院令第709号',
      issuers: ['国务院'],
      date: '2019-12-26',
      type: '令',
    });
    const body = result.documents[0]!.content.split('---\n\n')[1]!;
    expect(body).toContain(':::signature\n总理　李克强\n2019年12月26日\n:::');
    expect(body).toContain('## 中华人民共和国外商投资法实施条例\n\n### 第一章　总则\n\n第一条　根据');
  });

  it('reads a 转发 notice and fills forwards', () => {
    expect(frontmatter('gbh-2019-41')).toMatchObject({
      title: '转发国家发展改革委关于深化公共资源交易平台整合共享指导意见的通知',
      issuers: ['国务院办公厅'],
      forwards: { title: '关于深化公共资源交易平台整合共享的指导意见', issuers: ['国家发展改革委'] },
    });
  });

  it('dates an appointments list by its caption', () => {
    expect(frontmatter('p20')).toMatchObject({
      title: '国务院任免国家工作人员',
      issuers: ['国务院'],
      date: '2019-01-18',
      section: '人事任免',
    });
  });
});

describe('running headers printed once', () => {
  it('drops the gazette name and issue, or the issue alone, at a page edge, and lists them', () => {
    const text = [
      '山东省人民政府公报',
      '2010',
      '第9期（总第620期）',
      '目录',
      '【文件】',
      '关于甲的通知（鲁政办发〔2010〕21号）\t1',
      '\f山东省人民政府公报　2010年第9期',
      '山东省人民政府办公厅',
      '关于甲的通知',
      '鲁政办发〔2010〕21号',
      '各市人民政府：',
      '现将有关事项通知如下，',
      '\f2010年第9期',
      '请认真贯彻执行。',
      '山东省人民政府办公厅',
      '二○一○年四月三十日',
    ].join('\n');
    const result = importIssueText(text);
    expect(result.findings.filter(({ severity }) => severity === 'error')).toEqual([]);
    expect(result.documents).toHaveLength(1);
    expect(result.accounting.dropped).toEqual([
      { line: 7, text: '山东省人民政府公报　2010年第9期', reason: 'running header or footer' },
      { line: 13, text: '2010年第9期', reason: 'running header or footer' },
    ]);
    expect(result.documents[0]!.content).toContain('现将有关事项通知如下，请认真贯彻执行。');
  });

  it('drops a header printed with the short form of a long name (国务院公报 for 中华人民共和国国务院公报)', () => {
    const text = [
      '中华人民共和国',
      '国务院公报',
      '2020',
      '第2号',
      '目　　录',
      '【部门文件】',
      '交通运输部关于修改《某规定》的决定（交通运输部令2019年第32号）……（41）',
      '\f国务院公报 2020·2',
      '中华人民共和国交通运输部令',
      '2019年第32号',
      '《交通运输部关于修改〈某规定〉的决定》已经部务会议通过，现予公布。',
      '部长　李小鹏',
      '2019年11月28日',
      '交通运输部关于修改《某规定》的决定',
      '一、删去第四十三条。',
      '— 41 —',
    ].join('\n');
    const result = importIssueText(text);
    expect(result.findings.filter(({ severity }) => severity === 'error')).toEqual([]);
    expect(result.accounting.dropped).toContainEqual({
      line: 8,
      text: '国务院公报 2020·2',
      reason: 'running header or footer',
    });
    expect(load(result.documents[0]!.content.split('---')[1]!)).toMatchObject({
      title: '关于修改《某规定》的决定',
      number: '中华人民共和国交通运输部令2019年第32号',
      issuers: ['交通运输部'],
      type: '令',
      date: '2019-11-28',
    });
  });
});

describe('held-out round 4: section names on the page, issue labels in 号, heads without issuer', () => {
  it('drops a section name printed again above the first document, and an issue label in 第N号 at a page edge', () => {
    const text = [
      '水利部文告',
      '2018年第10号',
      '目录',
      '【部令】',
      '水利部关于甲的通知（水发〔2018〕3号）…（6）',
      '\f【部令】',
      '水利部关于甲的通知',
      '水发〔2018〕3号',
      '各单位：',
      '现将有关事项通知如下，',
      '\f2018年第10号',
      '请认真贯彻执行。',
      '水利部',
      '2018年9月28日',
      '—7—',
    ].join('\n');
    const result = importIssueText(text);
    expect(result.findings.filter(({ severity }) => severity === 'error')).toEqual([]);
    expect(result.accounting.unplaced).toEqual([]);
    expect(result.accounting.dropped.map(({ line }) => line)).not.toContain(6);
    expect(load(result.documents[0]!.content.split('---')[1]!)).toMatchObject({ section: '部令', issuers: ['水利部'] });
    expect(result.accounting.dropped).toContainEqual({
      line: 11,
      text: '2018年第10号',
      reason: 'running header or footer',
    });
    expect(result.documents[0]!.content).toContain('现将有关事项通知如下，请认真贯彻执行。');
  });

  it('takes the issuer from the TOC when the head prints the title alone (关于…)', () => {
    const text = [
      '新疆维吾尔自治区人民政府公报',
      '2020年第7期',
      '目　录',
      '【自治区人民政府文件】',
      '新疆维吾尔自治区人民政府关于印发《某意见》的通知（新政发〔2020〕16号）……（4）',
      '\f关于印发《某意见》的通知',
      '新政发〔2020〕16号',
      '各州、市人民政府：',
      '《某意见》已经审议通过，现印发你们，请认真贯彻执行。',
      '2020年3月19日',
      '—4—',
    ].join('\n');
    const result = importIssueText(text);
    expect(result.findings.filter(({ severity }) => severity === 'error')).toEqual([]);
    expect(load(result.documents[0]!.content.split('---')[1]!)).toMatchObject({
      title: '关于印发《某意见》的通知',
      issuers: ['新疆维吾尔自治区人民政府'],
      date: '2020-03-19',
      page: 4,
    });
  });
});

describe('provincial heads that name the issuer by its short form', () => {
  it('drops a header printed once with the issue first, and names the issuer in full from the gazette', () => {
    const text = [
      '江苏省人民政府公报',
      '2007年第7期',
      '目　录',
      '【省政府办公厅文件】',
      '省政府办公厅关于某事的通知（苏政办发〔2007〕19号）…（41）',
      '\f2007年第7期　　江苏省人民政府公报',
      '省政府办公厅关于某事的通知',
      '苏政办发〔2007〕19号',
      '各市人民政府：',
      '现予表彰。',
      '附件：某单位名单',
      '二○○七年三月七日',
      '41',
    ].join('\n');
    const result = importIssueText(text);
    expect(result.findings.filter(({ severity }) => severity === 'error')).toEqual([]);
    expect(result.accounting.dropped).toContainEqual({
      line: 6,
      text: '2007年第7期　　江苏省人民政府公报',
      reason: 'running header or footer',
    });
    expect(load(result.documents[0]!.content.split('---')[1]!)).toMatchObject({
      title: '关于某事的通知',
      issuers: ['江苏省人民政府办公厅'],
      date: '2007-03-07',
    });
  });
});
