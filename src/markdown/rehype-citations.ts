/**
 * Links the document and order numbers cited in a body (淄政办字[2015]51号, 淄政办发〔2018〕9号,
 * 市政府令第102号: every spelling src/domain/doc-number.ts accepts) to the archived document. A
 * number the archive does not hold stays text, marked as not in the archive (a class the document
 * page styles with a mark that screen readers announce, and a tooltip).
 *
 * The plugin needs the archive's number → URL table while bodies are rendered: the content
 * loader (src/content/loader.ts) computes it and renders bodies with a processor of its
 * own that passes it as the `targets` option (gazetteMarkdownPlugins, ./markdown-pipeline.ts).
 *
 * What it found is reported as `citations` (canonical numbers, in order of first appearance) in
 * the render's frontmatter metadata: the site's backlinks are built from exactly the citations
 * that were linked.
 */
import type { Element, ElementContent, Nodes, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, walk } from './walk';
import { findDocNumbers, parseDocNumber, type FoundDocNumber } from '../domain/doc-number';
import {
  docNumberLookupKey,
  documentsByNumber,
  numberLookupKey,
  prefixLookupKey,
  type NumberLookupContext,
} from '../domain/number-lookup';

export interface CitationTarget {
  /** The document's URL, with the site's base. */
  href: string;
  title: string;
}

/**
 * The archived documents by number. Keyed by lookup key (src/domain/number-lookup.ts), so that a body
 * citing 国务院令第706号 links to the decree printed as 中华人民共和国国务院令第706号.
 */
export interface CitationTargets {
  readonly byKey: Readonly<Record<string, CitationTarget>>;
  /** What the keys depend on: the archive's gazette. */
  readonly context: NumberLookupContext;
}

export interface RehypeCitationsOptions {
  /** The table to link against; a render without one fails (it is not a body the loader renders). */
  targets?: CitationTargets;
}

export const NOT_IN_ARCHIVE = '本库未收录';

/** The table for an archive: its number table (documentsByNumber), each document as a link target. */
export function citationTargets(
  documents: Iterable<{ number?: string; title: string; path: string }>,
  base: string,
  context: NumberLookupContext = {},
): CitationTargets {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const byKey: Record<string, CitationTarget> = {};
  for (const [key, document] of documentsByNumber(documents, context))
    byKey[key] = { href: `${prefix}${document.path}`, title: document.title };
  return { byKey, context };
}

function targetOf(targets: CitationTargets, key: string): CitationTarget | undefined {
  return Object.hasOwn(targets.byKey, key) ? targets.byKey[key] : undefined;
}

/**
 * The part of the table a body's rendering depends on: its cited numbers with their targets,
 * or null for numbers not in the archive (so that adding the cited document changes it). The
 * loader puts this in the body's cache digest.
 */
export function citedTargets(
  targets: CitationTargets,
  numbers: readonly string[],
): Record<string, CitationTarget | null> {
  return Object.fromEntries(
    numbers.map((number) => [number, targetOf(targets, numberLookupKey(number, targets.context)) ?? null]),
  );
}

/** The numbers a render reported, from its metadata. */
export function reportedCitations(metadata: { frontmatter?: Record<string, unknown> } | undefined): string[] {
  const citations = metadata?.frontmatter?.citations;
  return Array.isArray(citations) ? citations.filter((value): value is string => typeof value === 'string') : [];
}

/** Elements whose text is not running prose: never linked inside. */
const NO_CITATIONS_INSIDE = new Set(['a', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea', 'button']);

function citationNode(number: FoundDocNumber, targets: CitationTargets): Element {
  const raw = number.raw;
  const target = targetOf(targets, docNumberLookupKey(number, targets.context));
  if (target) {
    return {
      type: 'element',
      tagName: 'a',
      properties: { className: ['citation-link'], href: target.href, title: `《${target.title}》` },
      children: [{ type: 'text', value: raw }],
    };
  }
  // Only the class and the tooltip: the text stays exactly as printed (for search, plain-text
  // exports and copy-paste); the page's stylesheet adds a visible mark with spoken alternative
  // text (CSS `content: … / …`).
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['citation-external'], title: NOT_IN_ARCHIVE },
    children: [{ type: 'text', value: raw }],
  };
}

