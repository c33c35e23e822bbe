/**
 * `search/recent.json`: the newest documents' titles, for the search page's title pre-answer
 * (src/search/recent-titles.ts), URLs with the site's base, newest issue first.
 */
import type { APIRoute } from 'astro';
import { BUILD_DATE } from '../../site/build-date';
import { getSiteModel } from '../../site/page-data';
import { statusOf } from '../../domain/relations';
import { recentTitles } from '../../search/recent-titles';
import { joinBase } from '../../search/state';

export const prerender = true;

export const GET: APIRoute = async () => {
  const { issues } = await getSiteModel();
  const titles = recentTitles(issues, (document) => ({
    ...document,
    url: joinBase(import.meta.env.BASE_URL, document.url),
    status: statusOf(document, BUILD_DATE),
  }));
  return new Response(JSON.stringify(titles), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
