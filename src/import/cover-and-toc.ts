/**
 * The front of an issue: the cover (gazette name, romanised name, year, 第N期（总第N期）) and
 * the table of contents (目录): 【section】 headings and entries "title (number) … (page)",
 * where a long entry wraps over two or three lines.
 */
import { joinPageBrokenLines, normalizeCjkSpacing, normalizeParagraph } from '../domain/cjk-text';
import { parseChineseDate, toIsoDate } from '../domain/dates';
import { ANNOUNCEMENT_NUMBER, decreeEntry, docNumberLine } from './line-kinds';
import type { Findings } from './report';
import type { SourceLine } from './text-lines';

export interface Cover {
  name?: string;
  romanizedName?: string;
  year?: number;
  number?: number;
  cumulative?: number;
  published?: string;
}

export interface TocEntry {
  /** Absent when the TOC prints no section headings (the issue is not divided into sections). */
  section?: string;
  /** As printed in the TOC, normalised. */
  title: string;
  /** Canonical 发文字号, when the entry gives one. */
  number?: string;
  page: number;
  /** Input lines of the entry. */
  line: number;
  endLine: number;
}

export interface CoverAndToc {
  cover: Cover;
  /** Empty when the TOC prints only entries. */
  sections: string[];
  entries: TocEntry[];
  /** Index (into the lines given) of the first line after the TOC. */
  end: number;
  /** The 目录 line. */
  tocLine: number;
}

/** 目录, or 本期目录 on covers that name the issue's contents so. */
const TOC_HEADING = /^(?:本期)?目录$/u;
const SECTION = /^[【[]\s*(.+?)\s*[】\]]$/u;
/** A wrapped entry takes at most this many lines; more lines without a page end the TOC. */
const MAX_ENTRY_LINES = 3;

// The page at the end of an entry: after a tab, a dot leader or a wide gap, "(12)" or "12";
// "(12)" may also follow the title directly.
// An ellipsis (…) is a leader even alone; dots only when repeated (2020·2 is an issue).
const PAGE_AFTER_GAP =
  /^(.+?)(?:\t[\s.…·．]*|[ \u3000]*(?:[.…·．]{2,}|…)[ \u3000]*|[ \u3000]{2,})[（(]?\s*(\d{1,4})\s*[)）]?$/u;
const PAGE_IN_PARENTHESES = /^(.+?)[ \u3000]*[（(]\s*(\d{1,3})\s*[)）]$/u;
const NUMBER_IN_PARENTHESES = /[（(]\s*([^（()）]+?)\s*[)）]$/u;

/** A section heading printed without 【】 is short and has no page. */
const MAX_PLAIN_SECTION_LENGTH = 10;

/**
 * A section heading printed without brackets ("国务院文件", "人事任免"): a short line with no
 * page, no 关于, followed by an entry that is complete without it, on one line or two (a
 * title's first line is followed by the rest of the title, which is not).
 */
function plainSection(lines: readonly SourceLine[], index: number): [string, string] | null {
  const text = normalizeParagraph(lines[index]!.text).replace(/\u3000/gu, '');
  if (Array.from(text).length > MAX_PLAIN_SECTION_LENGTH || text.includes('关于') || /[\p{P}\d]/u.test(text))
    return null;
  if (parseTocEntry(lines[index]!.text) !== null) return null;
  const next = lines.slice(index + 1, index + 3);
  const entryFollows =
    (next.length > 0 && pageFirstEntry(lines, index + 1) !== null) ||
    [1, 2].some(
      (count) =>
        next.length >= count &&
        parseTocEntry(
          next
            .slice(0, count)
            .map(({ text: part }) => part)
            .reduce(joinPageBrokenLines),
        ) !== null,
    );
  return entryFollows ? [text, text] : null;
}

/** Parses one (joined) TOC entry; null when it does not end with a page. */
export function parseTocEntry(text: string): { title: string; number?: string; page: number } | null {
  const match = PAGE_AFTER_GAP.exec(text.trim()) ?? PAGE_IN_PARENTHESES.exec(text.trim());
  return match ? entryOf(match[1]!, Number(match[2])) : null;
}

