/**
 * A document's head (版头 as a gazette reprints it): the issuing organ, the title (possibly on
 * several lines, possibly on the issuer's line: "淄博市人民政府办公室 关于印发…的通知"), the
 * 发文字号 line and the 主送机关 line ending in a colon.
 *
 * The title printed in the TOC says where the head starts: the lines before the number line
 * are taken back until they read as the TOC's title, with the issuer before it. Without a
 * match the title is taken from "关于", or after an organ-name line.
 */
import { joinPageBrokenLines, normalizeParagraph } from '../domain/cjk-text';
import {
  ANNOUNCEMENT_NUMBER,
  dateLine,
  endsParagraph,
  organNames,
  splitOfficialTitle,
  splitTopLevel,
  titleKey,
  type DecreeHead,
} from './line-kinds';
import type { Findings } from './report';
import { isTableLine } from './table';
import type { SourceLine } from './text-lines';

export interface DocumentHead {
  /** Index of the head's first line. */
  start: number;
  issuers: string[];
  title: string;
  recipients: string[];
  /** Index of the first body line. */
  bodyStart: number;
  /** A decree (令): its printed number, which the TOC may give otherwise. */
  decree?: DecreeHead;
}

/** An issuer line and a title of up to four lines. */
const MAX_TITLE_LINES = 4;
/** A long 主送 list (every province and military region) wraps over several lines. */
const MAX_RECIPIENT_LINES = 6;
/** A 主送 line lists organs; a sentence ending in a colon ("…提出如下意见：") opens the body. */
const SENTENCE_OPENING = /^(?:为|根据|按照|依据|经|现|《|近日|今年)/u;

function joined(lines: readonly SourceLine[]): string {
  return lines.map(({ text }) => text).reduce(joinPageBrokenLines);
}

/** Where the title can start inside a line: at its start, after a space, at 关于. */
function cutPoints(text: string): number[] {
  const cuts = new Set([0]);
  for (const match of text.matchAll(/[\s\u3000]+/gu)) cuts.add(match.index + match[0].length);
  const about = text.indexOf('关于');
  if (about > 0) cuts.add(about);
  return [...cuts].sort((a, b) => a - b);
}

interface TitleSplit {
  start: number;
  issuers: string[];
  title: string;
}

/** Joint issuers may be printed over several lines above the title. */
const MAX_ISSUER_LINES = 3;

/** The issuers printed on the lines right above `first` (not before `regionStart`). */
function issuersAbove(
  lines: readonly SourceLine[],
  first: number,
  regionStart: number,
): { start: number; issuers: string[] } {
  let start = first;
  const issuers: string[] = [];
  while (start - 1 >= regionStart && first - start < MAX_ISSUER_LINES) {
    const names = organNames(lines[start - 1]!.text);
    if (!names) break;
    issuers.unshift(...names);
    start--;
  }
  return { start, issuers };
}

/**
 * Joint issuers printed side by side in front of the title, apart by spaces that normalising
 * the title took out ("鹤岗市人民政府   鹤岗市中级人民法院印发"): the names as printed, when the
 * one issuer read from the joined title is several organs' names on the line.
 */
function sideBySide(line: string, issuers: readonly string[]): string[] | null {
  if (issuers.length !== 1) return null;
  const wanted = Array.from(issuers[0]!).length;
  let prefix = '';
  let count = 0;
  for (const char of line.trim()) {
    if (count === wanted) break;
    prefix += char;
    if (!/[\s\u3000]/u.test(char)) count++;
  }
  const names = organNames(prefix);
  return names && names.length > 1 && names.join('') === issuers[0] ? names : null;
}

/**
 * Issuer and title when lines `[first, end)` read as an issuer followed by `title`: the issuer
 * before the title on its line, in front of the title (the full official title "国务院关于…"),
 * or on the lines above.
 */
function splitAt(
  lines: readonly SourceLine[],
  first: number,
  end: number,
  regionStart: number,
  matches: (title: string) => boolean,
): TitleSplit | null {
  const head = lines[first]!.text;
  for (const cut of cutPoints(head)) {
    const title = normalizeParagraph(
      joined([{ ...lines[first]!, text: head.slice(cut) }, ...lines.slice(first + 1, end)]),
    );
    if (!matches(title)) continue;
    const before = head.slice(0, cut).trim();
    if (before !== '') {
      const issuers = organNames(before);
      if (issuers) return { start: first, issuers, title };
      continue;
    }
    const above = issuersAbove(lines, first, regionStart);
    const official = splitOfficialTitle(title);
    if (official)
      return {
        start: above.start,
        issuers: sideBySide(head, official.issuers) ?? official.issuers,
        title: official.title,
      };
    return { start: above.start, issuers: above.issuers, title };
  }
  return null;
}

/**
 * Finds the issuer and title in the lines before `titleEnd` (the number line, or the line
 * after the title), not looking before `regionStart`.
 */
