/**
 * Blocks to the files of the content model: an mdast tree stringified by remark-stringify with
 * remark-gfm (tables) and remark-directive (:::signature, :::issuers), and YAML by js-yaml.
 * The output is deterministic: the same import gives the same bytes.
 *
 * Two handlers differ from remark-stringify's defaults, to write what editors write:
 * - text: a "[" inside a line is not escaped ("淄政办字[2015]51号" stays as printed). Unescaped,
 *   it could only start a reference to a link definition, and document bodies have none (a
 *   "[" at the start of a line, which could begin one, is still escaped); "](" and "![" are
 *   still escaped by their own rules.
 * - table: rows are not padded to align their pipes (CJK cells would be padded by their
 *   character count, not their width), and the delimiter row is "| --- |".
 */
import type { Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { defaultHandlers, type Handle, type State, type Unsafe } from 'mdast-util-to-markdown';
import { CORE_SCHEMA, dump } from 'js-yaml';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Block } from './paragraphs';

/** The unsafe patterns without the ones that escape "[" inside a line of text. */
function withoutInlineBracket(patterns: readonly Unsafe[]): Unsafe[] {
  return patterns.flatMap((pattern) => {
    const constructs = [pattern.inConstruct ?? []].flat();
    if (pattern.character !== '[' || pattern.atBreak || !constructs.includes('phrasing')) return [pattern];
    const others = constructs.filter((construct) => construct !== 'phrasing');
    return others.length > 0 ? [{ ...pattern, inConstruct: others }] : [];
  });
}

// Per stringification (one list of patterns each): to-markdown caches each pattern's regular
// expression on the pattern object, so the filtered list is made once, not per text node.
const filtered = new WeakMap<readonly Unsafe[], Unsafe[]>();

const text: Handle = (node: Text, parent, state: State, info) => {
  const unsafe = state.unsafe;
  if (!filtered.has(unsafe)) filtered.set(unsafe, withoutInlineBracket(unsafe));
  state.unsafe = filtered.get(unsafe)!;
  try {
    return defaultHandlers.text(node, parent, state, info);
  } finally {
    state.unsafe = unsafe;
  }
};

const DELIMITERS: Record<string, string> = { left: ':--', right: '--:', center: ':-:' };

const table: Handle = (node: Table, _parent, state: State, info) => {
  const exitTable = state.enter('table');
  const rows = node.children.map((row: TableRow) => {
    const exitRow = state.enter('tableRow');
    const cells = row.children.map((cell: TableCell) => state.handle(cell, row, state, info));
    exitRow();
    return cells;
  });
  exitTable();
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const delimiter = rows[0]!.map((_, column) => DELIMITERS[node.align?.[column] ?? ''] ?? '---');
  return [line(rows[0]!), line(delimiter), ...rows.slice(1).map(line)].join('\n');
};

const processor = unified().use(remarkGfm).use(remarkDirective).use(remarkStringify, { handlers: { text, table } });

function phrasing(value: string): Text[] {
  return [{ type: 'text', value }];
}

function container(name: string, lines: string[]): ContainerDirective {
  return { type: 'containerDirective', name, children: [{ type: 'paragraph', children: phrasing(lines.join('\n')) }] };
}

function toMdast(block: Block): RootContent {
  switch (block.kind) {
    case 'paragraph':
      return { type: 'paragraph', children: phrasing(block.text) };
    case 'heading':
      return { type: 'heading', depth: block.depth, children: phrasing(block.text) };
    case 'signature':
      return container('signature', block.lines);
    case 'issuers':
      return container('issuers', [block.names.join('\u3000')]);
    case 'table':
      return {
        type: 'table',
        children: block.rows.map((row) => ({
          type: 'tableRow',
          children: row.map((cell) => ({ type: 'tableCell', children: cell === '' ? [] : phrasing(cell) })),
        })),
      };
  }
}

/** The Markdown body for a document's blocks. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  const tree: Root = { type: 'root', children: blocks.map(toMdast) };
  return processor.stringify(tree);
}

/**
 * YAML as the sample content writes it: block style, except lists nested in a mapping
 * (forwards.issuers) in flow style; no line folding; dates and months unquoted (the content
 * schema reads them as text, under js-yaml's core schema).
 */
export function toYaml(value: object): string {
  return dump(value, { schema: CORE_SCHEMA, flowLevel: 2, lineWidth: -1 });
}

/** A document file: frontmatter, a blank line, the body. */
export function documentFile(frontmatter: object, blocks: readonly Block[]): string {
  return `---\n${toYaml(frontmatter)}---\n\n${blocksToMarkdown(blocks)}`;
}
