import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes } from 'hast';
import { SKIP as VISIT_SKIP, visit } from 'unist-util-visit';
import { SKIP, walk } from './walk';

const tree = () =>
  fromHtml('<h2>一、总则</h2><p>第一条 <em>a<b>b</b></em>c</p><table><tr><td>1</td></tr></table><p>d</p>', {
    fragment: true,
  });

const label = (node: Nodes) => (node.type === 'element' ? node.tagName : node.type === 'text' ? node.value : node.type);

describe('walk', () => {
  it('visits the descendants in the order unist-util-visit does', () => {
    const walked: string[] = [];
    walk<Nodes>(tree(), (node) => void walked.push(label(node)));
    const visited: string[] = [];
    visit(tree(), (node) => void visited.push(label(node)));
    expect(walked).toEqual(visited.slice(1));
  });

  it('leaves out the children of a node when told to', () => {
    const walked: string[] = [];
    walk<Nodes>(tree(), (node) => {
      walked.push(label(node));
      if (node.type === 'element' && node.tagName === 'em') return SKIP;
    });
    expect(walked).toContain('em');
    expect(walked).not.toContain('b');
    expect(walked).toContain('c');
  });

  it('goes on at the index it is given, as unist-util-visit does after a replacement', () => {
    const split = (text: string) => text.split('').map((value) => ({ type: 'text' as const, value }));
    const walked = tree();
    const seen: string[] = [];
    walk<Nodes>(walked, (node, index, parent) => {
      seen.push(label(node));
      if (node.type !== 'text' || node.value.length < 2) return;
      parent.children.splice(index, 1, ...split(node.value));
      return index + node.value.length;
    });
    const visited = tree();
    visit(visited, 'text', (node, index, parent) => {
      if (node.value.length < 2 || !parent || index === undefined) return;
      parent.children.splice(index, 1, ...split(node.value));
      return [VISIT_SKIP, index + node.value.length];
    });
    expect(walked).toEqual(visited);
    // The replacements themselves are not visited.
    expect(seen).not.toContain('总');
  });
});
