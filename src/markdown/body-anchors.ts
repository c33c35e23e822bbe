/**
 * The anchors of a rendered body: every heading, article and numbered head that
 * rehype-stable-ids gave an id, in document order, with what a reader sees of it. One function
 * reads them from the tree (the plugins, while rendering) and from the stored HTML (pages and
 * open data, which only have the HTML), so both see the same list.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { headNumberOf, type HeadKind, type HeadNumber } from './head-number';

export type AnchorKind = HeadKind | 'heading';

export interface BodyAnchor {
  /** The element's id: the URL fragment (…/zzbz-2020-54/#bufen-3). */
  id: string;
  kind: AnchorKind;
  /** The number as printed (第三条, 三、, （二）, 附件2), or a plain heading's text. */
  label: string;
  /** A numbered heading's text after its number; a numbered paragraph's run-in title (…。); else empty. */
  title: string;
  /** The start of the text after the number, for outlines of heads without a title. */
  excerpt: string;
  /** Rank for an outline: 0 for chapters, attachments and h2, one more for each rank below. */
  level: number;
}

/** The property that marks an anchored element with its kind (data-anchor in HTML). */
export const ANCHOR_KIND = 'dataAnchor';

const LEVELS: Record<HeadKind, number> = { zhang: 0, fujian: 0, jie: 1, bufen: 1, tiao: 2, xiang: 2, mu: 3 };
/** A run-in title ends at the first full stop, within this many characters. */
const MAX_RUN_IN_TITLE = 30;
const RUN_IN_END = /[。；！？]/u;
/** An excerpt's length, in characters. */
const EXCERPT_LENGTH = 16;

export function isHeading(element: Element): boolean {
  return /^h[1-6]$/.test(element.tagName);
}

function excerptOf(rest: string): string {
  const chars = Array.from(rest);
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : rest;
}

function runInTitle(rest: string): string {
  const end = rest.search(RUN_IN_END);
  return end > 0 && end <= MAX_RUN_IN_TITLE ? rest.slice(0, end) : '';
}

/** The anchor of an element with this id, its text and the number that text starts with. */
export function describeAnchor(id: string, element: Element, text: string, number: HeadNumber | null): BodyAnchor {
  if (!number) {
    return {
      id,
      kind: 'heading',
      label: text,
      title: '',
      excerpt: '',
      level: Math.max(0, Number(element.tagName[1]) - 2),
    };
  }
  const label = number.kind === 'fujian' ? number.marker.replace(/[.．:：]$/u, '') : number.marker;
  const title = isHeading(element) ? number.rest : number.kind === 'tiao' ? '' : runInTitle(number.rest);
  return {
    id,
    kind: number.kind,
    label,
    title,
    excerpt: title ? '' : excerptOf(number.rest),
    level: LEVELS[number.kind],
  };
}

/** The anchor an element carries, or null when rehype-stable-ids gave it none. */
export function anchorOf(element: Element): BodyAnchor | null {
  const { id } = element.properties;
  const kind = element.properties[ANCHOR_KIND];
  if (typeof id !== 'string' || typeof kind !== 'string') return null;
  const text = toText(element).trim();
  const number = kind === 'heading' ? null : headNumberOf(text, { heading: isHeading(element) });
  if (kind !== 'heading' && !number) {
    throw new Error(`the anchored element #${id} no longer starts with its number: ${text.slice(0, 20)}`);
  }
  return describeAnchor(id, element, text, number);
}

/** The anchors of a body's tree, in document order. */
export function anchorsOfTree(tree: Root): BodyAnchor[] {
  return tree.children.flatMap((node) => {
    const anchor = node.type === 'element' ? anchorOf(node) : null;
    return anchor ? [anchor] : [];
  });
}

/** The anchors of a rendered body's HTML. */
export function bodyAnchors(html: string): BodyAnchor[] {
  return anchorsOfTree(fromHtml(html, { fragment: true }));
}

/** What a link to the anchor says: 第三条, 三、重点任务, 附件2. */
export function anchorName({ label, title }: Pick<BodyAnchor, 'label' | 'title'>): string {
  return `${label}${title}`;
}
