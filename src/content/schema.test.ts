import { describe, expect, it } from 'vitest';
import { documentSchema } from './schema';

const base = { title: '关于某事的通知', number: '淄政办字〔2020〕60号', issuers: ['淄博市人民政府办公室'], date: '2020-06-01', section: '市政府办公室文件', page: 1 };

describe('document relations in frontmatter', () => {
  it('defaults amends and basis to empty lists', () => {
    const parsed = documentSchema.parse(base);
    expect(parsed.amends).toEqual([]);
    expect(parsed.basis).toEqual([]);
  });

  it('normalises every spelling of the numbers, order numbers included', () => {
    const parsed = documentSchema.parse({ ...base, amends: ['淄政办字[2015]51号'], basis: ['市政府令 第 102 号', '淄政发（2019）3号'] });
    expect(parsed.amends).toEqual(['淄政办字〔2015〕51号']);
    expect(parsed.basis).toEqual(['市政府令第102号', '淄政发〔2019〕3号']);
  });

  it('rejects a document that amends itself or is its own basis', () => {
    const amends = documentSchema.safeParse({ ...base, amends: ['淄政办字[2020]60号'] });
    expect(amends.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['amends', 'a document cannot amend itself']]);
    const basis = documentSchema.safeParse({ ...base, basis: ['淄政办字〔2020〕60号'] });
    expect(basis.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['basis']);
  });

  it('rejects a number that is both repealed and amended, saying which to keep', () => {
    const result = documentSchema.safeParse({ ...base, repeals: ['淄政办字〔2015〕51号'], amends: ['淄政办字〔2015〕51号'] });
    expect(result.error?.issues[0].message).toMatch(/both repeals and amends.*keep one/);
  });

  it('names the field of a malformed number', () => {
    const result = documentSchema.safeParse({ ...base, basis: ['第102号文件'] });
    expect(result.error?.issues[0].path).toEqual(['basis', 0]);
    expect(result.error?.issues[0].message).toMatch(/not a document number/);
  });
});

describe('document type (文种)', () => {
  it('derives the type from the title, after a bracketed remark or a 公告 number', () => {
    expect(documentSchema.parse({ ...base, title: '国务院任免国家工作人员' }).type).toBe('任免');
    expect(documentSchema.parse({ ...base, title: '某某市物业管理条例（2020年修订）' }).type).toBe('条例');
    expect(documentSchema.parse({ ...base, title: '国家税务总局公告2019年第2号' }).type).toBe('公告');
  });

  it('keeps a type written by the editor', () => {
    expect(documentSchema.parse({ ...base, title: '淄博市人民政府2020年度重大行政决策事项', type: '目录' }).type).toBe('目录');
  });

  it('names the title and the fix when the title names no type, without throwing', () => {
    const result = documentSchema.safeParse({ ...base, title: '淄博市人民政府2020年度重大行政决策事项' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [
        'title',
        expect.stringMatching(/^cannot tell the document type \(文种\) from the title "淄博市人民政府2020年度重大行政决策事项": .*add a line "type: <文种>" under it, one of 决议 决定 命令 令 /),
      ],
    ]);
  });
});
