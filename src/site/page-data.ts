/**
 * The site model, built once per build from the content collections, and the documents'
 * rendered bodies. Pages import this and nothing else from the content layer (apart from
 * `render` for the 简介).
 */
import { fileURLToPath } from 'node:url';
import { getCollection } from 'astro:content';
import { cacheDir } from 'astro:config/server';
import gazetteConfig from 'virtual:gazette/config';
import { bodyStore } from '../content/body-store';
import { bodyText } from './open-data';
import { bodyAnchors, type BodyAnchor } from '../markdown/body-anchors';
import { editUrl, readContentHistory, type ContentHistory, type Revision } from '../domain/git-history';
import { numberLookupTable, type NumberTable } from '../search/state';
import { buildSiteModel, storedArchive, type DocumentData, type SiteDocument, type SiteModel } from './site-model';

let model: Promise<SiteModel> | undefined;

/** The site model (src/site/site-model.ts) of the archive the content loader read, built once per build. */
export function getSiteModel(): Promise<SiteModel> {
  model ??= (async () => {
    const [[gazette], issues, documents] = await Promise.all([
      getCollection('gazette'),
      getCollection('issues'),
      getCollection('documents'),
    ]);
    if (!gazette) throw new Error('the content loader stored no gazette (src/content/loader.ts)');
    return buildSiteModel(
      storedArchive({
        gazette: gazette.data,
        issues: issues.map((entry) => entry.data),
        documents: documents.map((entry) => entry.data),
      }),
    );
  })();
  return model;
}

let numbers: Promise<NumberTable> | undefined;

/** The search page's number lookup (src/search/state.ts): the site model's number table. */
export function getNumberTable(): Promise<NumberTable> {
  numbers ??= getSiteModel().then(({ byNumber }) => numberLookupTable(byNumber, import.meta.env.BASE_URL));
  return numbers;
}

const bodies = bodyStore(fileURLToPath(cacheDir));

function storedBodyHash(document: DocumentData): string {
  if (!document.bodyHash) throw new Error(`${document.file}: the content loader stored no body for this document`);
  return document.bodyHash;
}

/** A document's body as HTML, rendered by the content loader (src/content/loader.ts). */
export function documentBody(document: DocumentData): string {
  return bodies.read(storedBodyHash(document));
}

/** A document's body as plain text (src/site/open-data.ts), computed once per body. */
export function documentBodyText(document: DocumentData): string {
  return bodies.derived(storedBodyHash(document), 'txt', bodyText);
}

/** Names the cached anchors' format: a change to what bodyAnchors reads must change it. */
const ANCHORS_SUFFIX = 'anchors-3.json';

/** A document's anchors (src/markdown/body-anchors.ts), read from its body once per body. */
export function documentAnchors(document: DocumentData): BodyAnchor[] {
  const json = bodies.derived(storedBodyHash(document), ANCHORS_SUFFIX, (html) => JSON.stringify(bodyAnchors(html)));
  return JSON.parse(json) as BodyAnchor[];
}

/** A base-relative path as an href for this deployment (handles a sub-path base). */
export function href(path = ''): string {
  return `${import.meta.env.BASE_URL}${path}`;
}

/**
 * An issue's printed PDF (issue.yaml `pdf`: a URL, or a file served beside the issue page,
 * src/pages/[year]/[issue]/[pdf].pdf.ts), opened at a page of it when one is given.
 */
export function issuePdfHref(issue: { url: string; pdf?: string }, page?: number): string | undefined {
  if (!issue.pdf) return undefined;
  const pdf = /^https?:/.test(issue.pdf) ? issue.pdf : href(`${issue.url}${issue.pdf}`);
  return page === undefined ? pdf : `${pdf}#page=${page}`;
}

/** An absolute URL, for canonical links, feeds and citations. */
export function absoluteUrl(path = ''): string {
  return new URL(href(path), import.meta.env.SITE).href;
}

let history: ContentHistory | null | undefined;

/** The content tree's git history, read once per build (null outside a git checkout). */
function contentHistory(): ContentHistory | null {
  if (history === undefined) {
    history = readContentHistory(gazetteConfig.content.dir);
    if (history?.shallow) {
      console.warn(
        '[gazette] the repository is a shallow clone: revision histories are incomplete (fetch the full history, e.g. fetch-depth: 0)',
      );
    }
  }
  return history;
}

export interface DocumentHistory {
  /** Newest first; empty outside a git checkout or before the file's first commit. */
  revisions: Revision[];
  /** "Edit this file" in the repository, when the configured or gazette.yaml's repository is set. */
  editUrl?: string;
}

export async function getDocumentHistory(document: SiteDocument): Promise<DocumentHistory> {
  const { gazette } = await getSiteModel();
  const history = contentHistory();
  const path = `${gazette.id}/${document.id}.md`;
  const repository = gazetteConfig.content.repository ?? gazette.repository;
  return {
    revisions: history?.files.get(path) ?? [],
    editUrl: repository
      ? editUrl(
          repository,
          gazetteConfig.content.repositoryBranch,
          history ? `${history.prefix}${path}` : document.file,
        )
      : undefined,
  };
}
