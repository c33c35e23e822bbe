import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  encryptedPdf,
  FIRST_TITLE,
  GAP_TABLE,
  HEADER,
  layoutIssuePdf,
  scannedIssuePdf,
  SECOND_TITLE,
  sidewaysTablePdf,
  TASK_TABLE,
  TWO_COLUMN_ARTICLES,
} from '../../tests/fixtures/import/layout-pdf';
import { BROKEN_PARAGRAPH, miniIssuePdf, RUNNING_HEADER } from '../../tests/fixtures/import/mini-issue-pdf';
import { importIssueText } from './import-issue';
import {
  extractPdfText,
  pageParagraphs,
  pageText,
  readPdfPages,
  scannedPages,
  visualLines,
  type PdfRule,
  type PdfTextItem,
} from './pdf-text';
import { runImport } from './run-import';
import { readSourceText } from './text-lines';

const item = (text: string, x: number, y: number, width = text.length * 12, size = 12): PdfTextItem => ({
  text,
  x,
  y,
  width,
  size,
});

describe('visualLines', () => {
  it('groups items by baseline, top to bottom, and reads each line left to right', () => {
    const lines = visualLines([
      item('第二行', 72, 700),
      item('右', 200, 740.5),
      item('左', 72, 740),
      item(' ', 90, 700),
    ]);
    expect(lines.map(({ text }) => text)).toEqual(['左\t右', '第二行']);
  });

  it('separates words by a space and columns by a tab', () => {
    expect(visualLines([item('手机', 72, 700), item('PAY', 72 + 24 + 4, 700, 20)])[0]!.text).toBe('手机 PAY');
    expect(visualLines([item('手机', 72, 700), item('PAY', 72 + 24, 700, 20)])[0]!.text).toBe('手机PAY');
    expect(visualLines([item('关于某事的通知', 72, 700), item('（1）', 480, 700)])[0]!.text).toBe(
      '关于某事的通知\t（1）',
    );
  });
});

describe('pageParagraphs', () => {
  const line = (text: string, x: number, right: number) => ({ text, x, right, y: 0, size: 12 });

  it('continues a line that runs to the right edge onto a next line at the left edge', () => {
    expect(
      pageParagraphs([
        line('　　首行缩进的第一行文字一直排到右边', 96, 520),
        line('第二行从左边开始，也排到右边为止。', 72, 519),
        line('最后一行。', 72, 140),
        line('下一段首行缩进两个字。', 96, 230),
      ]),
    ).toEqual([
      '　　首行缩进的第一行文字一直排到右边第二行从左边开始，也排到右边为止。最后一行。',
      '下一段首行缩进两个字。',
    ]);
  });

  it('never continues a TOC entry that ends in leader dots and its page', () => {
    expect(
      pageParagraphs([
        line('关于印发淄博市政务服务“一链办理”实施方案的通知……………………（1）', 72, 523),
        line('关于转发市发展改革委关于加快推进新型基础设施建设实施意见的', 72, 523),
        line('通知…………………………………………………………………………（4）', 72, 523),
        line('淄博市人民政府办公室公文处理办法 . . . . . . . . . . . 12', 72, 523),
      ]),
    ).toEqual([
      '关于印发淄博市政务服务“一链办理”实施方案的通知……………………（1）',
      '关于转发市发展改革委关于加快推进新型基础设施建设实施意见的通知…………………………………………………………………………（4）',
      '淄博市人民政府办公室公文处理办法 . . . . . . . . . . . 12',
    ]);
  });

  it('keeps centred, right-aligned and table lines apart', () => {
    expect(
      pageParagraphs([
        line('关于印发某实施方案的通知', 200, 400),
        line('淄政办字〔2020〕54号', 240, 360),
        line('序号\t名称\t单位', 72, 520),
        line('1\t甲\t乙', 72, 520),
        line('淄博市人民政府办公室', 400, 520),
      ]),
    ).toEqual([
      '关于印发某实施方案的通知',
      '淄政办字〔2020〕54号',
      '序号\t名称\t单位',
      '1\t甲\t乙',
      '淄博市人民政府办公室',
    ]);
  });
});

