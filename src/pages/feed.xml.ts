import type { APIRoute } from 'astro';
import { absoluteUrl, getSiteModel } from '../site/page-data';
import { atomFeed } from '../site/feeds';
import { BUILD_DATE } from '../site/build-date';

export const GET: APIRoute = async () => {
  const { gazette, documents } = await getSiteModel();
  const body = atomFeed({
    title: `${gazette.name}：最新文件`,
    gazetteName: gazette.name,
    publisher: gazette.publisher,
    feedUrl: absoluteUrl('feed.xml'),
    homeUrl: absoluteUrl(),
    absoluteUrl,
    buildDate: BUILD_DATE,
    documents,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
