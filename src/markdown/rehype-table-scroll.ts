/**
 * Wraps every table in a focusable, labelled scroll container, so that the wide attachment
 * tables of gazette documents scroll sideways on a phone instead of widening the page, and
 * keyboard users can scroll them (WCAG 2.1.1, axe's scrollable-region-focusable).
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { walk } from './walk';

const HEADING = /^h[1-6]$/;

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** The table's caption, else the heading that introduces it, else its number on the page. */
function labelFor(table: Element, siblings: ElementContent[], index: number, count: number): string {
  const caption = table.children.find((child) => child.type === 'element' && child.tagName === 'caption');
  if (caption) return textOf(caption).trim();
  for (let i = index - 1; i >= 0; i--) {
    const sibling = siblings[i];
    if (sibling.type === 'element' && HEADING.test(sibling.tagName)) return textOf(sibling).trim();
  }
  return `表格${count}`;
}

export default function rehypeTableScroll() {
  return (tree: Root) => {
    let count = 0;
    walk<Nodes>(tree, (node, index, parent) => {
      if (node.type !== 'element' || node.tagName !== 'table') return;
      count++;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-scroll'],
          role: 'region',
          tabIndex: 0,
          ariaLabel: labelFor(node, parent.children as ElementContent[], index, count),
        },
        children: [node],
      };
      parent.children[index] = wrapper;
      return index + 1;
    });
  };
}
