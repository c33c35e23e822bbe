import { describe, expect, it } from 'vitest';
import { Findings } from './report';
import { parseTable } from './table';
import { readSourceText } from './text-lines';

function table(text: string) {
  const findings = new Findings();
  const lines = readSourceText(text).lines;
  const result = parseTable(lines, 0, findings);
  return { ...result, findings: findings.list, next: lines[result.end]?.text };
}

describe('parseTable', () => {
  it('reads rows, drops page-break blank lines and the stray rule row, strips <p> tags', () => {
    const result = table(
      [
        '序号\t行业领域\t目标任务',
        '1\t业务推广\t全市移动支付交易额数和金额增长30%。',
        '',
        '11\t农村支付\t<p>全市行政村具备移动支付功能覆盖率达到60%以上,具备惠农支付功能的服务点覆盖率达到40%以上。</p>',
        '----\t------\t--',
        '',
        '淄博市人民政府办公室',
      ].join('\n'),
    );
    expect(result.rows).toEqual([
      ['序号', '行业领域', '目标任务'],
      ['1', '业务推广', '全市移动支付交易额数和金额增长30%。'],
      ['11', '农村支付', '全市行政村具备移动支付功能覆盖率达到60%以上，具备惠农支付功能的服务点覆盖率达到40%以上。'],
    ]);
    expect(result.findings).toEqual([]);
    expect(result.next).toBe('淄博市人民政府办公室');
  });

  it('joins a cell that wraps over lines', () => {
    const result = table(
      [
        '序号\t目标任务\t牵头单位',
        '7\t基本实现移动支付在县级以上公',
        '立医院全覆盖。\t市人民银行',
        '8\t高等院校实现移动支付覆盖超过50%。\t市人民银行',
      ].join('\n'),
    );
    expect(result.rows).toEqual([
      ['序号', '目标任务', '牵头单位'],
      ['7', '基本实现移动支付在县级以上公立医院全覆盖。', '市人民银行'],
      ['8', '高等院校实现移动支付覆盖超过50%。', '市人民银行'],
    ]);
    expect(result.findings).toEqual([]);
  });

  it('reports rows whose cells do not add up to the header', () => {
    const result = table(['序号\t名称\t备注', '1\t甲\t备注\t多余', '2\t乙\t', '3\t丙'].join('\n'));
    expect(result.rows).toEqual([
      ['序号', '名称', '备注'],
      ['1', '甲', '备注', '多余'],
      ['2', '乙', ''],
      ['3', '丙'],
    ]);
    expect(result.findings).toEqual([
      {
        severity: 'error',
        message: 'a table row has 4 cells but the header has 3; check the tabs between cells',
        line: 2,
      },
      {
        severity: 'error',
        message: 'a table row has 2 cells but the header has 3; check the tabs between cells',
        line: 4,
      },
    ]);
  });

  it('ends a row printed without its empty last cells at the next numbered row', () => {
    const result = table(
      [
        '坐标编号\tX坐标\tY坐标\t说明',
        '1\t15172.500\t103655.000',
        '2\t14829.000\t103655.000',
        '3\t14235.569\t103427.917\t圆曲线起点',
      ].join('\n'),
    );
    expect(result.rows.slice(1)).toEqual([
      ['1', '15172.500', '103655.000', ''],
      ['2', '14829.000', '103655.000', ''],
      ['3', '14235.569', '103427.917', '圆曲线起点'],
    ]);
    expect(result.findings.map(({ severity, line }) => [severity, line])).toEqual([
      ['warning', 2],
      ['warning', 3],
    ]);
  });
});
