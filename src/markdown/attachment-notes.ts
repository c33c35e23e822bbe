/**
 * The 附件说明 of a body: the paragraph that names a document's attachments under its text
 * (附件：任务清单 / 附件1：… / 附件：1．…), and the numbered lines that follow it for further
 * attachments (2．…), as the importer writes them, one paragraph each.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { parseNumeral } from './chinese-numeral';

export interface AttachmentNote {
  paragraph: Element;
  /** The attachment's number (附件2：…, 附件：2．…, 2．…); null when a lone 附件 names one. */
  number: number | null;
  /** The title as the note prints it. */
  title: string;
}

const NOTE =
  /^附[\s\u3000]*件[\s\u3000]*(?:([0-9０-９]{1,2})(?![0-9０-９])[\s\u3000]*[:：.．、]?|[:：])[\s\u3000]*(\S.*)$/su;
const NUMBERED = /^([0-9０-９]{1,2})[\s\u3000]*[.．、][\s\u3000]*(\S.*)$/su;

function numbered(text: string): { number: number; title: string } | null {
  const match = NUMBERED.exec(text);
  const number = match ? parseNumeral(match[1]!) : null;
  return match && number !== null ? { number, title: match[2]!.trim() } : null;
}

/** A paragraph's text, as the notes are read from it. */
export function noteText(paragraph: Element): string {
  return toText(paragraph).trim();
}

/**
 * The body's attachment notes, in order; only paragraphs at the top of the body count.
 * `textOf` gives a paragraph's text (noteText), for a caller that reads the texts anyway.
 */
export function attachmentNotes(tree: Root, textOf: (paragraph: Element) => string = noteText): AttachmentNote[] {
  const notes: AttachmentNote[] = [];
  let expected: number | null = null;
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    if (node.tagName !== 'p') {
      expected = null;
      continue;
    }
    const text = textOf(node);
    const note = NOTE.exec(text);
    const next: { number: number; title: string } | null = expected === null ? null : numbered(text);
    if (next && next.number === expected) {
      notes.push({ paragraph: node, ...next });
      expected = next.number + 1;
    } else if (note) {
      const labelled = note[1] ? parseNumeral(note[1]) : null;
      const inner = labelled === null ? numbered(note[2]!) : null;
      const number = labelled ?? inner?.number ?? null;
      notes.push({ paragraph: node, number, title: inner?.title ?? note[2]!.trim() });
      expected = number === null ? null : number + 1;
    } else {
      expected = null;
    }
  }
  return notes;
}
