/**
 * Slugs from document numbers, the sample's convention: the pinyin initials of the 机关代字,
 * the year and the sequence number (淄政办字〔2020〕54号 → zzbz-2020-54); order numbers
 * drop the year (市政府令第102号 → szfl-102). pinyin-pro knows the readings of the characters
 * that 代字 use; a slug is a permalink, so editors can always choose their own instead.
 */
import { pinyin } from 'pinyin-pro';
import { parseDocNumber } from './doc-number';

export function slugForNumber(number: string): string | null {
  const parsed = parseDocNumber(number);
  if (!parsed) return null;
  const initials = pinyin(parsed.prefix, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  if (!initials) return null;
  return parsed.year === undefined ? `${initials}-${parsed.seq}` : `${initials}-${parsed.year}-${parsed.seq}`;
}
