/**
 * Links each line of the 附件说明 (附件：任务清单, 附件1：…, 2．…) to the attachment it names
 * in the body: the heading printing that title, else the 附件 label with that number (附件2),
 * else the body's only 附件. A note naming no attachment printed in the body stays text, with
 * a warning on the VFile (the gazette may have printed the attachment elsewhere).
 */
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { attachmentNotes, type AttachmentNote } from './attachment-notes';
import { anchorName, anchorsOfTree, type BodyAnchor } from './body-anchors';

/** Titles compare without spaces, book-title marks and end punctuation, as notes and headings vary in them. */
function comparable(title: string): string {
  return title.replace(/[\s\u3000《》〈〉"“”]/gu, '').replace(/[。.；;]$/u, '');
}

function targetOf(note: AttachmentNote, anchors: readonly BodyAnchor[]): BodyAnchor | undefined {
  const title = comparable(note.title);
  const labels = anchors.filter((anchor) => anchor.kind === 'fujian');
  return (
    anchors.find((anchor) => anchor.kind !== 'fujian' && comparable(anchorName(anchor)) === title) ??
    labels.find((anchor) => note.number !== null && anchor.id.endsWith(`fujian-${note.number}`)) ??
    (labels.length === 1 ? labels[0] : undefined)
  );
}

function link(id: string, children: ElementContent[]): Element {
  return { type: 'element', tagName: 'a', properties: { href: `#${id}` }, children };
}

/** The title inside the paragraph as a link; the whole line when the title is not one text. */
function linkTitle(paragraph: Element, note: AttachmentNote, id: string): void {
  const { children } = paragraph;
  if (children.some((child) => child.type === 'element' && child.tagName === 'a')) return;
  const only = children.length === 1 ? children[0] : undefined;
  const at = only?.type === 'text' ? only.value.lastIndexOf(note.title) : -1;
  if (only?.type !== 'text' || at < 0) {
    paragraph.children = [link(id, children)];
    return;
  }
  const before = only.value.slice(0, at);
  const after = only.value.slice(at + note.title.length);
  paragraph.children = [
    ...(before ? [{ type: 'text' as const, value: before }] : []),
    link(id, [{ type: 'text', value: note.title }]),
    ...(after ? [{ type: 'text' as const, value: after }] : []),
  ];
}

export default function rehypeAttachmentLinks() {
  return (tree: Root, file: VFile) => {
    const notes = file.data.attachmentNotes ?? attachmentNotes(tree);
    if (notes.length === 0) return;
    const anchors = file.data.anchors ?? anchorsOfTree(tree);
    for (const note of notes) {
      const target = targetOf(note, anchors);
      if (target) linkTitle(note.paragraph, note, target.id);
      else
        file.message(
          `the 附件说明 names “${note.title}”, which is not printed in this body: left unlinked`,
          note.paragraph,
        );
    }
  };
}
