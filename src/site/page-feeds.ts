/**
 * Atom feeds per issuer and per document type (feeds/issuer/<slug>.xml, feeds/type/<slug>.xml),
 * next to the site-wide feed.xml.
 */
import type { GetStaticPathsResult } from 'astro';
import { atomFeed } from './feeds';
import type { IndexGroup, SiteModel } from './site-model';
import { absoluteUrl, getSiteModel } from './page-data';
import { BUILD_DATE } from './build-date';

export type GroupKind = 'issuer' | 'type';

const INDEX: Record<GroupKind, { groups: (model: SiteModel) => IndexGroup[]; page: string; what: string }> = {
  issuer: { groups: (model) => model.byIssuer, page: 'issuers/', what: '发文机关' },
  type: { groups: (model) => model.byType, page: 'types/', what: '文种' },
};

export async function groupFeedPaths(kind: GroupKind): Promise<GetStaticPathsResult> {
  const model = await getSiteModel();
  return INDEX[kind].groups(model).map((group) => ({ params: { slug: group.slug }, props: { group } }));
}

/** The feed's title, also the title of its `<link rel="alternate">`: 淄博市人民政府公报 - 文种：通知. */
export function groupFeedTitle(kind: GroupKind, gazetteName: string, group: IndexGroup): string {
  return `${gazetteName} - ${INDEX[kind].what}：${group.name}`;
}

export async function groupFeedResponse(kind: GroupKind, group: IndexGroup): Promise<Response> {
  const { gazette } = await getSiteModel();
  const feedUrl = absoluteUrl(group.feedUrl);
  const body = atomFeed({
    title: groupFeedTitle(kind, gazette.name, group),
    gazetteName: gazette.name,
    publisher: gazette.publisher,
    feedUrl,
    homeUrl: absoluteUrl(INDEX[kind].page),
    id: feedUrl,
    absoluteUrl,
    buildDate: BUILD_DATE,
    documents: group.documents,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
