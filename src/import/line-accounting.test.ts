import { describe, expect, it } from 'vitest';
import { inputLines, LineLedger } from './line-accounting';

describe('LineLedger', () => {
  it('counts each non-blank line once, in its first place; lines never placed are unplaced', () => {
    const lines = inputLines('\ufeff封面\n\n目录\r\n正文。\f— 1 —\n  \n简介\n遗漏的一行\n');
    expect([...lines]).toEqual([
      [1, '封面'],
      [3, '目录'],
      [4, '正文。 — 1 —'],
      [6, '简介'],
      [7, '遗漏的一行'],
    ]);
    const ledger = new LineLedger(lines);
    ledger.place(1, 'issue');
    ledger.place(3, 'issue');
    ledger.place(4, 'document');
    ledger.place(4, { dropped: 'page number' });
    ledger.place(6, 'about');
    expect(ledger.accounting()).toEqual({
      total: 5,
      issue: 2,
      about: 1,
      documents: 1,
      dropped: [],
      unplaced: [{ line: 7, text: '遗漏的一行', reason: 'the importer did not read this line' }],
    });
  });
});
