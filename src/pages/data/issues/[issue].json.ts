import type { APIRoute, GetStaticPaths } from 'astro';
import { dataResponse, getOpenData } from '../../../site/page-open-data';
import { issueDataName, jsonFile } from '../../../site/open-data';
import { bodyCacheKey } from '../../../site/page-cache-key';

export const getStaticPaths = (async () => {
  const { issues } = await getOpenData();
  return [...issues.values()].map((record) => {
    const body = jsonFile(record);
    return { params: { issue: issueDataName(record.id) }, props: { body }, cacheKey: bodyCacheKey(body) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => dataResponse((props as { body: string }).body, 'application/json');
