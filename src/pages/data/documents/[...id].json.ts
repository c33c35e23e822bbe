import type { APIRoute, GetStaticPaths } from 'astro';
import { dataResponse, getOpenData } from '../../../site/page-open-data';
import { jsonFile } from '../../../site/open-data';
import { bodyCacheKey } from '../../../site/page-cache-key';

// The key is the file's text; the props name the record only, so that ten thousand texts are
// not held until the build ends. The few files a rebuild writes are made again from the record.
export const getStaticPaths = (async () => {
  const { documents } = await getOpenData();
  return [...documents.values()].map((record) => ({
    params: { id: record.id },
    props: { id: record.id },
    cacheKey: bodyCacheKey(jsonFile(record)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const record = (await getOpenData()).documents.get((props as { id: string }).id)!;
  return dataResponse(jsonFile(record), 'application/json');
};
