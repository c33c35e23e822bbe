import { describe, expect, it } from 'vitest';
import { gazetteProcessor } from '../../tests/helpers/gazette-markdown';

const render = (markdown: string) => String(gazetteProcessor().processSync(markdown));

describe('remarkGazetteBlocks', () => {
  it('renders a signature block with its line breaks', () => {
    expect(render(':::signature\n淄博市人民政府办公室\n2020年5月24日\n:::\n')).toBe(
      '<div class="signature"><p>淄博市人民政府办公室<br>\n2020年5月24日</p></div>',
    );
  });

  it('renders the issuers line of a forwarded document', () => {
    expect(render(':::issuers\n市大数据局　市商务局\n:::\n')).toBe(
      '<div class="forwarded-issuers"><p>市大数据局　市商务局</p></div>',
    );
  });

  it('gives back text that only looks like a directive', () => {
    expect(render('电话:3183683，APP:abc，时间12:30\n')).toBe('<p>电话:3183683，APP:abc，时间12:30</p>');
  });

  it('fails on an unknown block, naming it', () => {
    expect(() => render(':::signatur\n某机关\n:::\n')).toThrow(
      /unknown block ":::signatur"; the blocks are :::signature and :::issuers/,
    );
  });
});

describe('rehypeTableScroll', () => {
  it('wraps tables in a focusable region labelled by the heading before them', () => {
    const html = render('### 任务清单\n\n| 序号 | 任务 |\n| --- | --- |\n| 1 | 推广 |\n');
    expect(html).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="任务清单"><table>');
  });

  it('falls back to the table number', () => {
    expect(render('| a |\n| - |\n| 1 |\n')).toContain('aria-label="表格1"');
  });
});
