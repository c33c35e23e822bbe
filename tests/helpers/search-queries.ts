/**
 * The archive's reference queries and the document each must rank first, shared by every
 * search test (online Pagefind search, the offline mirror's index and its page).
 */
export const TERM_QUERIES: [query: string, slug: string][] = [
  ['移动支付', 'zzbz-2020-57'],
  ['音像记录', 'zzbz-2020-58'],
  ['一链办理', 'zzbz-2020-54'],
  ['人才贷', 'zzbz-2020-56'],
  ['重大行政决策', 'zzbf-2020-5'],
  ['执法记录仪', 'zzbz-2020-58'],
  ['云闪付', 'zzbz-2020-57'],
  ['应急转贷', 'zzbz-2020-56'],
];

/** One document number in its usual spellings: each must find zzbz-2020-56 first. */
export const NUMBER_QUERIES = [
  '淄政办字〔2020〕56号',
  '淄政办字[2020]56号',
  '淄政办字(2020)56号',
  '淄政办字 〔2020〕 56 号',
];
