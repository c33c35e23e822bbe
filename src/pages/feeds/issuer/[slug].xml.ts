import type { APIRoute, GetStaticPaths } from 'astro';
import { groupFeedPaths, groupFeedResponse } from '../../../data/group-feeds';
import type { IndexGroup } from '../../../lib/site-model';

export const getStaticPaths = (() => groupFeedPaths('issuer')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => groupFeedResponse('issuer', (props as { group: IndexGroup }).group);
