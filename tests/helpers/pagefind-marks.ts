/**
 * What Pagefind reads from a built page's `data-pagefind-*` marks, as the tests' oracle for the
 * search records (src/search/records.ts), which say the same from the open data. Pagefind's
 * rules: `data-pagefind-body` holds the indexed text, less `data-pagefind-ignore` subtrees;
 * `-meta`, `-filter` and `-sort` are `key` (the element's text is the value) or `key:value`,
 * read anywhere on the page.
 */
import type { Element, ElementContent, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export interface PagefindMarks {
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
  /** Text of each `data-pagefind-weight` element, with its weight. */
  weighted: [string, number][];
  /** The indexed text. */
  text: string;
}

const clean = (text: string) => text.replace(/\s+/gu, ' ').trim();

function keyValue(element: Element, property: string): [string, string] {
  const spec = String(element.properties[property]);
  const colon = spec.indexOf(':');
  return colon >= 0 ? [spec.slice(0, colon), clean(spec.slice(colon + 1))] : [spec, clean(toText(element))];
}

function without(element: Element): Element {
  const children = element.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child];
    if (child.properties.dataPagefindIgnore !== undefined || ['script', 'style', 'template'].includes(child.tagName))
      return [];
    return [without(child)];
  });
  return { ...element, children };
}

export function pagefindMarks(tree: Root): PagefindMarks | null {
  const bodies = selectAll('[data-pagefind-body]', tree);
  if (bodies.length === 0) return null;
  const marks: PagefindMarks = { meta: {}, filters: {}, sort: {}, weighted: [], text: '' };
  for (const element of selectAll('[data-pagefind-meta]', tree)) {
    const [key, value] = keyValue(element, 'dataPagefindMeta');
    marks.meta[key] ??= value;
  }
  for (const element of selectAll('[data-pagefind-filter]', tree)) {
    const [key, value] = keyValue(element, 'dataPagefindFilter');
    if (value) marks.filters[key] = [...new Set([...(marks.filters[key] ?? []), value])].sort();
  }
  for (const element of selectAll('[data-pagefind-sort]', tree)) {
    const [key, value] = keyValue(element, 'dataPagefindSort');
    marks.sort[key] ??= value;
  }
  const indexed = bodies.map(without);
  for (const body of indexed) {
    for (const element of selectAll('[data-pagefind-weight]', body)) {
      marks.weighted.push([clean(toText(element)), Number(element.properties.dataPagefindWeight)]);
    }
  }
  marks.text = indexed.map((body) => toText(body)).join('\n');
  return marks;
}
