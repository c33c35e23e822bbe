/**
 * Pure helpers of the search page's result list, shared by the online and offline clients:
 * merging split highlights, telling whether any result holds every query term, and placing
 * the results of index shards that answer late into a list the reader may already be reading.
 *
 * No DOM, no engine: unit-tested in results.test.ts.
 */

/**
 * One highlight for one run of matched text. Pagefind marks each matched word of a segmented
 * query on its own (`<mark>人才</mark><mark>贷</mark>`), which reads as two hits.
 */
export function mergeAdjacentMarks(html: string): string {
  return html.replace(/<\/mark><mark>/gu, '');
}

/** The same for an excerpt given as parts (the offline engine's): adjacent marked parts joined. */
export function mergeMarkParts<P extends { text: string; mark: boolean }>(parts: readonly P[]): P[] {
  const out: P[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last && last.mark && part.mark) out[out.length - 1] = { ...last, text: last.text + part.text };
    else out.push(part);
  }
  return out;
}

/** Text compared as a reader would: full- and half-width alike, case and white space ignored. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** The query's terms as typed: the parts between spaces, each to be found as written. */
export function queryTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .split(/[\s\u3000]+/u)
        .map(fold)
        .filter(Boolean),
    ),
  ];
}

/**
 * Whether none of `texts` (the results' titles and text) holds every term of the query as
 * written. The engines find documents that hold only some of a query's words (or, for a
 * Chinese term, some of its characters); the page then says that no result matches it all.
 */
export function onlyPartialMatches(query: string, texts: readonly string[]): boolean {
  const terms = queryTerms(query);
  if (terms.length === 0 || texts.length === 0) return false;
  return !texts.some((text) => {
    const folded = fold(text);
    return terms.every((term) => folded.includes(term));
  });
}

/** The note shown above results that hold only part of the query. */
export function partialMatchNote(query: string): string {
  return `没有完全匹配“${query.trim()}”的结果，以下结果只包含部分词语。`;
}

/**
 * The list to show once more shards have answered, without moving what the reader has reached.
 *
 * `shown`: the keys on screen, top down. `ranked`: the best keys over every shard answered so
 * far, best first (at least `window` of them when there are that many). `reached`: how many of
 * the shown items the reader has got to (pointed at, focused, scrolled past); they keep their
 * places. The rest of the window is filled from `ranked`, best first, so a better late result
 * comes in below the reached items and an item not reached yet may move down or out.
 *
 * Returns the keys to show, and `consumed`: how many of `ranked` the list now covers, where
 * "more results" continues (frozen keys met later in the ranking are to be skipped there).
 */
export function mergeProgressive<K>(
  shown: readonly K[],
  ranked: readonly K[],
  reached: number,
  window: number,
): { keys: K[]; consumed: number } {
  const frozen = shown.slice(0, Math.max(0, Math.min(reached, shown.length)));
  const frozenSet = new Set(frozen);
  const keys = [...frozen];
  let consumed = 0;
  for (const key of ranked) {
    if (keys.length >= Math.max(window, frozen.length)) break;
    consumed += 1;
    if (!frozenSet.has(key)) keys.push(key);
  }
  return { keys, consumed };
}