describe('a generated PDF issue (cover and TOC, two documents over two pages)', () => {
  let text = '';
  let mismatched = '';
  beforeAll(async () => {
    text = await extractPdfText(await miniIssuePdf());
    mismatched = await extractPdfText(await miniIssuePdf({ secondDocumentTocPage: 3 }));
  }, 120_000);

  it('extracts paragraphs, TOC entries with their pages, and page breaks', () => {
    const pages = text.split('\f');
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('关于印发淄博市政务服务“一链办理”实施方案的通知（淄政办字〔2020〕\n54号）\t（1）\n');
    expect(pages[1]).toContain(`${RUNNING_HEADER.replace('\u3000', ' ')}\n`);
    expect(pages[1]).toContain(`\n${BROKEN_PARAGRAPH.before}\n— 1 —\n`);
    expect(pages[2]).toContain(`\n${BROKEN_PARAGRAPH.after}\n`);
  });

  it('imports it: header and page numbers dropped, the broken paragraph rejoined, pages checked', () => {
    const result = importIssueText(text);
    expect(result.findings).toEqual([]);
    expect(result.paged).toBe(true);
    expect(result.furniture).toBe(4);
    expect(result.issue?.values).toEqual({ year: 2020, number: 7, cumulative: 232, sections: ['市政府办公室文件'] });
    const [first, second] = result.documents;
    expect(first?.slug).toBe('zzbz-2020-54');
    expect(first?.content).toContain('title: 关于印发淄博市政务服务“一链办理”实施方案的通知\n');
    expect(first?.content).toContain(
      `\n\n${BROKEN_PARAGRAPH.before}${BROKEN_PARAGRAPH.after}\n\n:::signature\n淄博市人民政府办公室\n2020年5月24日\n:::\n`,
    );
    expect(second?.content).toContain('date: 2020-05-26\n');
    expect(second?.content).toContain('page: 2\n');
    expect(second?.content).toContain('expires: 2020-12-31\n');
    for (const document of result.documents) {
      expect(document.content).not.toContain('公报');
      expect(document.content).not.toMatch(/— \d —/);
    }
  });

  it('reports a document that starts on another page than the TOC says', () => {
    const result = importIssueText(mismatched);
    expect(result.findings).toEqual([
      {
        severity: 'error',
        message: '"关于进一步做好中小微企业融资服务工作的意见" starts on page 2, but the TOC says page 3',
        line: expect.any(Number),
      },
    ]);
    const line = result.findings[0]!.line!;
    expect(mismatched.split('\n')[line - 1]).toMatch(/淄博市人民政府办公室$/);
  });
});

describe('visualLines: gaps between Chinese characters', () => {
  it('reads a gap of about an em as the ideographic space PDF.js leaves out', () => {
    expect(visualLines([item('第一条', 72, 700), item('为了保障公民', 72 + 36 + 12, 700)])[0]!.text).toBe(
      '第一条\u3000为了保障公民',
    );
    expect(visualLines([item('公报', 72, 700), item('2020年', 72 + 24 + 12, 700)])[0]!.text).toBe('公报 2020年');
  });
});

