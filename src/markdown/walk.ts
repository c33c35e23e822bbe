/**
 * A preorder walk over a syntax tree for the project's Markdown plugins, in place of
 * unist-util-visit: that one builds a named closure per node (Object.defineProperty on a
 * function, for its debugging output) and copies the ancestors' list per parent: the
 * project's plugins, mostly their walks, were a fifth of a body's rendering, the parse
 * included (profiled on 1,000 regulation texts, README "Content sync on every core"). This
 * walk visits the same nodes in the same order and supports what the plugins ask of it: not
 * entering a node's children, and going on at a given index after replacing a node in its
 * parent.
 */
/** Returned by a visitor: do not enter this node's children. */
export const SKIP = 'skip';

/**
 * What a visitor returns: nothing to go on into the node's children and then its next sibling,
 * SKIP to leave its children out, or an index to go on at in the parent (its children left out),
 * after the visitor changed the parent's children.
 */
export type WalkStep = void | typeof SKIP | number;

/** A node with children; N is the tree's node type (mdast's or hast's `Nodes`). */
export interface WalkParent<N> {
  children: N[];
}

/** Calls `visitor` on every descendant of `tree` (not `tree` itself), parents before children. */
export function walk<N extends object>(
  tree: WalkParent<N>,
  visitor: (node: N, index: number, parent: WalkParent<N>) => WalkStep,
): void {
  const { children } = tree;
  let index = 0;
  while (index < children.length) {
    const node = children[index]!;
    const step = visitor(node, index, tree);
    if (typeof step === 'number') {
      index = step;
      continue;
    }
    if (step !== SKIP && 'children' in node) walk(node as WalkParent<N>, visitor);
    index++;
  }
}
