import type { APIRoute, GetStaticPaths } from 'astro';
import { groupFeedPaths, groupFeedResponse } from '../../../site/page-feeds';
import type { IndexGroup } from '../../../site/site-model';

export const getStaticPaths = (() => groupFeedPaths('issuer')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => groupFeedResponse('issuer', (props as { group: IndexGroup }).group);
