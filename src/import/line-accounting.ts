/**
 * Text accounting: where every non-blank input line went. Each line ends up in exactly one
 * place: the issue's metadata (cover and TOC), the 简介 page, a written document (its head
 * or its body), the drop list (running headers, page numbers: layout, not text), or, when
 * the importer could not place it, the unplaced list. A document with unplaced lines is not
 * written, so that no file is ever written with part of its text missing.
 */

export interface AccountedLine {
  /** 1-based input line. */
  line: number;
  text: string;
  /** Why the line was dropped or could not be placed. */
  reason: string;
}

export interface LineAccounting {
  /** Non-blank input lines. */
  total: number;
  /** Cover and TOC lines (issue.yaml). */
  issue: number;
  /** Lines of the 简介 page (gazette.yaml). */
  about: number;
  /** Lines in the written documents (frontmatter or body). */
  documents: number;
  /** Running headers and page numbers, dropped as layout. */
  dropped: AccountedLine[];
  /** Lines in no written document: the import fails while there are any. */
  unplaced: AccountedLine[];
}

export type Place = 'issue' | 'about' | 'document' | { dropped: string } | { unplaced: string };

/** Collects the place of each line; a line placed twice keeps its first place. */
export class LineLedger {
  private readonly places = new Map<number, Place>();

  constructor(private readonly texts: ReadonlyMap<number, string>) {}

  place(line: number, place: Place): void {
    if (!this.places.has(line)) this.places.set(line, place);
  }

  /** The accounting; lines never placed count as unplaced. */
  accounting(): LineAccounting {
    const result: LineAccounting = {
      total: this.texts.size,
      issue: 0,
      about: 0,
      documents: 0,
      dropped: [],
      unplaced: [],
    };
    for (const [line, text] of [...this.texts].sort(([a], [b]) => a - b)) {
      const place = this.places.get(line) ?? { unplaced: 'the importer did not read this line' };
      if (place === 'issue') result.issue++;
      else if (place === 'about') result.about++;
      else if (place === 'document') result.documents++;
      else if ('dropped' in place) result.dropped.push({ line, text, reason: place.dropped });
      else result.unplaced.push({ line, text, reason: place.unplaced });
    }
    return result;
  }
}

/** The non-blank lines of the input by line number, as `readSourceText` numbers them. */
export function inputLines(text: string): Map<number, string> {
  const lines = new Map<number, string>();
  text
    .replace(/^\ufeff/u, '')
    .split(/\r\n|\r|\n/u)
    .forEach((raw, index) => {
      const trimmed = raw.replace(/\f/gu, ' ').trim();
      if (trimmed !== '') lines.set(index + 1, trimmed);
    });
  return lines;
}
