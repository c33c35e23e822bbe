import { beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_PARAGRAPH, miniIssuePdf, RUNNING_HEADER } from '../../../tests/fixtures/import/mini-issue-pdf';
import { importIssueText } from './import-issue';
import { extractPdfText, pageParagraphs, visualLines, type PdfTextItem } from './pdf-text';

const item = (text: string, x: number, y: number, width = text.length * 12, size = 12): PdfTextItem => ({ text, x, y, width, size });

describe('visualLines', () => {
  it('groups items by baseline, top to bottom, and reads each line left to right', () => {
    const lines = visualLines([item('第二行', 72, 700), item('右', 200, 740.5), item('左', 72, 740), item(' ', 90, 700)]);
    expect(lines.map(({ text }) => text)).toEqual(['左\t右', '第二行']);
  });

  it('separates words by a space and columns by a tab', () => {
    expect(visualLines([item('手机', 72, 700), item('PAY', 72 + 24 + 4, 700, 20)])[0]!.text).toBe('手机 PAY');
    expect(visualLines([item('手机', 72, 700), item('PAY', 72 + 24, 700, 20)])[0]!.text).toBe('手机PAY');
    expect(visualLines([item('关于某事的通知', 72, 700), item('（1）', 480, 700)])[0]!.text).toBe('关于某事的通知\t（1）');
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
    ).toEqual(['　　首行缩进的第一行文字一直排到右边第二行从左边开始，也排到右边为止。最后一行。', '下一段首行缩进两个字。']);
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
    ).toEqual(['关于印发某实施方案的通知', '淄政办字〔2020〕54号', '序号\t名称\t单位', '1\t甲\t乙', '淄博市人民政府办公室']);
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
    expect(first?.content).toContain(`\n\n${BROKEN_PARAGRAPH.before}${BROKEN_PARAGRAPH.after}\n\n:::signature\n淄博市人民政府办公室\n2020年5月24日\n:::\n`);
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
      { severity: 'error', message: '"关于进一步做好中小微企业融资服务工作的意见" starts on page 2, but the TOC says page 3', line: expect.any(Number) },
    ]);
    const line = result.findings[0]!.line!;
    expect(mismatched.split('\n')[line - 1]).toMatch(/淄博市人民政府办公室$/);
  });
});
