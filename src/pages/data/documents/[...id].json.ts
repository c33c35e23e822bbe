import type { APIRoute, GetStaticPaths } from 'astro';
import { dataResponse, getOpenData } from '../../../data/open-data';
import { jsonFile, type DocumentRecord } from '../../../lib/open-data';

export const getStaticPaths = (async () => {
  const { documents } = await getOpenData();
  return [...documents.values()].map((record) => ({ params: { id: record.id }, props: { record } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => dataResponse(jsonFile((props as { record: DocumentRecord }).record), 'application/json');
