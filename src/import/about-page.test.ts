import { describe, expect, it } from 'vitest';
import { findAboutPage, findClosingImprint, imprintEnd, isImprint, parseAboutPage, parseImprint } from './about-page';
import { Findings } from './report';
import { readSourceText } from './text-lines';

describe('the 简介 page', () => {
  it('is found by its heading', () => {
    const { lines } = readSourceText('正文。\n《淄博市人民政府公报》简介\n');
    expect(findAboutPage(lines)).toBe(1);
    expect(findAboutPage(readSourceText('关于某刊简介的说明').lines)).toBe(-1);
  });

  it('gives gazette.yaml its fields, the about text and the founding month', () => {
    const findings = new Findings();
    const { lines } = readSourceText(
      [
        '《淄博市人民政府公报》 简介',
        '《淄博市人民政府公报》经市政府研究确定自2003年1月起创刊,是淄博市人民政府办公室编辑出版面向全市的政府出版物。',
        '《淄博市人民政府公报》是全市各级机关了解、掌握方针、政策的主要',
        '来源。',
        '主办单位：淄博市人民政府',
        '编辑出版：淄博市人民政府办公室',
        '地址：淄博市张店区人民西路8号',
        '电话：0533-3183683 3182579',
        '邮编：255003',
        '印刷：某印刷厂',
      ].join('\n\n'),
    );
    expect(parseAboutPage(lines, findings)).toEqual({
      name: '淄博市人民政府公报',
      about:
        '《淄博市人民政府公报》经市政府研究确定自2003年1月起创刊，是淄博市人民政府办公室编辑出版面向全市的政府出版物。\n\n' +
        '《淄博市人民政府公报》是全市各级机关了解、掌握方针、政策的主要来源。\n',
      founded: '2003-01',
      publisher: '淄博市人民政府',
      editor: '淄博市人民政府办公室',
      address: '淄博市张店区人民西路8号',
      phone: '0533-3183683 3182579',
      postcode: '255003',
    });
    expect(findings.list).toEqual([
      {
        severity: 'warning',
        message: 'ignored a line of the 简介 page (gazette.yaml has no field for it): "印刷：某印刷厂"',
        line: 19,
      },
    ]);
  });
});

describe('an imprint without a 简介 heading', () => {
  const lines = (...texts: string[]) => readSourceText(texts.join('\n')).lines;

  it('is two or more label lines, one naming the publisher or the editor', () => {
    expect(isImprint(lines('主管主办：武汉市人民政府', '编辑出版：武汉市人民政府办公厅'))).toBe(true);
    expect(isImprint(lines('    主办单位：咸宁市人民政府', '    发送范围：各县、市、区人民政府'))).toBe(true);
    // Contact lines alone may close a document's text.
    expect(isImprint(lines('地址：武汉市江岸区沿江大道188号', '电话：027-82700000'))).toBe(false);
    expect(isImprint(lines('主办单位：咸宁市人民政府'))).toBe(false);
    expect(isImprint(lines('主办单位：市商务局', '承办单位：市贸促会'))).toBe(false);
  });

  it('is found where it closes the text', () => {
    expect(
      findClosingImprint(lines('2022年1月7日', '主办单位：咸宁市人民政府', '编辑出版：咸宁市人民政府办公室')),
    ).toBe(1);
    expect(
      findClosingImprint(lines('主办单位：咸宁市人民政府', '编辑出版：咸宁市人民政府办公室', '2022年1月7日')),
    ).toBe(-1);
  });

  it('gives gazette.yaml its fields, warning about the lines it has no field for', () => {
    const findings = new Findings();
    expect(
      parseImprint(
        lines('主管主办：武汉市人民政府', '编辑出版：武汉市人民政府办公厅', '发送范围：各区人民政府'),
        findings,
      ),
    ).toEqual({
      publisher: '武汉市人民政府',
      editor: '武汉市人民政府办公厅',
    });
    expect(findings.list.map(({ line }) => line)).toEqual([3]);
  });
});

describe('an imprint after the TOC', () => {
  it('ends where the label lines end', () => {
    const { lines } = readSourceText(
      ['主管主办：武汉市人民政府', '编辑出版：武汉市人民政府办公厅', '武汉市人民政府关于…的通告'].join('\n'),
    );
    expect(imprintEnd(lines, 0)).toBe(2);
    expect(imprintEnd(lines, 2)).toBe(2);
  });
});
