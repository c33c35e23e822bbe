import type { APIRoute, GetStaticPaths } from 'astro';
import { groupFeedPaths, groupFeedResponse } from '../../../data/group-feeds';
import type { IndexGroup } from '../../../lib/site-model';

export const getStaticPaths = (() => groupFeedPaths('type')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => groupFeedResponse('type', (props as { group: IndexGroup }).group);
