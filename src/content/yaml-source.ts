/**
 * YAML with source positions. js-yaml's `load` gives values only; its event stream carries
 * offsets, from which we map every field path to the line and column where it is written,
 * so that a schema error can point at `issuers[1]` on line 5 rather than at the file.
 */
import { EVENT_ID, getScalarValue, load, parseEvents, SCALAR_STYLE, YAMLException, type Event } from 'js-yaml';

export interface SourcePosition {
  line: number;
  column: number;
}

export interface ParsedYaml {
  value: unknown;
  /** Where a field path is written: the key of a mapping entry, the start of a sequence item. */
  locate(path: readonly PropertyKey[]): SourcePosition;
  /** Where a string field's text is written, to place a problem found inside the text. */
  locateText(path: readonly PropertyKey[]): TextOrigin;
}

/** Where a string value is written: see placeInText. Plain data, so that it can be stored. */
export interface TextOrigin {
  /** The field's key. */
  key: SourcePosition;
  /**
   * For a literal block scalar (`about: |`), whose lines are the file's lines less their
   * indentation: the file line of the text's first line, and that indentation.
   */
  block?: { line: number; indent: number };
}

/**
 * A line and column of a string value's text as a place in the file, or null when the text is
 * not written line for line (quoted, plain and folded scalars join, unescape or fold lines).
 */
export function placeInText(origin: TextOrigin, line: number, column: number): SourcePosition | null {
  return origin.block ? { line: origin.block.line + line - 1, column: origin.block.indent + column } : null;
}

export class YamlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: SourcePosition,
  ) {
    super(reason);
  }
}

/** Maps offsets to 1-based line and column, counting columns in characters. */
export function positionAt(text: string, offset: number, lineOffset = 0): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line: line + lineOffset, column: [...text.slice(lineStart, offset)].length + 1 };
}

type Frame =
  | { kind: 'mapping'; path: string[]; pendingKey: string | null }
  | { kind: 'sequence'; path: string[]; index: number };

function eventOffset(event: Event): number {
  if (event.type === EVENT_ID.SCALAR) return event.valueStart;
  if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) return event.start;
  if (event.type === EVENT_ID.ALIAS) return event.anchorStart;
  return -1;
}

/**
 * Content files are small hand-written records. Aliases (`*name`) would let 700 bytes expand
 * to millions of values for every later pass (a "billion laughs" bomb), and nesting deeper than
 * any field needs only costs stack: both are refused.
 */
export const MAX_YAML_DEPTH = 16;
const LIMITS = { maxAliases: 0, maxDepth: MAX_YAML_DEPTH };

function limitReason(reason: string): string {
  if (reason.includes('maxAliases')) return 'YAML aliases (*name) are not allowed in content files; write the value out in full';
  if (reason.includes('maxDepth')) return `YAML nested more than ${MAX_YAML_DEPTH} levels deep; no field needs that`;
  return reason;
}

interface FieldOffsets {
  /** Field path → offset of its key (or sequence item). */
  keys: Map<string, number>;
  /** Field path → where a literal block scalar's text starts, and its indentation. */
  blocks: Map<string, { offset: number; indent: number }>;
}

function fieldOffsets(text: string): FieldOffsets {
  const offsets = new Map<string, number>();
  const blocks = new Map<string, { offset: number; indent: number }>();
  const stack: Frame[] = [];
  for (const event of parseEvents(text, LIMITS)) {
    if (event.type === EVENT_ID.DOCUMENT) continue;
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    const parent = stack.at(-1);
    let path: string[] = [];
    if (parent?.kind === 'mapping') {
      if (parent.pendingKey === null) {
        // A key: remember it; the entry is located at its key.
        const key = event.type === EVENT_ID.SCALAR ? getScalarValue(text, event) : '?';
        parent.pendingKey = key;
        const keyPath = [...parent.path, key];
        offsets.set(keyPath.join('.'), eventOffset(event));
        if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
          stack.push({ kind: 'mapping', path: ['?'], pendingKey: null }); // complex keys: ignored
        }
        continue;
      }
      path = [...parent.path, parent.pendingKey];
      parent.pendingKey = null;
    } else if (parent?.kind === 'sequence') {
      path = [...parent.path, String(parent.index++)];
      offsets.set(path.join('.'), eventOffset(event));
    }
    if (event.type === EVENT_ID.SCALAR && event.style === SCALAR_STYLE.LITERAL_BLOCK) {
      blocks.set(path.join('.'), { offset: event.valueStart, indent: event.indent });
    }
    if (event.type === EVENT_ID.MAPPING) stack.push({ kind: 'mapping', path, pendingKey: null });
    if (event.type === EVENT_ID.SEQUENCE) stack.push({ kind: 'sequence', path, index: 0 });
  }
  return { keys: offsets, blocks };
}

/**
 * Parses one YAML document. `lineOffset` shifts reported lines, for YAML that starts further
 * down a file (frontmatter). Throws YamlSyntaxError with a position on malformed YAML.
 */
export function parseYaml(text: string, lineOffset = 0): ParsedYaml {
  let value: unknown;
  try {
    value = load(text, LIMITS);
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = error.mark;
      throw new YamlSyntaxError(limitReason(error.reason), {
        line: (mark ? mark.line + 1 : 1) + lineOffset,
        column: mark ? mark.column + 1 : 1,
      });
    }
    throw error;
  }
  // Positions are only needed to report a problem, and the event pass costs as much as the
  // load itself: it runs on the first call of locate().
  let offsets: FieldOffsets | undefined;
  const locate = (path: readonly PropertyKey[]): SourcePosition => {
    offsets ??= fieldOffsets(text);
    // Fall back to the nearest written ancestor: a missing field is reported at its parent.
    for (let depth = path.length; depth > 0; depth--) {
      const offset = offsets.keys.get(path.slice(0, depth).map(String).join('.'));
      if (offset !== undefined && offset >= 0) return positionAt(text, offset, lineOffset);
    }
    return { line: 1 + lineOffset, column: 1 };
  };
  return {
    value,
    locate,
    locateText(path) {
      const key = locate(path);
      const block = offsets!.blocks.get(path.map(String).join('.'));
      return block ? { key, block: { line: positionAt(text, block.offset, lineOffset).line, indent: block.indent } } : { key };
    },
  };
}
