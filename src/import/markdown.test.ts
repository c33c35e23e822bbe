import { load } from 'js-yaml';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { blocksToMarkdown, documentFile, toYaml } from './markdown';
import type { Block } from './paragraphs';

/** Parses Markdown back to plain blocks, the way the build reads document bodies. */
function readBack(markdown: string): unknown[] {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(markdown);
  const text = (node: { type: string; value?: string; children?: unknown[] }): string =>
    node.value ?? (node.children ?? []).map((child) => text(child as never)).join('');
  return tree.children.map((node) => {
    if (node.type === 'table') return node.children.map((row) => row.children.map((cell) => text(cell)));
    if (node.type === 'containerDirective') return { [node.name]: text(node) };
    return { [node.type]: text(node) };
  });
}

describe('blocksToMarkdown', () => {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: '按照《通知》（淄政办字[2015]51号）要求，见[附表](第2页)和![图]，a*b_c，电话：3183683。',
    },
    { kind: 'paragraph', text: '[2015]号文件' },
    { kind: 'heading', depth: 2, text: '淄博市移动支付便民工程建设工作方案（2020—2022年）' },
    { kind: 'issuers', names: ['中国人民银行淄博市中心支行', '市大数据局'] },
    { kind: 'heading', depth: 3, text: '一、总体要求' },
    { kind: 'heading', depth: 4, text: '（一）指导思想' },
    { kind: 'paragraph', text: '1．政企联动，协同发展。' },
    { kind: 'signature', lines: ['淄博市人民政府办公室', '2020年5月24日'] },
    {
      kind: 'table',
      rows: [
        ['序号', '行业领域', '备注'],
        ['1', '业务|推广', ''],
      ],
    },
  ];
  const markdown = blocksToMarkdown(blocks);

  it('writes the sample’s Markdown: unpadded tables, directive blocks, "[" as printed inside a line', () => {
    expect(markdown).toBe(
      [
        '按照《通知》（淄政办字[2015]51号）要求，见[附表]\\(第2页)和\\![图]，a\\*b_c，电话：3183683。',
        '\\[2015]号文件',
        '## 淄博市移动支付便民工程建设工作方案（2020—2022年）',
        ':::issuers\n中国人民银行淄博市中心支行\u3000市大数据局\n:::',
        '### 一、总体要求',
        '#### （一）指导思想',
        '1．政企联动，协同发展。',
        ':::signature\n淄博市人民政府办公室\n2020年5月24日\n:::',
        '| 序号 | 行业领域 | 备注 |\n| --- | --- | --- |\n| 1 | 业务\\|推广 |  |',
      ].join('\n\n') + '\n',
    );
  });

  it('reads back as the same text: escapes only where Markdown would change it', () => {
    expect(readBack(markdown)).toEqual([
      { paragraph: blocks[0]!.kind === 'paragraph' ? blocks[0]!.text : '' },
      { paragraph: '[2015]号文件' },
      { heading: '淄博市移动支付便民工程建设工作方案（2020—2022年）' },
      { issuers: '中国人民银行淄博市中心支行\u3000市大数据局' },
      { heading: '一、总体要求' },
      { heading: '（一）指导思想' },
      { paragraph: '1．政企联动，协同发展。' },
      { signature: '淄博市人民政府办公室\n2020年5月24日' },
      [
        ['序号', '行业领域', '备注'],
        ['1', '业务|推广', ''],
      ],
    ]);
  });
});

describe('toYaml and documentFile', () => {
  const frontmatter = {
    title: '关于转发中国人民银行淄博市中心支行等部门淄博市移动支付便民工程建设工作方案（2020—2022年）的通知',
    number: '淄政办字〔2020〕57号',
    issuers: ['淄博市人民政府办公室'],
    date: '2020-05-30',
    page: 16,
    forwards: { title: '某方案', issuers: ['中国人民银行淄博市中心支行', '市大数据局'] },
  };

  it('writes block lists, the forwarded issuers as a flow list, dates unquoted, long lines unfolded', () => {
    expect(toYaml(frontmatter)).toBe(
      `title: ${frontmatter.title}\nnumber: 淄政办字〔2020〕57号\nissuers:\n  - 淄博市人民政府办公室\ndate: 2020-05-30\npage: 16\nforwards:\n  title: 某方案\n  issuers: [中国人民银行淄博市中心支行, 市大数据局]\n`,
    );
    expect(load(toYaml(frontmatter))).toEqual(frontmatter);
  });

  it('puts the frontmatter, a blank line and the body together', () => {
    expect(documentFile({ title: '甲' }, [{ kind: 'paragraph', text: '正文。' }])).toBe(
      '---\ntitle: 甲\n---\n\n正文。\n',
    );
  });
});