describe('pageText: layouts read by position', () => {
  // A full line of a column 210 units wide (the text need not fill it: positions decide).
  const at = (text: string, x: number, y: number, width: number, size = 12) => item(text, x, y, width, size);

  const title = at('中华人民共和国政府信息公开条例', 200, 740, 195, 16);
  const leftColumn = [
    at('第一条\u3000为了保障公民、法人', 96, 710, 186),
    at('和其他组织依法获取政府信息，', 72, 690, 210),
    at('提高政府工作的透明度。', 72, 670, 132),
    at('第二条\u3000本条例所称政府信息，', 96, 650, 186),
  ];
  const rightColumn = [
    at('是指行政机关在履行行政管理职', 312, 710, 210),
    at('能过程中制作或者获取的信息。', 312, 690, 168),
    at('第三条\u3000各级人民政府应当加强', 336, 670, 186),
    at('对政府信息公开工作的组织领导。', 312, 650, 180),
  ];
  const articles = [
    '第一条\u3000为了保障公民、法人和其他组织依法获取政府信息，提高政府工作的透明度。',
    '第二条\u3000本条例所称政府信息，是指行政机关在履行行政管理职能过程中制作或者获取的信息。',
    '第三条\u3000各级人民政府应当加强对政府信息公开工作的组织领导。',
  ];

  it('reads a two-column page column by column, joining a paragraph that moves on to the next column', () => {
    const furniture = [
      at('淄博市人民政府公报', 72, 800, 81, 9),
      at('12', 512, 800, 10, 9),
      at('— 12 —', 285, 60, 28, 9),
    ];
    expect(pageText([...furniture, title, ...leftColumn, ...rightColumn])).toEqual([
      '淄博市人民政府公报\t12',
      '中华人民共和国政府信息公开条例',
      ...articles,
      '— 12 —',
    ]);
  });

  it('reads the last page of a two-column text, its right column short, column by column too', () => {
    expect(pageText([title, ...leftColumn, ...rightColumn.slice(0, 2)])).toEqual([
      '中华人民共和国政府信息公开条例',
      ...articles.slice(0, 2),
    ]);
  });

  const header = (y: number) => [at('序号', 72, y, 24), at('名称', 120, y, 24), at('说明', 300, y, 24)];
  const rows = (first: number, pitch: number, gap: number) => [
    at('1', 72, first, 12),
    at('行政法规、规章和', 120, first, 96),
    at('主动公开', 300, first, 48),
    at('规范性文件', 120, first - pitch, 60),
    at('2', 72, first - pitch - gap, 12),
    at('统计信息', 120, first - pitch - gap, 48),
    at('二十个工作日内', 300, first - pitch - gap, 84),
  ];
  const expected = ['序号\t名称\t说明', '1\t行政法规、规章和规范性文件\t主动公开', '2\t统计信息\t二十个工作日内'];

  it('keeps a table cell that wraps in its row: rows apart by wider gaps than a cell’s lines', () => {
    expect(pageText([...header(700), ...rows(676, 14, 24), at('淄博市人民政府办公室', 400, 600, 120)])).toEqual([
      ...expected,
      '淄博市人民政府办公室',
    ]);
  });

  it('starts a row where the first column has text when the lines are evenly spaced', () => {
    expect(pageText([...header(700), ...rows(686, 14, 14)])).toEqual(expected);
    // Ruled under its header only: the rows below are found the same way.
    expect(
      pageText([...header(700), ...rows(682, 14, 14)], [{ left: 68, bottom: 693, right: 400, top: 693.5 }]),
    ).toEqual(expected);
  });

  it('groups a ruled table’s lines by its rules, and splits cells at vertical rules however close', () => {
    const rule = (left: number, bottom: number, right: number, top: number): PdfRule => ({ left, bottom, right, top });
    const items = [
      at('序号', 72, 700, 24),
      at('名称', 100, 700, 24),
      at('说明', 300, 700, 24),
      // The number is centred in its cell, on the middle one of its row's three lines.
      at('行政法规、规章和', 100, 686, 96),
      at('1', 78, 672, 12),
      at('规范性文件', 100, 672, 60),
      at('主动公开', 300, 672, 48),
      at('及其他文件', 100, 658, 60),
      at('2', 78, 640, 12),
      at('统计信息', 100, 640, 48),
      at('二十个工作日内', 300, 640, 84),
    ];
    const rules = [710, 696, 652, 634]
      .map((y) => rule(68, y, 400, y + 0.5))
      .concat([68, 98, 296, 400].map((x) => rule(x, 634, x + 0.5, 710)));
    expect(pageText(items, rules)).toEqual([
      '序号\t名称\t说明',
      '1\t行政法规、规章和规范性文件及其他文件\t主动公开',
      '2\t统计信息\t二十个工作日内',
    ]);
    expect(pageText(items)).not.toContain('1\t行政法规、规章和规范性文件及其他文件\t主动公开');
    // A line just below the table's bottom rule is the text after it, however close.
    expect(pageText([...items, at('淄博市人民政府办公室', 300, 627, 120)], rules).slice(2)).toEqual([
      '2\t统计信息\t二十个工作日内',
      '淄博市人民政府办公室',
    ]);
  });

  it('leaves lines that mostly have one cell as lines: text beside a few notes in the margin is no table', () => {
    const items = [
      at('第一条\u3000本办法适用于本市行政区域内的', 96, 700, 300),
      at('〔注1〕', 480, 700, 36),
      at('政府信息公开工作。', 72, 680, 108),
      at('第二条\u3000政府信息公开工作由市', 96, 660, 220),
      at('政府办公室负责。', 72, 640, 96),
      at('第三条\u3000本办法自印发之日起施行。', 96, 620, 216),
      at('〔注2〕', 480, 620, 36),
    ];
    expect(pageText(items)).toEqual([
      '第一条\u3000本办法适用于本市行政区域内的\t〔注1〕',
      '政府信息公开工作。',
      '第二条\u3000政府信息公开工作由市',
      '政府办公室负责。',
      '第三条\u3000本办法自印发之日起施行。\t〔注2〕',
    ]);
  });

  it('leaves a TOC line by line: its last column holds page numbers only', () => {
    const items = [
      at('关于印发某实施方案的通知（淄政办字〔2020〕', 72, 700, 400),
      at('54号）', 72, 680, 48),
      at('（1）', 490, 680, 36),
      at('关于进一步做好融资服务工作的意见（淄政办字〔2020〕56号）', 72, 660, 380),
      at('（2）', 490, 660, 36),
    ];
    expect(pageText(items)).toEqual([
      '关于印发某实施方案的通知（淄政办字〔2020〕',
      '54号）\t（1）',
      '关于进一步做好融资服务工作的意见（淄政办字〔2020〕56号）\t（2）',
    ]);
  });
});

