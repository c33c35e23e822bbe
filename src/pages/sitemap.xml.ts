import type { APIRoute } from 'astro';
import { absoluteUrl, getSiteModel } from '../site/page-data';
import { sitemapXml } from '../site/sitemap';

export const GET: APIRoute = async () => {
  const { years, issues, documents, latestIssue } = await getSiteModel();
  const latest = latestIssue?.latestDate;
  const yearLatest = (year: (typeof years)[number]) => year.issues.at(-1)?.latestDate;
  const body = sitemapXml([
    { url: absoluteUrl(), lastmod: latest },
    ...['issuers/', 'types/', 'numbers/', 'about/', 'search/', 'data/'].map((path) => ({
      url: absoluteUrl(path),
      lastmod: latest,
    })),
    ...years.map((year) => ({ url: absoluteUrl(year.url), lastmod: yearLatest(year) })),
    ...issues.map((issue) => ({ url: absoluteUrl(issue.url), lastmod: issue.latestDate })),
    ...documents.map((document) => ({ url: absoluteUrl(document.url), lastmod: document.date })),
  ]);
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
