import { describe, expect, it } from 'vitest';
import { gazetteProcessor } from '../../tests/helpers/gazette-markdown';
import { bodyAnchors } from './body-anchors';
import { bodyText } from '../site/open-data';

const render = (markdown: string) => gazetteProcessor().processSync(markdown);

describe('rehypeCopyLinks', () => {
  it('puts a named link to itself before every anchored head', () => {
    expect(String(render('### 一、总体要求\n\n第三条　……'))).toBe(
      '<h3 id="bufen-1" data-anchor="bufen"><a class="anchor" href="#bufen-1" aria-label="链接到一、总体要求"></a>一、总体要求</h3>\n' +
        '<p id="tiao-3" data-anchor="tiao"><a class="anchor" href="#tiao-3" aria-label="链接到第三条"></a>第三条　……</p>',
    );
  });

  it('adds no text: the body reads as printed', () => {
    expect(bodyText(String(render('## 附件\n\n三、重点任务。……')))).toBe('附件\n\n三、重点任务。……');
  });
});

describe('bodyAnchors', () => {
  it('reads from the stored HTML what the plugins reported', () => {
    const file = render('## 办法\n\n### 第一章　总则\n\n第一条　……\n\n一、……\n\n## 附件2\n\n### 名单');
    expect(bodyAnchors(String(file))).toEqual(file.data.anchors);
  });
});
