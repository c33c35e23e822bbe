import { describe, expect, it } from 'vitest';
import { readSourceText } from './text-lines';

describe('readSourceText', () => {
  it('keeps non-empty lines with their input line numbers (and trailing tabs, which end table rows)', () => {
    const { lines, paged } = readSourceText('\ufeff\n\n淄博市人民政府 公报\r\n\n  \n2020\t\n');
    expect(paged).toBe(false);
    expect(lines).toEqual([
      { text: '淄博市人民政府 公报', line: 3, sheet: 1 },
      { text: '2020\t', line: 6, sheet: 1 },
    ]);
  });

  it('leaves unpaged text alone, however its lines repeat', () => {
    const { lines, furniture } = readSourceText('公报\n1\n公报\n2\n');
    expect(lines.map(({ text }) => text)).toEqual(['公报', '1', '公报', '2']);
    expect(furniture).toEqual([]);
  });

  it('drops running headers and page numbers from paged text, keeping the printed page', () => {
    const text = [
      '淄博市人民政府公报',
      '目录',
      '\f淄博市人民政府公报　2020年第7期',
      '淄博市人民政府办公室',
      '— 1 —',
      '\f淄博市人民政府公报　2020年第7期',
      '同的具体工作方案。',
      '第 2 页',
    ].join('\n');
    const { lines, paged, furniture } = readSourceText(text);
    expect(paged).toBe(true);
    expect(furniture).toEqual([3, 5, 6, 8]);
    expect(lines).toEqual([
      { text: '淄博市人民政府公报', line: 1, sheet: 1 },
      { text: '目录', line: 2, sheet: 1 },
      { text: '淄博市人民政府办公室', line: 4, sheet: 2, page: 1 },
      { text: '同的具体工作方案。', line: 7, sheet: 3, page: 2 },
    ]);
  });

  it('never takes the cover for a running header, even when the headers repeat the name', () => {
    const { lines } = readSourceText(
      '淄博市人民政府公报\n目录\f淄博市人民政府公报\n正文\n\f淄博市人民政府公报\n正文二\n',
    );
    expect(lines.map(({ text }) => text)).toEqual(['淄博市人民政府公报', '目录', '正文', '正文二']);
  });

  it('reads a page number carried by the running header, and carries numbers to unnumbered pages', () => {
    const text = '封面\f3  淄博市人民政府公报\n甲\f淄博市人民政府公报  4\n乙\f丙\n';
    const { lines } = readSourceText(text);
    expect(lines.map(({ text: line, page }) => [line, page])).toEqual([
      ['封面', undefined],
      ['甲', 3],
      ['乙', 4],
      ['丙', 5],
    ]);
  });

  it('keeps what documents start and end with on a new page: issuers, numbers, dates', () => {
    const page = '淄博市人民政府办公室\n关于某事的通知\n正文。\n淄博市人民政府办公室\n2020年5月24日\n';
    const { lines, furniture } = readSourceText(`封面\f${page}\f${page}`);
    expect(furniture).toEqual([]);
    expect(lines).toHaveLength(11);
  });

  it('needs a header on a good share of the pages', () => {
    const body = (n: number) => `\f正文${n}。\n`;
    const { furniture } = readSourceText(
      `封面\f某期特刊\n甲。\f某期特刊\n乙。${[1, 2, 3, 4, 5, 6].map(body).join('')}`,
    );
    expect(furniture).toEqual([]);
  });

  it('keeps a first or last line that ends a sentence, however often it recurs', () => {
    const { lines } = readSourceText('封面\f同时废止。\n甲\f同时废止。\n乙\n');
    expect(lines.map(({ text }) => text)).toEqual(['封面', '同时废止。', '甲', '同时废止。', '乙']);
  });

  it('reads page numbers between middle dots', () => {
    const { lines, furniture } = readSourceText('封面\n目录\f正文。\n                ·1·\f续文。\n·2·\n');
    expect(furniture).toEqual([3, 4]);
    expect(lines.slice(2).map(({ page }) => page)).toEqual([1, 2]);
  });

  it('keeps notes in brackets that end documents on several pages', () => {
    const { lines } = readSourceText('封面\f甲。\n（此件公开发布）\f乙。\n（此件公开发布）\f丙。\n（此件公开发布）\n');
    expect(lines.map(({ text }) => text)).toEqual([
      '封面',
      '甲。',
      '（此件公开发布）',
      '乙。',
      '（此件公开发布）',
      '丙。',
      '（此件公开发布）',
    ]);
  });

  it('drops a header naming the gazette on every other page, however few the pages', () => {
    const body = (n: number) =>
      `\f${n % 2 === 0 ? `${n}　　北京市人民政府公报\n` : ''}正文${n}。\n${n % 2 === 1 ? `2018年第48期　　${n}\n` : ''}`;
    const { furniture } = readSourceText(
      `北京市人民政府公报\n目录${[1, 2, 3, 4, 5, 6, 7].map(body).join('')}\f简介。\n`,
    );
    expect(furniture).toHaveLength(7);
  });

  it('counts indents from the page margin that every line of a page starts with', () => {
    const page = [
      '天津市人民政府公报                2021年第12期',
      '    各区人民政府：',
      '        现将任务分工印发给你',
      '    们，望遵照执行。',
      '                  天津市人民政府',
      '        一、任务分工',
      '               — 3 —',
    ];
    const { lines } = readSourceText(`封面\n目录\f${page.join('\n')}\n`);
    expect(lines.slice(2).map(({ text }) => text)).toEqual([
      '天津市人民政府公报                2021年第12期',
      '各区人民政府：',
      '    现将任务分工印发给你',
      '们，望遵照执行。',
      '              天津市人民政府',
      '    一、任务分工',
    ]);
    // Full-width indents are the text's own, and a short centred page keeps its spaces.
    expect(
      readSourceText('封面\f页眉\n　　甲。\n　　乙。\n　　丙。\n　　丁。\n页脚\n').lines.map(({ text }) => text),
    ).toContain('　　甲。');
    expect(
      readSourceText('封面\f页眉\n        国务院令\n          第1号\n页脚\n').lines.map(({ text }) => text),
    ).toContain('        国务院令');
  });
});