function locateTitle(
  lines: readonly SourceLine[],
  regionStart: number,
  titleEnd: number,
  tocTitle: string,
): TitleSplit | null {
  const lowest = Math.max(regionStart, titleEnd - MAX_TITLE_LINES);
  const key = titleKey(tocTitle);
  for (let first = titleEnd - 1; first >= lowest; first--) {
    const split = splitAt(lines, first, titleEnd, regionStart, (title) => titleKey(title) === key);
    if (split) return split;
  }
  // No line reads as the TOC's title: take the lines back to the previous sentence, table or
  // date, and the title from 关于 or after the issuer's line.
  let first = titleEnd - 1;
  while (
    first - 1 >= lowest &&
    !endsParagraph(lines[first - 1]!.text) &&
    !isTableLine(lines[first - 1]!.text) &&
    !dateLine(lines[first - 1]!.text)
  ) {
    first--;
  }
  for (let line = first; line < titleEnd; line++) {
    if (splitOfficialTitle(joined(lines.slice(line, titleEnd)))) {
      return splitAt(lines, line, titleEnd, first, (title) => splitOfficialTitle(title) !== null);
    }
    if (lines[line]!.text.includes('关于')) {
      return splitAt(lines, line, titleEnd, first, (title) => title.startsWith('关于'));
    }
  }
  const issuers = organNames(lines[first]!.text);
  if (issuers && first + 1 < titleEnd) {
    return { start: first, issuers, title: normalizeParagraph(joined(lines.slice(first + 1, titleEnd))) };
  }
  return null;
}

/** The 主送 line is printed flush left; an indented line is the body's first paragraph. */
const INDENTED_LINE = /^(?:\u3000{2}| {2})/u;

/** 主送机关 after the number line: up to six lines, the last ending in a colon. */
function recipientsAfter(
  lines: readonly SourceLine[],
  start: number,
  end: number,
): { recipients: string[]; end: number } {
  for (let last = start; last < Math.min(end, start + MAX_RECIPIENT_LINES); last++) {
    const text = lines[last]!.text.trim();
    if (INDENTED_LINE.test(lines[last]!.text) || ANNOUNCEMENT_NUMBER.test(normalizeParagraph(text))) break;
    // A line wholly in brackets under the title is its caption (题注: date, number), never 主送.
    if (/^[（(].*[)）]$/u.test(text)) break;
    if (!/[：:]$/u.test(text)) {
      // A list may break after a bracket (…中直和各省（区）), never after a sentence.
      if (/[。；！？;!?]$/u.test(text)) break;
      continue;
    }
    const list = normalizeParagraph(joined(lines.slice(start, last + 1))).replace(/：$/u, '');
    if (SENTENCE_OPENING.test(list) || /[。；]/u.test(list)) break;
    return { recipients: splitTopLevel(list), end: last + 1 };
  }
  return { recipients: [], end: start };
}

/**
 * Reads a document's head. `titleEnd` is the index of the number line (or of the line after
 * the title when the document has no number), `afterNumber` the line after it; the head is
 * not looked for before `regionStart`, nor the 主送 line after `documentEnd`.
 */
export function parseHead(
  lines: readonly SourceLine[],
  {
    regionStart,
    titleEnd,
    afterNumber,
    documentEnd,
    tocTitle,
    decree,
  }: {
    regionStart: number;
    titleEnd: number;
    afterNumber: number;
    documentEnd: number;
    tocTitle: string;
    decree?: DecreeHead;
  },
  findings: Findings,
): DocumentHead | null {
  // A decree's head is its order name and number: the TOC's title names what it promulgates,
  // without its issuer when that is a full official title (交通运输部关于修改…的决定).
  if (decree)
    return {
      start: titleEnd,
      issuers: [decree.issuer],
      title: titleKey(tocTitle),
      recipients: [],
      bodyStart: afterNumber,
      decree,
    };
  const split = locateTitle(lines, regionStart, titleEnd, tocTitle);
  if (!split) {
    findings.error(
      `cannot tell the issuer and the title of "${tocTitle}" in the lines before its number; expected an organ's name, then the title`,
      lines[Math.max(regionStart, titleEnd - MAX_TITLE_LINES)]!.line,
      lines[titleEnd - 1]!.line,
    );
    return null;
  }
  // A head may print the title alone (关于…), its issuer named only by the TOC's full official title.
  const official = splitOfficialTitle(tocTitle);
  const issuers =
    split.issuers.length === 0 && official && titleKey(official.title) === titleKey(split.title)
      ? official.issuers
      : split.issuers;
  if (issuers.length === 0) {
    findings.error(`no issuer (发文机关) found before the title "${split.title}"`, lines[split.start]!.line);
    return null;
  }
  if (titleKey(split.title) !== titleKey(tocTitle)) {
    findings.warn(
      `the title printed ("${split.title}") differs from the TOC entry ("${tocTitle}"); the printed one is used`,
      lines[split.start]!.line,
      lines[titleEnd - 1]!.line,
    );
  }
  const { recipients, end } = recipientsAfter(lines, afterNumber, documentEnd);
  return { start: split.start, issuers, title: split.title, recipients, bodyStart: end };
}
