/**
 * A document's outline (目录): the entries DocumentOutline.astro lists, made from the body's
 * anchors (src/markdown/body-anchors.ts). Chapters, headings and the 一、（一） heads make the
 * outline; articles (第N条) only when there is nothing else to list, since a regulation's
 * chapters are what a reader scans for, and 1. heads never (too fine for an outline). A head
 * without a title (一、按照《规定》……) is listed with the start of its text.
 */
import type { BodyAnchor } from '../markdown/body-anchors';
import { anchorName } from '../markdown/body-anchors';

export interface OutlineEntry {
  id: string;
  text: string;
  /** Indentation, 0 for the outline's highest rank. */
  level: number;
}

/** Fewer heads than this are no outline: the document is short enough to scan. */
export const MIN_OUTLINE_ENTRIES = 3;

export function documentOutline(anchors: readonly BodyAnchor[]): OutlineEntry[] {
  const heads = anchors.filter((anchor) => anchor.kind !== 'tiao' && anchor.kind !== 'mu');
  const listed = heads.length >= MIN_OUTLINE_ENTRIES ? heads : anchors.filter((anchor) => anchor.kind !== 'mu');
  if (listed.length < MIN_OUTLINE_ENTRIES) return [];
  const top = Math.min(...listed.map((anchor) => anchor.level));
  return listed.map((anchor) => ({
    id: anchor.id,
    text: anchor.title || !anchor.excerpt ? anchorName(anchor) : `${anchor.label}${anchor.excerpt}`,
    level: anchor.level - top,
  }));
}