describe('readSourceText: headers printed once', () => {
  it('drops a header printed once when it carries the page number with the gazette name or the issue', () => {
    // Two pages of one document: the odd page's header differs from the even page's.
    const text = [
      '陕西省人民政府公报',
      '2011年第6期',
      '\f2011年第6期　　23',
      '陕西省人民政府办公厅',
      '\f24　　陕西省人民政府公报',
      '附件：',
    ].join('\n');
    const { lines, furniture } = readSourceText(text);
    expect(furniture).toEqual([3, 5]);
    expect(lines.slice(2)).toEqual([
      { text: '陕西省人民政府办公厅', line: 4, sheet: 2, page: 23 },
      { text: '附件：', line: 6, sheet: 3, page: 24 },
    ]);
  });

  it('reads a folio in dashes before the name, and the issue as year·number after a folio at the end', () => {
    const text = [
      '青海政报',
      '2023年第7期',
      '\f— 5 —　　　　青海政报 2023.7',
      '青海省人民政府办公厅',
      '\f2023年第7期正文',
      '2021·7          6',
    ].join('\n');
    const { lines, furniture } = readSourceText(text);
    expect(furniture).toEqual([3, 6]);
    expect(lines.slice(2)).toEqual([
      { text: '青海省人民政府办公厅', line: 4, sheet: 2, page: 5 },
      { text: '2023年第7期正文', line: 5, sheet: 3, page: 6 },
    ]);
  });

  it('reads a folio between dots at either end of a header spread over the page width', () => {
    const gap = ' '.repeat(56);
    const text = [
      '咸宁市人民政府公报',
      '2022年第2号（总第67号）',
      `\f· 2 ·${gap}咸宁市人民政府公报`,
      '市政府文件',
      `\f咸宁市人民政府公报 2022年第2号${gap}· 3 ·`,
      '刘仲华',
    ].join('\n');
    const { lines, furniture } = readSourceText(text);
    expect(furniture).toEqual([3, 5]);
    expect(lines.slice(2).map(({ text: line, page }) => [line, page])).toEqual([
      ['市政府文件', 2],
      ['刘仲华', 3],
    ]);
  });

  it('drops a header that layout extraction spreads over the page width, counting its white space as one', () => {
    const gap = ' '.repeat(58);
    const text = [
      '广东省人民政府公报',
      '2023年第9期',
      `\f   12${gap}广东省人民政府公报`,
      '广东省人民政府办公厅',
      `\f   2023年第9期${gap}13`,
      '各地级以上市人民政府：',
    ].join('\n');
    const { lines, furniture } = readSourceText(text);
    expect(furniture).toEqual([3, 5]);
    expect(lines.slice(2).map(({ text: line, page }) => [line, page])).toEqual([
      ['广东省人民政府办公厅', 12],
      ['各地级以上市人民政府：', 13],
    ]);
  });

  it('keeps a first line printed once that names neither the gazette nor the issue', () => {
    const { lines, furniture } = readSourceText('陕西省人民政府公报\n目录\n\f第一章　总则　2\n第一条\n');
    expect(furniture).toEqual([]);
    expect(lines.map(({ text }) => text)).toEqual(['陕西省人民政府公报', '目录', '第一章　总则　2', '第一条']);
  });
});
