import { describe, expect, it } from 'vitest';
import { parseCoverAndToc } from './cover-and-toc';
import { splitDocuments } from './document-split';
import { Findings } from './report';
import { readSourceText } from './text-lines';

const COVER = '淄博市人民政府公报\n2020\n第7期\n目录\n【市政府办公室文件】\n';
const document = (title: string, number: string) =>
  `淄博市人民政府办公室\n${title}\n${number}\n各区县人民政府:\n现予印发。\n淄博市人民政府办公室\n2020年5月24日\n`;

function split(text: string) {
  const findings = new Findings();
  const { lines, paged } = readSourceText(text);
  const front = parseCoverAndToc(lines, findings)!;
  const spans = splitDocuments(
    lines,
    { bodyStart: front.end, bodyEnd: lines.length, entries: front.entries, paged },
    findings,
  );
  return {
    spans: spans.map(({ entry, head, end }) => ({
      number: entry.number,
      start: lines[head.start]!.line,
      end: lines[end - 1]!.line,
    })),
    findings: findings.list,
  };
}

describe('splitDocuments', () => {
  it('finds each TOC entry by its number and runs it to the next head', () => {
    const { spans, findings } = split(
      `${COVER}关于甲的通知 (淄政办字〔2020〕54 号)\t(1)\n关于乙的意见 (淄政办字〔2020〕56 号)\t(3)\n` +
        document('关于甲的通知', '淄政办字〔2020〕54号') +
        document('关于乙的意见', '淄政办字〔2020〕56号'),
    );
    expect(findings).toEqual([]);
    expect(spans).toEqual([
      { number: '淄政办字〔2020〕54号', start: 8, end: 14 },
      { number: '淄政办字〔2020〕56号', start: 15, end: 21 },
    ]);
  });

  it('reports a missing document at its TOC lines, and an extra one at its number', () => {
    const { spans, findings } = split(
      `${COVER}关于甲的通知 (淄政办字〔2020〕54 号)\t(1)\n关于乙的意见\n(淄政办字〔2020〕55 号)\t(3)\n` +
        document('关于甲的通知', '淄政办字〔2020〕54号') +
        document('关于丙的意见', '淄政办字〔2020〕56号'),
    );
    expect(spans.map(({ number }) => number)).toEqual(['淄政办字〔2020〕54号']);
    expect(findings).toEqual([
      {
        severity: 'error',
        message:
          'missing document: "关于乙的意见" (淄政办字〔2020〕55号), page 3 in the TOC: no line holds its number 淄政办字〔2020〕55号',
        line: 7,
        endLine: 8,
      },
      {
        severity: 'error',
        message: 'extra document: the number 淄政办字〔2020〕56号 heads a document that the TOC does not list',
        line: 18,
      },
    ]);
  });

  it('reports documents printed out of the TOC order', () => {
    const { findings } = split(
      `${COVER}关于甲的通知 (淄政办字〔2020〕54 号)\t(1)\n关于乙的意见 (淄政办字〔2020〕56 号)\t(3)\n` +
        document('关于乙的意见', '淄政办字〔2020〕56号') +
        document('关于甲的通知', '淄政办字〔2020〕54号'),
    );
    expect(findings).toContainEqual({
      severity: 'error',
      message: '"关于乙的意见" (淄政办字〔2020〕56号), page 3 in the TOC is printed out of the TOC\'s order',
      line: 10,
    });
  });

  it('finds a document without a number by its title', () => {
    const { spans, findings } = split(
      `${COVER}关于甲的通知\t(1)\n淄博市人民政府办公室\n关于甲的通知\n各区县人民政府:\n现予印发。\n淄博市人民政府办公室\n2020年5月24日\n`,
    );
    expect(findings).toEqual([]);
    expect(spans).toEqual([{ number: undefined, start: 7, end: 12 }]);
  });

  it('checks each document’s first page against the TOC when the text has pages', () => {
    const pages = `${COVER}关于甲的通知 (淄政办字〔2020〕54 号)\t(1)\n关于乙的意见 (淄政办字〔2020〕56 号)\t(3)\n\f${document('关于甲的通知', '淄政办字〔2020〕54号')}— 1 —\n\f${document('关于乙的意见', '淄政办字〔2020〕56号')}— 2 —\n`;
    expect(split(pages).findings).toEqual([
      { severity: 'error', message: '"关于乙的意见" starts on page 2, but the TOC says page 3', line: 16 },
    ]);
  });

  it('reports lines between the TOC and the first document', () => {
    const { findings } = split(
      `${COVER}关于甲的通知 (淄政办字〔2020〕54 号)\t(1)\n编者按。\n${document('关于甲的通知', '淄政办字〔2020〕54号')}`,
    );
    expect(findings).toEqual([
      { severity: 'error', message: 'lines between the TOC and the first document belong to no document', line: 7 },
    ]);
  });
});

describe('splitDocuments: decrees', () => {
  it('finds 淄博市人民政府令 / 第102号 from a TOC entry citing 市政府令第102号', () => {
    const { spans, findings } = split(
      `${COVER}淄博市重大行政决策程序规定 (市政府令第102号)\t(1)\n` +
        '淄博市人民政府令\n第102号\n《淄博市重大行政决策程序规定》已经市政府常务会议通过，现予公布。\n市长　江敦涛\n2019年11月15日\n淄博市重大行政决策程序规定\n第一条　为了规范重大行政决策，制定本规定。\n',
    );
    expect(findings).toEqual([]);
    expect(spans).toEqual([{ number: '市政府令第102号', start: 7, end: 13 }]);
  });

  it('finds an order a ministry numbers per year, by its year and number', () => {
    const head = (year: number) =>
      `中华人民共和国交通运输部令\n${year}年第32号\n《某规定》已经部务会议通过，现予公布。\n部长　李小鹏\n${year}年11月28日\n某规定\n第一条　为了规范管理，制定本规定。\n`;
    const toc = `${COVER}交通运输部关于修改某规定的决定（交通运输部令2019年第32号）\t(1)\n`;
    expect(split(toc + head(2019))).toMatchObject({
      findings: [],
      spans: [{ number: '交通运输部令2019年第32号', start: 7 }],
    });
    // The same number of another year is another order.
    expect(split(toc + head(2018)).findings.map(({ message }) => message)).toContainEqual(
      expect.stringMatching(/^missing document/u),
    );
  });
});

describe('splitDocuments: a TOC entry without its number', () => {
  it("takes the number printed under the title as the document's", () => {
    const { spans, findings } = split(`${COVER}关于甲的通知\t(1)\n` + document('关于甲的通知', '淄政办字〔2020〕54号'));
    expect(findings).toEqual([]);
    expect(spans).toEqual([{ number: '淄政办字〔2020〕54号', start: 7, end: 13 }]);
  });
});
