/**
 * Gives every heading, article (第N条), chapter (第N章), section (第N节) and numbered head
 * (一、 （一） 1.) of a body an id made from its number, so that a link to 第三条 survives
 * re-imports and edits elsewhere in the text (README, "Permalinks"):
 *
 *   第二章 → zhang-2      第一节 in it → zhang-2-jie-1      第三条 → tiao-3
 *   三、 → bufen-3        （二） under it → bufen-3-xiang-2   1. under that → bufen-3-xiang-2-mu-1
 *   （一） or 一、 of 第三条 → tiao-3-xiang-1, tiao-3-bufen-1  附件 / 附件2 → fujian / fujian-2
 *   a heading without a number → its text (github-slugger, as Astro would slug it)
 *
 * Numbered heads inside a chapter carry the chapter (zhang-2-bufen-1), since their numbering
 * starts again in each. An id already given (a second text in the body numbering from 一、
 * again, an attachment with its own 第一条) is qualified by the attachment it is in
 * (fujian-2-tiao-1), else numbered on (bufen-1-2). The element is marked with its kind
 * (data-anchor) for body-anchors.ts; the anchors are reported on the VFile as `data.anchors`.
 */
import type { Element, Root } from 'hast';
import { slug } from 'github-slugger';
import type { VFile } from 'vfile';
import { attachmentNotes, noteText, type AttachmentNote } from './attachment-notes';
import { ANCHOR_KIND, describeAnchor, isHeading, type BodyAnchor } from './body-anchors';
import { headNumberOf, type HeadKind, type HeadNumber } from './head-number';

declare module 'vfile' {
  interface DataMap {
    /** The body's anchors (src/markdown/body-anchors.ts), set by rehype-stable-ids. */
    anchors: BodyAnchor[];
    /** The body's 附件说明 (src/markdown/attachment-notes.ts), set by rehype-stable-ids. */
    attachmentNotes: AttachmentNote[];
  }
}

/** The open numbered heads above the current one, by kind. */
type Open = Partial<Record<HeadKind, string>>;

/** Which open heads a head of each kind is numbered under, innermost first. */
const PARENTS: Record<HeadKind, HeadKind[]> = {
  fujian: [],
  zhang: [],
  jie: ['zhang'],
  tiao: [],
  bufen: ['tiao', 'jie', 'zhang'],
  xiang: ['bufen', 'tiao', 'jie', 'zhang'],
  mu: ['xiang', 'bufen', 'tiao', 'jie', 'zhang'],
};
/** The heads a head of each kind closes. */
const CLOSES: Record<HeadKind, HeadKind[]> = {
  fujian: ['zhang', 'jie', 'tiao', 'bufen', 'xiang', 'mu'],
  zhang: ['jie', 'tiao', 'bufen', 'xiang', 'mu'],
  jie: ['tiao', 'bufen', 'xiang', 'mu'],
  tiao: ['bufen', 'xiang', 'mu'],
  bufen: ['xiang', 'mu'],
  xiang: ['mu'],
  mu: [],
};

export default function rehypeStableIds() {
  return (tree: Root, file: VFile) => {
    // Every paragraph's text is read twice (for the notes and for its number): once is enough.
    const texts = new Map<Element, string>();
    const textOf = (element: Element): string => {
      let text = texts.get(element);
      if (text === undefined) {
        text = noteText(element);
        texts.set(element, text);
      }
      return text;
    };
    file.data.attachmentNotes = attachmentNotes(tree, textOf);
    const notes = new Set(file.data.attachmentNotes.map((note) => note.paragraph));
    const used = new Set<string>();
    let open: Open = {};
    let attachment: string | undefined;

    const unique = (id: string): string => {
      let candidate = id;
      if (used.has(candidate) && attachment && !candidate.startsWith(`${attachment}-`))
        candidate = `${attachment}-${id}`;
      for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
      used.add(candidate);
      return candidate;
    };
    const anchors: BodyAnchor[] = [];
    const mark = (element: Element, id: string, text: string, number: HeadNumber | null) => {
      element.properties.id = id;
      element.properties[ANCHOR_KIND] = number?.kind ?? 'heading';
      anchors.push(describeAnchor(id, element, text, number));
    };

    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const heading = isHeading(node);
      if (!heading && (node.tagName !== 'p' || notes.has(node))) continue;
      const text = textOf(node);
      const number = headNumberOf(text, { heading });
      if (number?.kind === 'fujian') {
        attachment = unique(number.number === null ? 'fujian' : `fujian-${number.number}`);
        open = {};
        mark(node, attachment, text, number);
      } else if (number) {
        // Articles are paragraphs: a numbered heading after one is not part of it.
        if (heading && number.kind !== 'zhang' && number.kind !== 'jie') delete open.tiao;
        const parent = PARENTS[number.kind].map((kind) => open[kind]).find(Boolean);
        const id = unique(`${parent ? `${parent}-` : ''}${number.kind}-${number.number}`);
        for (const kind of CLOSES[number.kind]) delete open[kind];
        open[number.kind] = id;
        mark(node, id, text, number);
      } else if (heading) {
        // A heading without a number starts a new text (the attached rules after a notice).
        open = {};
        mark(node, unique(slug(text) || 'biaoti'), text, null);
      }
    }
    file.data.anchors = anchors;
  };
}
