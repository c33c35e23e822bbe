/**
 * Exact matches first: the order both searches (Pagefind online, the mirror's engine offline)
 * give their top results in. An engine scores words: 法律援助条例 finds 杭州市法律援助条例 (the
 * words, in a shorter page) above 法律援助条例 itself, and 人才贷 the notice full of 人才 and 贷款
 * above the one document that prints 人才贷. A reader who types a title or a term means it as
 * typed, so results are put in tiers, each keeping the engine's order:
 *
 * 0. the title, or the title as cited (发文机关 + 标题, src/domain/official-title.ts), is the query;
 * 1. the title contains the query;
 * 2. the text contains the query as an exact phrase;
 * 3. the rest (the query's words, apart).
 *
 * Comparisons ignore white space, book-title marks and quotation marks (《…》, “…”: a title is
 * cited in 《》, and its inner marks are often left out when typed) and fold full-width letters
 * and digits; otherwise the query must stand in the title or text as typed.
 */
import { officialTitle } from '../domain/official-title';

export type MatchTier = 0 | 1 | 2 | 3;

export interface RankFields {
  /** The document's title as printed (or already as cited). */
  title: string;
  /** Its issuers, printed order, for the title as cited. */
  issuers?: readonly string[];
  /**
   * The document's text, or whether it holds the query as an exact phrase when the caller
   * knows that without the text (the offline engine, from its positions).
   */
  text: string | boolean;
}

const IGNORED = /[\s《》〈〉“”‘’"'「」『』]/gu;

/** The form titles, texts and queries are compared in. */
export function matchForm(value: string): string {
  // NFKC folds full-width letters and digits (２０２０ → 2020) and is applied to both sides alike.
  return value.normalize('NFKC').replace(IGNORED, '').toLowerCase();
}

/** The tier of a document for a query already in matchForm (see the module's comment). */
export function matchTier(form: string, fields: RankFields): MatchTier {
  if (!form) return 3;
  const titles = [fields.title, officialTitle({ title: fields.title, issuers: fields.issuers ?? [] })].map(matchForm);
  if (titles.includes(form)) return 0;
  if (titles.some((title) => title.includes(form))) return 1;
  const phrase = typeof fields.text === 'boolean' ? fields.text : matchForm(fields.text).includes(form);
  return phrase ? 2 : 3;
}

/**
 * The items in tier order, the engine's order kept within a tier. `fields` is called once per
 * item. A query with nothing to compare (only spaces or marks) leaves the order alone.
 */
export function rerank<T>(query: string, items: readonly T[], fields: (item: T) => RankFields): T[] {
  const form = matchForm(query);
  if (!form) return [...items];
  return items
    .map((item, index) => ({ item, index, tier: matchTier(form, fields(item)) }))
    .sort((a, b) => a.tier - b.tier || a.index - b.index)
    .map(({ item }) => item);
}
