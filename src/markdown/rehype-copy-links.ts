/**
 * A link to itself before every anchored head (rehype-stable-ids): a reader copies it to cite
 * 第三条 or 三、, or follows it to put the fragment in the address bar. It has no text of its
 * own (the mark is CSS generated content, src/styles/outline.css), so the body's text, its
 * search index and Astro's heading list stay as printed; its accessible name says where it
 * points (链接到第三条).
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { anchorName, anchorsOfTree } from './body-anchors';

export const COPY_LINK_CLASS = 'anchor';

export default function rehypeCopyLinks() {
  return (tree: Root, file: VFile) => {
    const anchors = new Map((file.data.anchors ?? anchorsOfTree(tree)).map((anchor) => [anchor.id, anchor]));
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const { id } = node.properties;
      const anchor = typeof id === 'string' ? anchors.get(id) : undefined;
      if (!anchor) continue;
      node.children.unshift({
        type: 'element',
        tagName: 'a',
        properties: { className: [COPY_LINK_CLASS], href: `#${anchor.id}`, ariaLabel: `链接到${anchorName(anchor)}` },
        children: [],
      });
    }
  };
}
