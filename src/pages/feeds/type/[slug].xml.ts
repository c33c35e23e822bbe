import type { APIRoute, GetStaticPaths } from 'astro';
import { groupFeedPaths, groupFeedResponse } from '../../../site/page-feeds';
import type { IndexGroup } from '../../../site/site-model';

export const getStaticPaths = (() => groupFeedPaths('type')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => groupFeedResponse('type', (props as { group: IndexGroup }).group);
