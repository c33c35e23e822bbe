/**
 * The signature (署名 and 成文日期, GB/T 9704 §7.3.5): the issuing organ's name on one line (or
 * joint issuers on one or more lines), then the date on its own line, in Arabic figures or
 * Chinese numerals. A decree is signed by the head of government instead ("总理　李克强").
 */
import { normalizeParagraph } from '../domain/cjk-text';
import { dateLine, isOfficialSignature, organNames } from './line-kinds';
import type { SourceLine } from './text-lines';

export interface Signature {
  /** Index of the first issuer line, and of the line after the date. */
  start: number;
  end: number;
  /** The printed lines, normalised: issuer line(s), then the date. */
  lines: string[];
  /** 成文日期, ISO. */
  date: string;
}

/** Joint issuers sign on up to this many lines. */
const MAX_ISSUER_LINES = 4;

/**
 * Finds the first signature in `lines[from..to)`: a date line right after organ-name lines.
 * The signing names must be among the document's issuers, so that a date in the body after
 * a department's name is not taken for the signature; failing that, any organ's name will do
 * (`signedByIssuers` tells which).
 */
export function findSignature(
  lines: readonly SourceLine[],
  from: number,
  to: number,
  issuers: readonly string[],
): (Signature & { signedByIssuers: boolean }) | null {
  const signature = findSignatureOf(lines, from, to, new Set(issuers.map(normalizeParagraph)));
  if (signature) return { ...signature, signedByIssuers: true };
  const anyOrgan = findSignatureOf(lines, from, to, new Set());
  if (anyOrgan) return { ...anyOrgan, signedByIssuers: false };
  const sealed = sealedDate(lines, from, to);
  return sealed ? { ...sealed, signedByIssuers: true } : null;
}

/**
 * A document sealed rather than signed prints the date alone under its text (GB/T 9704 §7.3.5.1:
 * the seal stands for the issuer's name, which web and gazette reprints then leave out): the
 * first line that is a whole date, right after a line that ends a sentence.
 */
function sealedDate(lines: readonly SourceLine[], from: number, to: number): Signature | null {
  for (let index = from + 1; index < to; index++) {
    const date = dateLine(lines[index]!.text);
    if (!date) continue;
    return /[。！？]$/u.test(lines[index - 1]!.text.trim()) || afterAttachmentNote(lines, from, index)
      ? { start: index, end: index + 1, lines: [normalizeParagraph(lines[index]!.text)], date }
      : null;
  }
  return null;
}

/** An 附件说明 wraps over this many lines at most before the signature. */
const MAX_NOTE_LINES = 3;
const ATTACHMENT_NOTE = /^[\s\u3000]*附件\s*(?:[：:]|\d)/u;

/**
 * Whether the lines before `index` are an 附件说明 (附件：…), which comes between the text and the
 * signature (GB/T 9704 §7.3.4) and ends without a full stop.
 */
function afterAttachmentNote(lines: readonly SourceLine[], from: number, index: number): boolean {
  for (let note = index - 1; note >= Math.max(from, index - MAX_NOTE_LINES); note--) {
    if (note < index - 1 && /[。！？；]$/u.test(lines[note]!.text.trim())) return false;
    if (ATTACHMENT_NOTE.test(lines[note]!.text)) return true;
  }
  return false;
}

function findSignatureOf(
  lines: readonly SourceLine[],
  from: number,
  to: number,
  known: ReadonlySet<string>,
): Signature | null {
  for (let index = from + 1; index < to; index++) {
    const date = dateLine(lines[index]!.text);
    if (!date) continue;
    let start = index;
    while (start > from && index - start < MAX_ISSUER_LINES) {
      const names = organNames(lines[start - 1]!.text);
      if (!names || (known.size > 0 && !names.every((name) => known.has(name)))) break;
      start--;
    }
    if (start === index && index - 1 >= from && isOfficialSignature(lines[index - 1]!.text)) {
      return {
        start: index - 1,
        end: index + 1,
        lines: [spaced(lines[index - 1]!.text), normalizeParagraph(lines[index]!.text)],
        date,
      };
    }
    if (start === index) continue;
    return {
      start,
      end: index + 1,
      lines: [...lines.slice(start, index).map(({ text }) => spaced(text)), normalizeParagraph(lines[index]!.text)],
      date,
    };
  }
  return null;
}

/** Names printed side by side keep one full-width space between them (joint issuers, 总理　李克强). */
function spaced(text: string): string {
  return text
    .trim()
    .split(/[\s\u3000]+/u)
    .map(normalizeParagraph)
    .join('\u3000');
}
