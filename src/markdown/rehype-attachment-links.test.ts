import { describe, expect, it } from 'vitest';
import { gazetteProcessor } from '../../tests/helpers/gazette-markdown';

const render = (markdown: string) => gazetteProcessor().processSync(markdown);

describe('rehypeAttachmentLinks', () => {
  it('links the 附件说明 to the heading printing its title', () => {
    const html = String(render('附件：任务清单\n\n## 附件\n\n### 任务清单\n\n| a |\n| - |\n| 1 |\n'));
    expect(html).toContain('<p>附件：<a href="#任务清单">任务清单</a></p>');
  });

  it('links numbered notes to the numbered labels when the titles differ', () => {
    const html = String(
      render('附件：1．竞赛办法\n\n2．查评办法\n\n## 附件1\n\n某某竞赛办法\n\n## 附件2\n\n某某查评办法'),
    );
    expect(html).toContain('<p>附件：1．<a href="#fujian-1">竞赛办法</a></p>');
    expect(html).toContain('<p>2．<a href="#fujian-2">查评办法</a></p>');
  });

  it('links 附件1：… and a lone 附件 by label', () => {
    expect(String(render('附件1：名单\n\n## 附件1\n\n甲'))).toContain('附件1：<a href="#fujian-1">名单</a>');
    expect(String(render('附件：名单\n\n## 附件\n\n甲'))).toContain('附件：<a href="#fujian">名单</a>');
  });

  it('compares titles without spaces and book-title marks', () => {
    expect(String(render('附件：《实施 细则》\n\n## 附件1\n\n### 实施细则'))).toContain(
      '<a href="#实施细则">《实施 细则》</a>',
    );
  });

  it('warns about a note whose attachment is not printed, and leaves it text', () => {
    const file = render('附件：名单');
    expect(String(file)).toBe('<p>附件：名单</p>');
    expect(file.messages.map(String)).toEqual([
      '1:1-1:6: the 附件说明 names “名单”, which is not printed in this body: left unlinked',
    ]);
  });
});