/** The title and number of an entry whose page has been read. */
function entryOf(printed: string, page: number): { title: string; number?: string; page: number } | null {
  let title = printed.trim();
  let number: string | undefined;
  const bracketed = NUMBER_IN_PARENTHESES.exec(title);
  const inBrackets = bracketed ? docNumberLine(bracketed[1]!) : null;
  if (bracketed && inBrackets) {
    number = inBrackets;
    title = title.slice(0, bracketed.index).trim();
  } else if (bracketed && ANNOUNCEMENT_NUMBER.test(bracketed[1]!.replace(/\s+/gu, ''))) {
    // A 公告's number (国家税务总局公告2019年第1号, 2019年第1号) is printed under its title, not in it; the body keeps it.
    title = title.slice(0, bracketed.index).trim();
  } else {
    // A number after a space ("…的决定  淄政发〔2020〕3 号"), which may itself hold spaces.
    for (const gap of title.matchAll(/[ \u3000]+/gu)) {
      const after = docNumberLine(title.slice(gap.index + gap[0].length));
      if (after) {
        number = after;
        title = title.slice(0, gap.index);
        break;
      }
    }
  }
  title = normalizeParagraph(title);
  if (title === '') return null;
  // A decree listed by its name and number, then what it promulgates.
  const decree = number === undefined ? decreeEntry(title) : null;
  if (decree) ({ number, title } = decree);
  return number ? { title, number, page } : { title, page };
}

/**
 * Some gazettes print the page before the title ("1　上海市人民政府印发《…》"), a long title
 * wrapping under a hanging indent. Such an entry runs on over the lines after it on the same
 * TOC page that are no entry or section of their own; on text without page breaks only
 * over indented lines, since nothing else tells where the TOC ends.
 */
const PAGE_FIRST = /^[（(]?(\d{1,4})[)）]?[ \u3000\t]+(\S.*)$/u;

function pageFirstEntry(
  lines: readonly SourceLine[],
  index: number,
): { entry: NonNullable<ReturnType<typeof entryOf>>; last: number } | null {
  const first = lines[index]!;
  const match = PAGE_FIRST.exec(first.text.trim());
  if (!match || parseTocEntry(first.text) !== null) return null;
  const paged = lines.some(({ sheet }) => sheet !== first.sheet);
  let last = index;
  let title = match[2]!;
  while (last + 1 < lines.length && last - index + 1 < MAX_ENTRY_LINES) {
    const next = lines[last + 1]!;
    const own =
      PAGE_FIRST.test(next.text.trim()) ||
      SECTION.test(normalizeCjkSpacing(next.text)) ||
      docNumberLine(next.text) !== null;
    if (own || next.sheet !== first.sheet || (!paged && !/^[\s\u3000]/u.test(next.text))) break;
    title = joinPageBrokenLines(title, next.text);
    last++;
  }
  const entry = entryOf(title, Number(match[1]));
  return entry ? { entry, last } : null;
}