describe('scannedPages', () => {
  it('lists pages with images or outlines and (almost) no text, not blank pages or pages with text', () => {
    const text = [item('第一条\u3000为了保障公民、法人和其他组织依法获取政府信息', 72, 700)];
    expect(
      scannedPages([
        { items: [], rules: [], imageShare: 1, paths: 0 },
        { items: [], rules: [], imageShare: 0, paths: 2 },
        { items: text, rules: [], imageShare: 1, paths: 0 },
        { items: [item('— 3 —', 280, 40)], rules: [], imageShare: 0.9, paths: 0 },
        { items: [], rules: [], imageShare: 0, paths: 3000 },
      ]),
    ).toEqual([1, 4, 5]);
  });
});

describe('a generated PDF issue with a ruled table, a two-column page, a gap-separated table and running headers', () => {
  let pdf: Uint8Array;
  let text = '';
  beforeAll(async () => {
    pdf = await layoutIssuePdf();
    text = await extractPdfText(pdf);
  }, 120_000);

  const row = (cells: readonly string[]) => cells.join('\t');

  it('reads each table row, wrapped cells joined, as one line of tab-separated cells, its header once', () => {
    const pages = text.split('\f');
    expect(pages).toHaveLength(6);
    expect(pages[2]).toBe(
      [
        `${HEADER.right}\t${HEADER.left}`,
        '附件',
        TASK_TABLE.title,
        row(TASK_TABLE.header),
        ...TASK_TABLE.rows.slice(0, 2).map(row),
        '- 2 -',
        '',
      ].join('\n'),
    );
    expect(pages[3]).toBe([`${HEADER.left}\t${HEADER.right}`, row(TASK_TABLE.rows[2]!), '3', ''].join('\n'));
    expect(pages[5]).toContain(
      [
        '主动公开政府信息目录',
        row(GAP_TABLE.header),
        ...GAP_TABLE.rows.map(row),
        '淄博市人民政府办公室',
        '2020年6月5日',
        '',
      ].join('\n'),
    );
  });

  it('reads the two-column page column by column, after the head printed across both', () => {
    expect(text.split('\f')[4]).toBe(
      [
        `${HEADER.right}\t${HEADER.left}`,
        '淄博市人民政府办公室',
        SECOND_TITLE,
        '淄政办字〔2020〕60号',
        '各区县人民政府，市政府各部门：',
        '为做好政府信息主动公开工作，现将《中华人民共和国政府信息公开条例》有关规定通知如下：',
        ...TWO_COLUMN_ARTICLES,
        '第4页',
        '',
      ].join('\n'),
    );
  });

  it('keeps running headers and page numbers first and last on their pages, where the importer drops them', () => {
    const source = readSourceText(text);
    const lines = text.split('\n');
    expect(source.furniture.map((line) => lines[line - 1]!.replace('\f', ''))).toEqual([
      `${HEADER.left}\t${HEADER.right}`,
      '— 1 —',
      `${HEADER.right}\t${HEADER.left}`,
      '- 2 -',
      `${HEADER.left}\t${HEADER.right}`,
      '3',
      `${HEADER.right}\t${HEADER.left}`,
      '第4页',
      `${HEADER.left}\t${HEADER.right} 5`,
    ]);
    expect(new Set(source.lines.filter(({ sheet }) => sheet > 1).map(({ page }) => page))).toEqual(
      new Set([1, 2, 3, 4, 5]),
    );
  });

  it('imports it: tables as GFM tables, the articles as paragraphs, no running header left', () => {
    const result = importIssueText(text);
    expect(result.findings).toEqual([]);
    expect(result.furniture).toBe(9);
    const [first, second] = result.documents;
    expect(first?.content).toContain(`title: ${FIRST_TITLE}\n`);
    const gfm = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
    // One table, its rows from both pages, its header once.
    expect(first?.content).toContain(
      `\n${gfm(TASK_TABLE.header)}${gfm(TASK_TABLE.header.map(() => '---'))}${TASK_TABLE.rows.map(gfm).join('')}`,
    );
    expect(second?.content).toContain(`title: ${SECOND_TITLE}\n`);
    expect(second?.content).toContain('page: 4\n');
    expect(second?.content).toContain(`\n| ${GAP_TABLE.rows[1]!.join(' | ')} |\n`);
    expect(second?.content).toContain('\n\n第二十一条');
    for (const document of result.documents) {
      expect(document.content).not.toContain('公报');
      expect(document.content).not.toMatch(/第4页|- 2 -|— 1 —/u);
    }
  });
});

