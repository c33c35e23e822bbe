/**
 * The block syntax of gazette documents, on top of remark-directive:
 *
 *   :::signature            署名 and 成文日期, right-aligned as printed (GB/T 9704 §7.3.5)
 *   淄博市人民政府办公室
 *   2020年5月24日
 *   :::
 *
 *   :::issuers              the issuers line under a forwarded document's title
 *   中国人民银行淄博市中心支行　市大数据局
 *   :::
 *
 * Line breaks inside these blocks are kept. Text that merely looks like a directive
 * (`电话:3183683`, `APP:abc`) is given back as the text it was, so nothing is lost; an unknown
 * block directive is an error, since it would otherwise vanish from the page.
 */
import type { Nodes, Root, Paragraph, PhrasingContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { walk } from './walk';
// Brings the hName/hProperties fields of mdast data into scope.
import type {} from 'mdast-util-to-hast';

const BLOCKS: Record<string, { tagName: string; className: string }> = {
  signature: { tagName: 'div', className: 'signature' },
  issuers: { tagName: 'div', className: 'forwarded-issuers' },
};

function keepLineBreaks(paragraph: Paragraph): void {
  paragraph.children = paragraph.children.flatMap((child): PhrasingContent[] => {
    if (child.type !== 'text') return [child];
    return child.value
      .split('\n')
      .flatMap((line, index): PhrasingContent[] =>
        index === 0 ? [{ type: 'text', value: line }] : [{ type: 'break' }, { type: 'text', value: line }],
      );
  });
}

function asText(node: TextDirective | LeafDirective): Text {
  const marker = node.type === 'textDirective' ? ':' : '::';
  const label = node.children.map((child) => ('value' in child ? child.value : '')).join('');
  return { type: 'text', value: `${marker}${node.name}${label ? `[${label}]` : ''}` };
}

export default function remarkGazetteBlocks() {
  return (tree: Root, file: VFile) => {
    walk<Nodes>(tree, (node, index, parent) => {
      if (node.type === 'textDirective') {
        parent.children.splice(index, 1, asText(node));
        return index + 1;
      }
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective') return;
      const directive = node as ContainerDirective | LeafDirective;
      const block = BLOCKS[directive.name];
      if (!block || directive.type === 'leafDirective') {
        file.fail(
          `unknown block "${directive.type === 'leafDirective' ? '::' : ':::'}${directive.name}"; the blocks are :::signature and :::issuers`,
          directive,
        );
      }
      directive.data = { hName: block.tagName, hProperties: { className: [block.className] } };
      for (const child of directive.children) {
        if (child.type === 'paragraph') keepLineBreaks(child);
      }
    });
  };
}
