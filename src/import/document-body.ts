/**
 * One document from its lines: the notice (主体) up to the signature, then what follows it: a
 * note such as （此件公开发布）, the document it issues or forwards (its title as a `##`
 * heading, for a forwarded one its issuers line as an :::issuers block) and the attachments
 * (`## 附件`, `### <title>`, then their text or table). Also the frontmatter facts the text
 * states: 有效期至 (expires) and the numbers it repeals (…同时废止).
 */
import { joinPageBrokenLines, normalizeCjkSpacing, normalizeParagraph } from '../domain/cjk-text';
import { parseChineseDate, toIsoDate } from '../domain/dates';
import { deriveDocumentType } from '../domain/doc-type';
import { findDocNumbers } from '../domain/doc-number';
import type { DocumentFrontmatterInput } from '../content/schema';
import type { DocumentSpan } from './document-split';
import { chineseZero, decreeEntry, organNames, SENTENCE_PUNCTUATION, splitTopLevel } from './line-kinds';
import { ATTACHMENT_NOTE, buildBlocks, type Block } from './paragraphs';
import { isTableLine } from './table';
import type { Findings } from './report';
import { findSignature } from './signature';
import type { SourceLine } from './text-lines';

/** Lines `[start, end)` of a document that the importer could not place in it, and why. */
export interface UnplacedRange {
  start: number;
  end: number;
  reason: string;
}

export interface ParsedDocument {
  frontmatter: DocumentFrontmatterInput;
  blocks: Block[];
  /** Input line of the head, for reports. */
  line: number;
  /** Lines of the document's span left out of its blocks: a document with any is not written. */
  unplaced: UnplacedRange[];
}