describe('a generated page with a table set sideways', () => {
  it('reads the page turned so that the table stands upright, its upright header and page number first and last', async () => {
    const row = (cells: readonly string[]) => cells.join('\t');
    expect(await extractPdfText(await sidewaysTablePdf())).toBe(
      [
        `${HEADER.left}\t${HEADER.right}`,
        '主动公开政府信息目录',
        row(GAP_TABLE.header),
        ...GAP_TABLE.rows.map(row),
        '— 6 —',
        '',
      ].join('\n'),
    );
  }, 60_000);
});

/**
 * Runs `npm run import` on a PDF in a scratch folder (with the Zibo gazette.yaml when asked);
 * returns its output and the files it wrote.
 */
async function importPdf(name: string, bytes: Uint8Array, { gazette = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'import-pdf-'));
  writeFileSync(join(dir, name), bytes);
  if (gazette) {
    mkdirSync(join(dir, 'content/zibo'), { recursive: true });
    cpSync(join(import.meta.dirname, '../../content/zibo/gazette.yaml'), join(dir, 'content/zibo/gazette.yaml'));
  }
  const err: string[] = [];
  const out: string[] = [];
  try {
    const code = await runImport(
      { input: name, content: join(dir, 'content'), gazette: 'zibo' },
      { cwd: dir, out: (line) => out.push(line), err: (line) => err.push(line) },
    );
    const written = existsSync(join(dir, 'content'))
      ? readdirSync(join(dir, 'content'), { recursive: true }).map(String).sort()
      : [];
    return {
      code,
      out: out.join('\n'),
      err: err.join('\n'),
      written: written.filter((path) => path.endsWith('.md') || path.endsWith('.yaml')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('npm run import on the generated PDF issue', () => {
  it('writes both documents, drops the running headers and page numbers, and finds nothing wrong', async () => {
    const { code, out, err, written } = await importPdf('2020-08.pdf', await layoutIssuePdf(), { gazette: true });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(written).toEqual([
      'zibo/2020/08/issue.yaml',
      'zibo/2020/08/zzbz-2020-59.md',
      'zibo/2020/08/zzbz-2020-60.md',
      'zibo/gazette.yaml',
    ]);
    expect(out).toMatch(/dropped 9 running-header and page-number lines; 0 errors, 0 warnings$/u);
  }, 60_000);
});

describe('PDFs the importer cannot read', () => {
  it('names the scanned pages, writes nothing and exits 2', async () => {
    const pages = await readPdfPages(await scannedIssuePdf());
    expect(scannedPages(pages)).toEqual([2, 3]);
    const { code, out, err, written } = await importPdf('2020-07.pdf', await scannedIssuePdf());
    expect({ code, out, written }).toEqual({ code: 2, out: '', written: [] });
    expect(err).toMatch(
      /^npm run import: \S*2020-07\.pdf: pages 2, 3: no text layer \(scanned\?\); run OCR first \(e\.g\. ocrmypdf --skip-text -l chi_sim in\.pdf out\.pdf\) and import the result; nothing was imported$/u,
    );
  }, 60_000);

  it('says an encrypted PDF needs its password removed, without a stack trace', async () => {
    const { code, err, written } = await importPdf('locked.pdf', await encryptedPdf());
    expect({ code, written }).toEqual({ code: 2, written: [] });
    expect(err).toMatch(
      /^npm run import: \S*locked\.pdf: the PDF is encrypted with a password; save an unprotected copy .* and import that$/u,
    );
  }, 60_000);
});