function parseCover(lines: SourceLine[], findings: Findings): Cover {
  const cover: Cover = {};
  const romanized: string[] = [];
  let previousWasName = false;
  for (const { text, line } of lines) {
    const compact = normalizeCjkSpacing(text);
    // 第7期（总第232期）; national gazettes count in 号: 第5号（总号：1650）.
    const issue = /第(\d+)[期号]/u.exec(compact);
    const cumulative = /总第(\d+)[期号]|总号[：:]?(\d+)/u.exec(compact);
    const year = /^(\d{4})年?(?:第\d+期)?/u.exec(compact);
    const published = /^(.+日)出版$/u.exec(compact);
    let known = false;
    if (/^[A-Z][A-Z '’.-]*$/u.test(compact)) {
      romanized.push(compact);
      known = true;
    }
    if (year) {
      cover.year = Number(year[1]);
      known = true;
    }
    if (issue && (!cumulative || issue.index !== cumulative.index + 1)) {
      cover.number = Number(issue[1]);
      known = true;
    }
    if (cumulative) {
      cover.cumulative = Number(cumulative[1] ?? cumulative[2]);
      known = true;
    }
    const publishedDate = published ? parseChineseDate(published[1]!) : null;
    if (publishedDate) {
      cover.published = toIsoDate(publishedDate);
      known = true;
    }
    // The name may be printed over two lines (中华人民共和国 / 国务院公报) before anything else.
    const nameContinues = cover.name !== undefined && previousWasName && !cover.name.endsWith('公报');
    if (!known && (cover.name === undefined || nameContinues) && /[\u3400-\u9fff]/u.test(compact)) {
      cover.name = `${cover.name ?? ''}${normalizeParagraph(compact)}`;
      known = true;
      previousWasName = true;
      continue;
    }
    previousWasName = false;
    if (!known) findings.warn(`ignored a line on the cover: "${text.trim()}"`, line);
  }
  if (romanized.length > 0) cover.romanizedName = romanized.join(' ');
  return cover;
}

/**
 * Reads the cover and the TOC from the start of the issue. Returns null (with an error) when
 * there is no 目录 line.
 */
export function parseCoverAndToc(lines: SourceLine[], findings: Findings): CoverAndToc | null {
  const tocIndex = lines.findIndex(({ text }) => TOC_HEADING.test(text.replace(/[\s\u3000]+/gu, '')));
  if (tocIndex === -1) {
    findings.error('no table of contents: the importer needs the 目录 line and its entries to find the documents');
    return null;
  }
  const cover = parseCover(lines.slice(0, tocIndex), findings);
  const sections: string[] = [];
  const entries: TocEntry[] = [];
  let section: string | undefined;
  let pending: SourceLine[] = [];
  let entriesRead = 0;
  let index = tocIndex + 1;
  for (; index < lines.length; index++) {
    const current = lines[index]!;
    const heading = SECTION.exec(normalizeCjkSpacing(current.text)) ?? plainSection(lines, index);
    if (heading && pending.length === 0) {
      section = normalizeParagraph(heading[1]!);
      if (!sections.includes(section)) sections.push(section);
      continue;
    }
    // A document's number line means the documents have begun (a TOC entry never ends with
    // a bare number).
    if (docNumberLine(current.text)) break;
    const pageFirst = pending.length === 0 ? pageFirstEntry(lines, index) : null;
    if (pageFirst) index = pageFirst.last;
    pending.push(...(pageFirst ? lines.slice(lines.indexOf(current), pageFirst.last + 1) : [current]));
    const entry = pageFirst?.entry ?? parseTocEntry(pending.map(({ text }) => text).reduce(joinPageBrokenLines));
    if (entry) {
      entriesRead++;
      entries.push({
        ...(section === undefined ? {} : { section }),
        ...entry,
        line: pending[0]!.line,
        endLine: pending.at(-1)!.line,
      });
      pending = [];
      continue;
    }
    if (pending.length > MAX_ENTRY_LINES) break;
  }
  const end = pending.length > 0 ? lines.indexOf(pending[0]!) : index;
  // A TOC without section headings gives an issue without sections; entries before the first
  // heading of a TOC that has them belong to none.
  const unsectioned = sections.length > 0 ? entries.filter((entry) => entry.section === undefined) : [];
  for (const entry of unsectioned) {
    findings.error(
      'a TOC entry before the first 【section】 heading, in a TOC divided into sections: every document needs a section',
      entry.line,
      entry.endLine,
    );
  }
  if (unsectioned.length > 0)
    entries.splice(0, entries.length, ...entries.filter((entry) => entry.section !== undefined));
  if (entriesRead === 0)
    findings.error('the table of contents (目录) lists no entries "title (page)"', lines[tocIndex]!.line);
  return { cover, sections, entries, end, tocLine: lines[tocIndex]!.line };
}
