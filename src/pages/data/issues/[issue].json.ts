import type { APIRoute, GetStaticPaths } from 'astro';
import { dataResponse, getOpenData } from '../../../data/open-data';
import { issueDataName, jsonFile, type IssueRecord } from '../../../lib/open-data';

export const getStaticPaths = (async () => {
  const { issues } = await getOpenData();
  return [...issues.values()].map((record) => ({ params: { issue: issueDataName(record.id) }, props: { record } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => dataResponse(jsonFile((props as { record: IssueRecord }).record), 'application/json');
