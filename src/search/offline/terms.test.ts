import { describe, expect, it } from 'vitest';
import {
  decodePostings,
  encodePostings,
  foldChar,
  foldText,
  isCountedTerm,
  parseQueryPhrases,
  shardOf,
  termHash,
  textTerms,
} from './terms';

describe('folding', () => {
  it('folds full-width letters and digits and lower-cases, keeping the length', () => {
    expect(foldText('２０２０年ＡＰＰ')).toBe('2020年app');
    expect(foldChar('，')).toBe(',');
    // A fold that would change the length (㈠ → (一)) is not applied.
    expect(foldChar('㈠')).toBe('㈠');
    expect(foldText('㈠人才贷').length).toBe('㈠人才贷'.length);
  });
});

describe('textTerms', () => {
  it('indexes Han runs as characters and overlapping bigrams, other runs as words', () => {
    const terms = [...textTerms('人才贷 2020年，APP')].map((t) => `${t.kind}:${t.term}@${t.position}`);
    expect(terms).toEqual([
      'char:人@0',
      'bigram:人才@0',
      'char:才@1',
      'bigram:才贷@1',
      'char:贷@2',
      'word:2020@4',
      'char:年@8',
      'word:app@10',
    ]);
  });

  it('counts positions in code points, so astral Han characters take one', () => {
    const terms = [...textTerms('𠀀人')].map((t) => `${t.term}@${t.position}`);
    expect(terms).toEqual(['𠀀@0', '𠀀人@0', '人@1']);
  });
});

describe('parseQueryPhrases', () => {
  it('cuts a query into Han phrases (bigram terms) and words, dropping punctuation and repeats', () => {
    expect(parseQueryPhrases('人才贷　“云闪付” 人才贷')).toEqual([
      { kind: 'han', text: '人才贷', terms: ['人才', '才贷'] },
      { kind: 'han', text: '云闪付', terms: ['云闪', '闪付'] },
    ]);
    expect(parseQueryPhrases('淄政办字〔2020〕56号')).toEqual([
      { kind: 'han', text: '淄政办字', terms: ['淄政', '政办', '办字'] },
      { kind: 'word', text: '2020', terms: ['2020'] },
      { kind: 'word', text: '56', terms: ['56'] },
      { kind: 'han', text: '号', terms: ['号'] },
    ]);
    expect(parseQueryPhrases(' ，。 ')).toEqual([]);
  });
});

describe('postings codec', () => {
  it('round-trips positions (gaps) and counts', () => {
    const postings = [
      { doc: 2, values: [345, 357, 1000] },
      { doc: 5, values: [4] },
    ];
    const encoded = encodePostings(postings, true);
    expect(encoded).toBe('2:9l,c,hv 3:4');
    expect(decodePostings(encoded, true)).toEqual(postings);
    expect(
      decodePostings(
        encodePostings(
          [
            { doc: 0, values: [12] },
            { doc: 40, values: [1] },
          ],
          false,
        ),
        false,
      ),
    ).toEqual([
      { doc: 0, values: [12] },
      { doc: 40, values: [1] },
    ]);
  });

  it('stores single Han characters as counts, everything else with positions', () => {
    expect(isCountedTerm('贷')).toBe(true);
    expect(isCountedTerm('𠀀')).toBe(true);
    expect(isCountedTerm('人才')).toBe(false);
    expect(isCountedTerm('5')).toBe(false);
  });
});

describe('sharding', () => {
  it('hashes terms stably into the shard range', () => {
    expect(termHash('人才')).toBe(termHash('人才'));
    expect(termHash('人才')).not.toBe(termHash('才人'));
    for (const term of ['人才', '才贷', '2020', '号']) {
      expect(shardOf(term, 8)).toBeGreaterThanOrEqual(0);
      expect(shardOf(term, 8)).toBeLessThan(8);
      expect(shardOf(term, 1)).toBe(0);
    }
  });
});
