/**
 * `search/numbers/<bucket>.json`: the document-number lookup of the search page, in buckets.
 *
 * `{ [lookupKey]: { url, title, number, date, issuers } }` (src/domain/number-lookup.ts: the key
 * folds an order's spellings, `number` is as printed), keys in code-point order,
 * URLs already prefixed with the site's base. Which bucket holds a number is decided by
 * src/search/state.ts (`numberBucket`); the search page learns the number of buckets from
 * its own HTML and fetches the one bucket a query needs, only when the query looks like a
 * document number. Every bucket is written, empty or not, so a lookup never meets a 404.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getNumberTable } from '../../../site/page-data';
import { numberBucketCount, splitNumberTable, type NumberTable } from '../../../search/state';

export const prerender = true;

export const getStaticPaths = (async () => {
  const table = await getNumberTable();
  const buckets = splitNumberTable(table, numberBucketCount(Object.keys(table).length));
  return buckets.map((bucket, index) => ({ params: { bucket: String(index) }, props: { bucket } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { bucket: NumberTable }).bucket), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
