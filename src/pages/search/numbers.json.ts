/**
 * `search/numbers.json`: the document-number lookup table of the search page.
 *
 * `{ [canonicalNumber]: { url, title, number, date, issuers } }`, keys in code-point order,
 * URLs already prefixed with the site's base. The search page fetches it only when a query
 * looks like a document number (see src/lib/search-state.ts), so it costs nothing otherwise.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../../data/archive';
import { buildNumberTable } from '../../lib/search-state';

export const prerender = true;

export const GET: APIRoute = async () => {
  const { documents } = await getArchive();
  const table = buildNumberTable(documents, import.meta.env.BASE_URL);
  return new Response(JSON.stringify(table), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