const prefixCache = new WeakMap<CitationTargets, Set<string>>();

/** The 机关代字 and order names (their lookup keys) of the archive's numbers. */
export function knownPrefixes(targets: CitationTargets): Set<string> {
  let prefixes = prefixCache.get(targets);
  if (!prefixes) {
    prefixes = new Set(Object.keys(targets.byKey).flatMap((key) => parseDocNumber(key)?.prefix ?? []));
    prefixCache.set(targets, prefixes);
  }
  return prefixes;
}

/**
 * The finder cannot always tell where a 代字 starts in running text (继续执行淄政办字〔2020〕1号
 * reads as the 代字 继续执行淄政办字). When the archive knows a 代字 that ends the one found, the
 * longest such is the one cited.
 */
function trimToKnownPrefix(
  number: FoundDocNumber,
  prefixes: Set<string>,
  context: NumberLookupContext,
): FoundDocNumber {
  for (let cut = 1; cut <= number.prefix.length - 2; cut++) {
    const prefix = number.prefix.slice(cut);
    if (prefixes.has(prefixLookupKey(prefix, context))) {
      return {
        ...number,
        prefix,
        canonical: number.canonical.slice(cut),
        raw: number.raw.slice(cut),
        start: number.start + cut,
      };
    }
  }
  return number;
}

/**
 * Every number ends in a bracketed year or 令第, then digits and 号; the finder's patterns start
 * with a lazy run of CJK characters, slow on long paragraphs, and most paragraphs cite nothing.
 */
const MAY_CITE = /(?:[〕］\]）)】]|令[ \t\u00a0\u3000]*第)[ \t\u00a0\u3000第]*\d{1,5}[ \t\u00a0\u3000]*号/u;

function split(node: Text, targets: CitationTargets, cited: Set<string>): ElementContent[] | null {
  const text = node.value;
  if (!MAY_CITE.test(text)) return null;
  const prefixes = knownPrefixes(targets);
  const parts: ElementContent[] = [];
  let offset = 0;
  let found = findDocNumbers(text);
  for (let index = 0; index < found.length; index++) {
    if (found[index].start < offset) {
      // A number's 号 right before an order number's organ (…51号和市政府令第102号) was read as
      // part of that organ's name: search the rest again, from the end of the previous number.
      found = findDocNumbers(text.slice(offset)).map((number) => ({
        ...number,
        start: number.start + offset,
        end: number.end + offset,
      }));
      index = -1;
      continue;
    }
    const known = prefixes.has(prefixLookupKey(found[index].prefix, targets.context));
    const number = known ? found[index] : trimToKnownPrefix(found[index], prefixes, targets.context);
    if (number.start > offset) parts.push({ type: 'text', value: text.slice(offset, number.start) });
    parts.push(citationNode(number, targets));
    cited.add(number.canonical);
    offset = number.end;
  }
  if (parts.length === 0) return null;
  if (offset < text.length) parts.push({ type: 'text', value: text.slice(offset) });
  return parts;
}

export default function rehypeCitations(options: RehypeCitationsOptions = {}) {
  return (tree: Root, file: VFile) => {
    const { targets } = options;
    if (!targets) {
      throw new Error(
        'rehype-citations: no citation table; Markdown is rendered by src/content/loader.ts, which passes it (gazetteMarkdownPlugins({ citationTargets }))',
      );
    }
    const cited = new Set<string>();
    walk<Nodes>(tree, (node, index, parent) => {
      if (node.type === 'element' && NO_CITATIONS_INSIDE.has(node.tagName)) return SKIP;
      if (node.type !== 'text') return;
      const parts = split(node, targets, cited);
      if (!parts) return;
      parent.children.splice(index, 1, ...parts);
      return index + parts.length;
    });
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    (astro.frontmatter ??= {}).citations = [...cited];
  };
}
