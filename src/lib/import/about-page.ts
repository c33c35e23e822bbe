/**
 * The 简介 page ("《淄博市人民政府公报》简介"): paragraphs about the gazette, then "label：value"
 * lines (主办单位, 编辑出版, 地址, 电话, 邮编). It fills gazette.yaml.
 */
import { normalizeCjkSpacing, normalizeParagraph } from '../cjk-text';
import type { Gazette } from '../../schemas/content';
import { buildBlocks } from './paragraphs';
import type { Findings } from './report';
import type { SourceLine } from './text-lines';

const HEADING = /^(?:《(.+)》)?简介$/u;
const FIELD = /^([\u3400-\u9fff]{2,6})[:：]\s*(.+)$/u;
const FOUNDED = /(\d{4})年(\d{1,2})月(?:起)?创刊/u;

const FIELDS: Readonly<Record<string, 'publisher' | 'editor' | 'address' | 'phone' | 'postcode'>> = {
  主办单位: 'publisher',
  主办: 'publisher',
  编辑出版: 'editor',
  编辑: 'editor',
  地址: 'address',
  通讯地址: 'address',
  电话: 'phone',
  联系电话: 'phone',
  邮编: 'postcode',
  邮政编码: 'postcode',
};

export type GazetteInfo = Partial<Omit<Gazette, 'phone' | 'postcode'>> & { phone?: string; postcode?: string };

function fieldOf(text: string): { key: (typeof FIELDS)[string]; value: string } | null {
  const match = FIELD.exec(normalizeCjkSpacing(text));
  const key = match ? FIELDS[match[1]!] : undefined;
  return match && key ? { key, value: match[2]! } : null;
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
  const paragraphs = buildBlocks(textLines, findings).flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
  if (paragraphs.length > 0) info.about = `${paragraphs.join('\n\n')}\n`;
  const founded = FOUNDED.exec(paragraphs.join(''));
  if (founded) info.founded = `${founded[1]}-${founded[2]!.padStart(2, '0')}`;
  for (const line of firstField === -1 ? [] : lines.slice(firstField)) {
    const field = fieldOf(line.text);
    if (!field) {
      findings.warn(`ignored a line of the 简介 page (gazette.yaml has no field for it): "${line.text.trim()}"`, line.line);
      continue;
    }
    info[field.key] = normalizeParagraph(field.value);
  }
  return info;
}
