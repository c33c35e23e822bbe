/**
 * The 简介 page ("《淄博市人民政府公报》简介"): paragraphs about the gazette, then "label：value"
 * lines (主办单位, 编辑出版, 地址, 电话, 邮编). It fills gazette.yaml. Many gazettes print only these
 * lines, without the heading, as an imprint at the foot of the TOC page or on the last page.
 */
import { normalizeCjkSpacing, normalizeParagraph } from '../domain/cjk-text';
import type { Gazette } from '../content/schema';
import { buildBlocks } from './paragraphs';
import type { Findings } from './report';
import type { SourceLine } from './text-lines';

const HEADING = /^(?:《(.+)》)?简介$/u;
const FIELD = /^([\u3400-\u9fff]{2,6})[:：]\s*(.+)$/u;
const FOUNDED = /(\d{4})年(\d{1,2})月(?:起)?创刊/u;

const FIELDS: Readonly<Record<string, 'publisher' | 'editor' | 'address' | 'phone' | 'postcode'>> = {
  主办单位: 'publisher',
  主办: 'publisher',
  主管主办: 'publisher',
  编辑出版: 'editor',
  编辑: 'editor',
  地址: 'address',
  通讯地址: 'address',
  电话: 'phone',
  联系电话: 'phone',
  邮编: 'postcode',
  邮政编码: 'postcode',
};

/** Imprint labels gazette.yaml has no field for: an imprint may print them between its fields. */
const OTHER_LABELS = new Set(['主管', '主管单位', '出版', '印刷', '承印', '发送范围', '发送', '发行', '刊号']);

export type GazetteInfo = Partial<Omit<Gazette, 'phone' | 'postcode'>> & { phone?: string; postcode?: string };

function fieldOf(text: string): { key: (typeof FIELDS)[string]; value: string } | null {
  const match = FIELD.exec(normalizeCjkSpacing(text));
  const key = match ? FIELDS[match[1]!] : undefined;
  return match && key ? { key, value: match[2]! } : null;
}

function labelOf(text: string): string | null {
  return FIELD.exec(normalizeCjkSpacing(text.trim()))?.[1] ?? null;
}

/**
 * Whether the lines are an imprint without a 简介 heading: two or more "label：value" lines with
 * imprint labels only, one of them naming the publisher or the editor (contact lines alone, 地址
 * and 电话, may close a document's text).
 */
export function isImprint(lines: readonly SourceLine[]): boolean {
  const labels = lines.map(({ text }) => labelOf(text));
  return (
    lines.length >= 2 &&
    labels.every((label) => label !== null && (label in FIELDS || OTHER_LABELS.has(label))) &&
    labels.some((label) => FIELDS[label!] === 'publisher' || FIELDS[label!] === 'editor')
  );
}

/** Index after an imprint starting at `start` (the TOC's end), or `start` when there is none. */
export function imprintEnd(lines: readonly SourceLine[], start: number): number {
  let end = start;
  while (end < lines.length && labelOf(lines[end]!.text) !== null) end++;
  return isImprint(lines.slice(start, end)) ? end : start;
}

/** Index where an imprint closing the lines starts, or -1. */
export function findClosingImprint(lines: readonly SourceLine[]): number {
  let start = lines.length;
  while (start > 0 && labelOf(lines[start - 1]!.text) !== null) start--;
  return isImprint(lines.slice(start)) ? start : -1;
}

/** Index of the 简介 heading, or -1. */
export function findAboutPage(lines: SourceLine[]): number {
  return lines.findIndex(({ text }) => HEADING.test(normalizeCjkSpacing(text)));
}

/** Reads the 简介 page, `lines[0]` being its heading. */
export function parseAboutPage(lines: SourceLine[], findings: Findings): GazetteInfo {
  const info: GazetteInfo = {};
  const heading = HEADING.exec(normalizeCjkSpacing(lines[0]!.text));
  if (heading?.[1]) info.name = normalizeParagraph(heading[1]);
  const firstField = lines.findIndex((line, index) => index > 0 && fieldOf(line.text) !== null);
  const textLines = lines.slice(1, firstField === -1 ? lines.length : firstField);
  const paragraphs = buildBlocks(textLines, findings).flatMap((block) =>
    block.kind === 'paragraph' ? [block.text] : [],
  );
  if (paragraphs.length > 0) info.about = `${paragraphs.join('\n\n')}\n`;
  const founded = FOUNDED.exec(paragraphs.join(''));
  if (founded) info.founded = `${founded[1]}-${founded[2]!.padStart(2, '0')}`;
  return { ...info, ...parseImprint(firstField === -1 ? [] : lines.slice(firstField), findings) };
}

/** Reads "label：value" lines of a 简介 page or an imprint. */
export function parseImprint(lines: readonly SourceLine[], findings: Findings): GazetteInfo {
  const info: GazetteInfo = {};
  for (const line of lines) {
    const field = fieldOf(line.text.trim());
    if (!field) {
      findings.warn(
        `ignored a line of the 简介 page (gazette.yaml has no field for it): "${line.text.trim()}"`,
        line.line,
      );
      continue;
    }
    info[field.key] = normalizeParagraph(field.value);
  }
  return info;
}
