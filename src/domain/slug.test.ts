import { describe, expect, it } from 'vitest';
import { slugForNumber } from './slug';

describe('slugForNumber', () => {
  it('follows the sample archive: initials of the 代字, year, sequence', () => {
    expect(slugForNumber('淄政办字〔2020〕54号')).toBe('zzbz-2020-54');
    expect(slugForNumber('淄政办发[2020]5号')).toBe('zzbf-2020-5');
  });

  it('drops the year of order numbers', () => {
    expect(slugForNumber('市政府令第102号')).toBe('szfl-102');
  });

  it('returns null for text that is not a number', () => {
    expect(slugForNumber('关于某事的通知')).toBeNull();
  });
});