/** An attachment's label on a line of its own: 附件, 附件1, 附件1., 附件2：, and the older 附： */
const ATTACHMENT_LABEL = /^附\s*(?:件\s*(\d*)\s*[.．:：]?|[:：])$/u;
/** An attachment's printed title is one line without sentence punctuation, at most this long. */
const MAX_ATTACHMENT_TITLE_LENGTH = 60;
const NUMBERED = /^\d{1,2}\s*[.．、]\s*/u;
/** A short bracketed line under a title, part of it: （2019年11月修订）, （试行）. */
const TITLE_QUALIFIER = /^[（(][^（()）。，；：]{1,16}[)）]$/u;
/** A note printed in brackets after the signature: （此件公开发布）. */
const BRACKETED_NOTE = /^[（(][^（()）]+[)）]$/u;
const FORWARDING = /转发|批转/u;
const ISSUING = /印发|转发|批转|发布/u;
const EXPIRES =
  /有效期至(\d{4}年\d{1,2}月\d{1,2}日|[〇零ＯO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)/u;

interface Attachment {
  /** Absent when the label is followed by the text (or a table) at once. */
  title?: string;
  /** The label printed before the title ("附件2"), when there is one. */
  label?: string;
  /** Index of its first line (label or title) and of its first content line. */
  start: number;
  contentStart: number;
}

/** Titles named by the 附件说明 lines ("附件：1．…", "2．…"), in order, with their line index. */
function attachmentTitles(
  lines: readonly SourceLine[],
  from: number,
  to: number,
): { titles: string[]; noteIndex: number } {
  const titles: string[] = [];
  let noteIndex = -1;
  for (let index = from; index < to; index++) {
    const text = normalizeCjkSpacing(lines[index]!.text);
    const note = ATTACHMENT_NOTE.exec(text);
    if (note && noteIndex === -1) {
      noteIndex = index;
      titles.push(normalizeParagraph(note[1]!.replace(NUMBERED, '')));
    } else if (noteIndex !== -1 && index === noteIndex + titles.length && NUMBERED.test(text)) {
      titles.push(normalizeParagraph(text.replace(NUMBERED, '')));
    }
  }
  return { titles, noteIndex };
}

/** The title printed after an attachment's label: the 附件说明's when it reads so, else the next line. */
function labelledTitle(
  lines: readonly SourceLine[],
  at: number,
  to: number,
  titles: readonly string[],
): { title?: string; end: number } {
  let text = '';
  for (let end = at; end < Math.min(to, at + 3); end++) {
    text = end === at ? lines[end]!.text : joinPageBrokenLines(text, lines[end]!.text);
    if (titles.includes(normalizeParagraph(text))) return { title: normalizeParagraph(text), end: end + 1 };
  }
  const next = at < to ? normalizeParagraph(lines[at]!.text) : '';
  const readsAsTitle =
    next !== '' &&
    !SENTENCE_PUNCTUATION.test(next) &&
    !isTableLine(lines[at]!.text) &&
    Array.from(next).length <= MAX_ATTACHMENT_TITLE_LENGTH;
  return readsAsTitle ? { title: next, end: at + 1 } : { end: at };
}

/**
 * Attachments after their labels (附件1, 附件2：): each runs to the next label, whatever title
 * it prints (the 附件说明 may word it otherwise).
 */
function labelledAttachments(
  lines: readonly SourceLine[],
  from: number,
  to: number,
  titles: readonly string[],
): Attachment[] {
  const labels: { index: number }[] = [];
  for (let index = from; index < to; index++) {
    if (ATTACHMENT_LABEL.test(normalizeCjkSpacing(lines[index]!.text))) labels.push({ index });
  }
  return labels.map(({ index }, position) => {
    const { title, end } = labelledTitle(lines, index + 1, labels[position + 1]?.index ?? to, titles);
    // The label as printed (附件1., 附件2：), as the reader of the printed issue knows it.
    const label = normalizeParagraph(lines[index]!.text);
    return { ...(title === undefined ? {} : { title }), label, start: index, contentStart: end };
  });
}

/** Where each announced attachment starts: a 附件 label line and/or its title line(s). */
function locateAttachments(
  lines: readonly SourceLine[],
  { from, to, noteIndex }: { from: number; to: number; noteIndex: number },
  titles: readonly string[],
  findings: Findings,
): Attachment[] {
  const labelled = labelledAttachments(lines, from, to, titles);
  if (labelled.length > 0) return labelled;
  const attachments: Attachment[] = [];
  let cursor = from;
  for (const title of titles) {
    let found: Attachment | null = null;
    for (let index = cursor; index < to && !found; index++) {
      const label = ATTACHMENT_LABEL.exec(normalizeCjkSpacing(lines[index]!.text));
      const titleAt = label ? index + 1 : index;
      let text = '';
      for (let end = titleAt; end < Math.min(to, titleAt + 3); end++) {
        text = end === titleAt ? lines[end]!.text : joinPageBrokenLines(text, lines[end]!.text);
        if (normalizeParagraph(text) === title) {
          found = {
            title,
            start: index,
            contentStart: end + 1,
            ...(label ? { label: normalizeParagraph(lines[index]!.text) } : {}),
          };
          break;
        }
      }
    }
    if (!found) {
      findings.warn(
        `the attachment "${title}" named by the 附件说明 is not printed in this document`,
        lines[noteIndex]!.line,
      );
      continue;
    }
    attachments.push(found);
    cursor = found.contentStart;
  }
  return attachments;
}

interface Citation {
  title: string;
  /** The names listed right before the title (转发 市大数据局、市科协《title》). */
  names: string[];
}

/** The verb a notice hands a document on with comes before the names: 现将省…办公室《…》转发给你们. */
const HANDING_ON = /^(?:现将|现把|特将|兹将|并将)/u;

/** Titles the notice cites in 《》, with the names cited right before each. */
function citedTitles(blocks: readonly Block[]): Citation[] {
  const cited: Citation[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    for (const match of block.text.matchAll(/《([^《》]+)》/gu)) {
      const before = (
        block.text
          .slice(0, match.index)
          .split(/[，。；：]/u)
          .at(-1) ?? ''
      ).replace(HANDING_ON, '');
      cited.push({ title: match[1]!, names: splitTopLevel(before, '、') });
    }
  }
  return cited;
}

/**
 * The names on a forwarded document's issuers line: organs' names side by side, or names the
 * notice cites before the title (市科协 names no kind of organ, but the notice lists it). A
 * single organ's name counts only when cited: it could be a one-line paragraph.
 */
function issuersLine(text: string, cited: readonly string[]): string[] | null {
  const names = text
    .trim()
    .split(/[\s\u3000]+/u)
    .map(normalizeParagraph);
  const known = (name: string) => cited.includes(name) || organNames(name) !== null;
  if (!names.every(known)) return null;
  return names.length > 1 || cited.includes(names[0]!) ? names : null;
}

/**
 * What a 转发 notice forwards when the forwarded document is not printed after it: the title
 * the notice cites in 《》 after the organs' names ("国家发展改革委《关于…的指导意见》已经国务院
 * 同意，现转发给你们").
 */
function unprintedForward(title: string, notice: readonly Block[]): IssuedDocument['forwards'] {
  if (!FORWARDING.test(title)) return undefined;
  const cited = citedTitles(notice).find(
    ({ names }) => names.length > 0 && names.every((name) => organNames(name) !== null),
  );
  return cited ? { title: cited.title, issuers: cited.names } : undefined;
}

interface IssuedDocument {
  blocks: Block[];
  forwards?: { title: string; issuers: string[] };
  /** Index (into the lines given) of the first line left unread, when some are. */
  unread?: number;
}

/**
 * The lines after the signature, before any attachment: bracketed notes, then the document
 * the notice issues or forwards.
 */
function issuedDocument(
  lines: readonly SourceLine[],
  notice: { title: string; blocks: readonly Block[] },
  findings: Findings,
): IssuedDocument {
  const blocks: Block[] = [];
  let index = 0;
  // A 附件说明 printed under the signature, its attachment not printed in the issue, is a note too.
  const isNote = (text: string) =>
    BRACKETED_NOTE.test(normalizeParagraph(text)) || ATTACHMENT_NOTE.test(normalizeCjkSpacing(text));
  while (index < lines.length && isNote(lines[index]!.text)) {
    blocks.push({ kind: 'paragraph', text: normalizeParagraph(lines[index]!.text) });
    index++;
  }
  if (index === lines.length) return { blocks };
  const cited = citedTitles(notice.blocks);
  let title: { text: string; end: number; cited: string[] } | null = null;
  let text = '';
  for (let end = index; end < Math.min(lines.length, index + 3) && !title; end++) {
    text = end === index ? lines[end]!.text : joinPageBrokenLines(text, lines[end]!.text);
    // Cited in 《》, a title's own 《》 become 〈〉: 《实施〈中华人民共和国公司法〉的规定》.
    const printed = normalizeParagraph(text);
    const match = cited.find((citation) => citation.title.replace(/〈/gu, '《').replace(/〉/gu, '》') === printed);
    if (match) title = { text: printed, end: end + 1, cited: match.names };
  }
  // The notice may cite the title without the qualifier printed under it: 《清远市人民政府工作规则》
  // over 清远市人民政府工作规则 / （2019年11月修订）. A date there is a caption (题注), not the title's.
  const qualifier = title && title.end < lines.length ? normalizeParagraph(lines[title.end]!.text) : '';
  if (title && TITLE_QUALIFIER.test(qualifier) && !CAPTION.test(qualifier))
    title = { ...title, text: title.text + qualifier, end: title.end + 1 };
  if (!title) {
    const first = normalizeParagraph(lines[index]!.text);
    if (!ISSUING.test(notice.title) || SENTENCE_PUNCTUATION.test(first)) {
      findings.error(
        'text after the signature that is neither a note, an issued or forwarded document (its title cited in 《》 by the notice) nor an attachment',
        lines[index]!.line,
        lines.at(-1)!.line,
      );
      return { blocks, unread: index };
    }
    findings.warn(
      `took "${first}" for the title of the document this notice issues; the notice does not cite it in 《》`,
      lines[index]!.line,
    );
    title = { text: first, end: index + 1, cited: [] };
  }
  blocks.push({ kind: 'heading', depth: 2, text: title.text });
  index = title.end;
  const printedIssuers: string[] = [];
  while (index < lines.length) {
    const names = issuersLine(lines[index]!.text, title.cited);
    if (!names) break;
    printedIssuers.push(...names);
    index++;
  }
  if (printedIssuers.length > 0) blocks.push({ kind: 'issuers', names: printedIssuers });
  blocks.push(...buildBlocks(lines.slice(index), findings));
  // Unprinted, the forwarded document's issuers are the organs the notice names before its title.
  const issuers = printedIssuers.length > 0 ? printedIssuers : title.cited.filter((name) => organNames(name) !== null);
  if (!FORWARDING.test(notice.title)) return { blocks };
  if (issuers.length === 0) {
    findings.warn(
      `cannot tell who issued the forwarded document "${title.text}"; add forwards.issuers by hand`,
      lines[title.end - 1]!.line,
    );
    return { blocks };
  }
  return { blocks, forwards: { title: title.text, issuers } };
}

function statedFacts(blocks: readonly Block[]): { expires?: string; repeals: string[] } {
  let expires: string | undefined;
  const repeals: string[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    const validity = EXPIRES.exec(block.text);
    const date = validity ? parseChineseDate(validity[1]!) : null;
    if (date && expires === undefined) expires = toIsoDate(date);
    for (const sentence of block.text.split('。')) {
      const at = sentence.indexOf('废止');
      if (at === -1) continue;
      for (const number of findDocNumbers(sentence.slice(0, at))) {
        if (!repeals.includes(number.canonical)) repeals.push(number.canonical);
      }
    }
  }
  return expires === undefined ? { repeals } : { expires, repeals };
}

/** Parses one document. Returns null (with an error) when it has no signature to date it. */
/** How a government names itself or its office in its own heads: 区人民政府, 市政府办公厅. */
const SHORT_ISSUER = /^(?:省|市|区|县|州|自治区|自治州|自治县)(?:人民)?政府/u;

/**
 * The full names of issuers that the head names by their short form (区人民政府关于…), when the
 * signature prints them in full and in the same order (武汉市江夏区人民政府); else null.
 */
export function signedFullNames(issuers: readonly string[], signed: readonly string[]): string[] | null {
  if (issuers.length === 0 || signed.length !== issuers.length) return null;
  const full = issuers.every(
    (issuer, index) =>
      SHORT_ISSUER.test(issuer) && signed[index]!.length > issuer.length && signed[index]!.endsWith(issuer),
  );
  return full ? [...signed] : null;
}

const LEVELS = ['自治区', '自治州', '自治县', '省', '市', '区', '县', '州'];
const SHORT_GOVERNMENT = /^(自治区|自治州|自治县|省|市|区|县|州)(?:人民)?政府(.*)$/u;

/**
 * The full names of issuers named by their short form (省政府办公厅) in the gazette of their own
 * government (江苏省人民政府公报 → 江苏省人民政府办公厅); null when none is.
 */
export function gazetteFullNames(issuers: readonly string[], gazette: string | undefined): string[] | null {
  const government = /^(.+)人民政府公报$/u.exec((gazette ?? '').replace(/[\s\u3000]+/gu, ''))?.[1];
  const level = government === undefined ? undefined : LEVELS.find((suffix) => government.endsWith(suffix));
  if (government === undefined || level === undefined) return null;
  let expanded = false;
  const names = issuers.map((issuer) => {
    const short = SHORT_GOVERNMENT.exec(issuer);
    if (!short || short[1] !== level) return issuer;
    expanded = true;
    return `${government}人民政府${short[2]}`;
  });
  return expanded ? names : null;
}

/** `gazette` is the gazette's name as its cover prints it, for issuers it names by short forms. */
export function parseDocument(
  lines: readonly SourceLine[],
  parsedSpan: DocumentSpan,
  findings: Findings,
  gazette?: string,
): ParsedDocument | null {
  let span = parsedSpan;
  const { entry, end } = span;
  let { head } = span;
  const signature = findSignature(lines, head.bodyStart, end, head.issuers);
  const signedNames =
    signature && !signature.signedByIssuers ? signedFullNames(head.issuers, signature.lines.slice(0, -1)) : null;
  const fullNames = signedNames ?? gazetteFullNames(head.issuers, gazette);
  if (fullNames) {
    head = { ...head, issuers: fullNames };
    span = { ...span, head };
  }
  if (signature && !signature.signedByIssuers && !signedNames) {
    findings.warn(
      `"${head.title}" is signed "${signature.lines.slice(0, -1).join('、')}", not by its issuer ${head.issuers.join('、')}`,
      lines[signature.start]!.line,
    );
  }
  if (!signature) {
    const caption = captionDate(lines, head.bodyStart, end);
    if (caption) {
      // A caption may give the number too (（1985年5月4日皖政〔1985〕38号）), which a TOC listing
      // the title alone does not.
      const number = entry.number ?? findDocNumbers(lines[head.bodyStart]!.text)[0]?.canonical;
      return captionedDocument(lines, number ? { ...span, entry: { ...entry, number } } : span, caption, findings);
    }
    findings.error(
      `no signature in "${head.title}": expected the issuer's name on a line, then the date (2020年5月24日) on the next`,
      lines[head.start]!.line,
      lines[end - 1]!.line,
    );
    return null;
  }
  const notice = buildBlocks(lines.slice(head.bodyStart, signature.start), findings);
  const { titles, noteIndex } = attachmentTitles(lines, head.bodyStart, end);
  const attachments = locateAttachments(
    lines,
    { from: Math.max(signature.end, noteIndex + 1), to: end, noteIndex },
    titles,
    findings,
  );
  const afterSignature = lines.slice(signature.end, attachments[0]?.start ?? end);
  const issued = issuedDocument(afterSignature, { title: head.title, blocks: notice }, findings);
  issued.forwards ??= unprintedForward(head.title, notice);

  const blocks: Block[] = [...notice, { kind: 'signature', lines: signature.lines }, ...issued.blocks];
  attachments.forEach((attachment, position) => {
    const label = attachment.label ?? (attachments.length > 1 ? `附件${position + 1}` : '附件');
    blocks.push({ kind: 'heading', depth: 2, text: label });
    if (attachment.title !== undefined) blocks.push({ kind: 'heading', depth: 3, text: attachment.title });
    blocks.push(
      ...buildBlocks(lines.slice(attachment.contentStart, attachments[position + 1]?.start ?? end), findings),
    );
  });

  const unplaced: UnplacedRange[] =
    issued.unread === undefined
      ? []
      : [
          {
            start: signature.end + issued.unread,
            end: signature.end + afterSignature.length,
            reason: 'text after the signature that the importer cannot classify',
          },
        ];
  return {
    frontmatter: frontmatterOf(lines, span, { date: signature.date, blocks, forwards: issued.forwards }, findings),
    blocks,
    line: lines[head.start]!.line,
    unplaced,
  };
}

/**
 * A date in brackets right under the title (题注), for documents that carry no signature:
 * （2019年1月18日）, （2019年3月15日第十三届全国人民代表大会第二次会议通过）.
 */
const CAPTION =
  /^[（(](.*?(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零ＯO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日).*)[)）]$/u;

function captionDate(lines: readonly SourceLine[], at: number, end: number): string | null {
  if (at >= end) return null;
  const caption = CAPTION.exec(chineseZero(normalizeCjkSpacing(lines[at]!.text)));
  const date = caption ? parseChineseDate(caption[1]!) : null;
  return date ? toIsoDate(date) : null;
}

/** A document dated by its caption: the caption and the text are its body; no signature. */
function captionedDocument(
  lines: readonly SourceLine[],
  span: DocumentSpan,
  date: string,
  findings: Findings,
): ParsedDocument {
  const blocks = buildBlocks(lines.slice(span.head.bodyStart, span.end), findings);
  return {
    frontmatter: frontmatterOf(lines, span, { date, blocks }, findings),
    blocks,
    line: lines[span.head.start]!.line,
    unplaced: [],
  };
}

function frontmatterOf(
  lines: readonly SourceLine[],
  { head, entry }: DocumentSpan,
  { date, blocks, forwards }: { date: string; blocks: readonly Block[]; forwards?: IssuedDocument['forwards'] },
  findings: Findings,
): DocumentFrontmatterInput {
  // A decree is a 令 whatever it promulgates; its title is what it promulgates (the TOC's, or
  // the first heading after the signature when the TOC names only the decree).
  const promulgated = blocks.find((block) => block.kind === 'heading' && block.depth === 2);
  const title =
    head.decree && decreeEntry(head.title)?.title === head.title && promulgated?.kind === 'heading'
      ? promulgated.text
      : head.title;
  const type = head.decree ? '令' : deriveDocumentType(title);
  if (!type) findings.error(`cannot tell the document type (文种) from the title "${title}"`, lines[head.start]!.line);
  const facts = statedFacts(blocks);
  const number = head.decree?.number ?? entry.number;
  return {
    title,
    ...(number ? { number } : {}),
    issuers: head.issuers,
    date,
    ...(head.recipients.length > 0 ? { recipients: head.recipients } : {}),
    ...(entry.section === undefined ? {} : { section: entry.section }),
    page: entry.page,
    ...(type ? { type } : {}),
    ...(facts.expires ? { expires: facts.expires } : {}),
    ...(facts.repeals.length > 0 ? { repeals: facts.repeals } : {}),
    ...(forwards ? { forwards } : {}),
  };
}
