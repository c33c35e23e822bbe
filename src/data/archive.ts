/**
 * The site model, built once per build from the content collections. Pages import this and
 * nothing else from the content layer (apart from `render` for document bodies).
 */
import { getCollection } from 'astro:content';
import type { ArchiveGazette } from '../lib/content/archive';
import { buildSiteModel, type DocumentData, type IssueData, type SiteModel } from '../lib/site-model';

let model: Promise<SiteModel> | undefined;

export function getArchive(): Promise<SiteModel> {
  model ??= (async () => {
    const [gazettes, issues, documents] = await Promise.all([
      getCollection('gazette'),
      getCollection('issues'),
      getCollection('documents'),
    ]);
    // The collections hold what the archive reader validated against src/schemas/content.ts.
    return buildSiteModel({
      gazette: gazettes[0].data as unknown as ArchiveGazette,
      issues: issues.map((entry) => entry.data as unknown as IssueData),
      documents: documents.map((entry) => entry.data as unknown as DocumentData),
    });
  })();
  return model;
}

/** A base-relative path as an href for this deployment (handles a sub-path base). */
export function href(path = ''): string {
  return `${import.meta.env.BASE_URL}${path}`;
}

/** An absolute URL, for canonical links, feeds and citations. */
export function absoluteUrl(path = ''): string {
  return new URL(href(path), import.meta.env.SITE).href;
}
