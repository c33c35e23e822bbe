import type { APIRoute } from 'astro';
import { absoluteUrl, getArchive } from '../data/archive';
import { atomFeed } from '../lib/feeds';

export const GET: APIRoute = async () => {
  const { gazette, documents } = await getArchive();
  const body = atomFeed({
    title: `${gazette.name}：最新文件`,
    gazetteName: gazette.name,
    publisher: gazette.publisher,
    feedUrl: absoluteUrl('feed.xml'),
    homeUrl: absoluteUrl(),
    absoluteUrl,
    documents,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
