/**
 * What each page with a cache key renders, as plain data built from the site model: the props
 * its getStaticPaths() returns, and all that the page and its components read besides the
 * layout's gazette. A page's cache key is the hash of these props (src/site/page-cache-key.ts),
 * so it is complete by construction: a template that wants to show one more field of a
 * neighbour must first add it here, and then the key covers it.
 *
 * Other records (neighbours, relations, an issue's contents, a year's issues) are reduced to
 * what the pages show of them, without links onward: a document's props never reach the whole
 * archive through the chain of previous and next.
 */
import { statusOf, type DocumentRelations, type DocumentStatus, type RelationLink } from '../domain/relations';
import type { SiteDocument, SiteIssue, SiteSection, SiteYear } from './site-model';

/** Another document as a page shows it: a link with its number and page (tables of contents). */
export type DocumentLink = Pick<SiteDocument, 'id' | 'url' | 'title' | 'number' | 'page'>;

/**
 * What a list shows of a document's 效力状态 as of the build date: its status (lists badge only
 * the statuses other than 有效) and, when it has a validity period, 有效期至.
 */
export interface ListedStatus {
  status: DocumentStatus;
  expires?: string;
}

/** A document as a list shows it (tables of contents, a year's notices): a link with its status. */
export type ListedDocument = DocumentLink & ListedStatus;

/** An issue as a page links to it. */
export type IssueLink = Pick<SiteIssue, 'id' | 'url' | 'label' | 'year' | 'number'>;

/** An issue's own record, without its contents and neighbours. */
export type IssueRecord = Omit<SiteIssue, 'documents' | 'sections' | 'prev' | 'next'>;

/** A document page's subject: the document's own record, its issue's, neighbours and relations as links. */
export interface DocumentView extends Omit<SiteDocument, 'issue' | 'prev' | 'next' | 'relations'> {
  issue: IssueRecord;
  prev?: DocumentLink;
  next?: DocumentLink;
  relations: DocumentRelations<DocumentLink>;
}

/** An issue page's subject: the issue's own record, its contents and neighbours as links. */
export interface IssueView extends IssueRecord {
  documents: ListedDocument[];
  sections: (Omit<SiteSection, 'documents'> & { documents: ListedDocument[] })[];
  prev?: IssueLink;
  next?: IssueLink;
}

/** An issue as a year page lists it. */
export type IssueSummary = IssueLink &
  Pick<SiteIssue, 'cumulative' | 'published' | 'latestDate'> & {
    documentCount: number;
    /** Its documents no longer simply in force (已失效, 已废止, 已修改), in printed order. */
    flagged: ListedDocument[];
  };

/** A year page's subject. */
export interface YearView extends Omit<SiteYear, 'issues'> {
  issues: IssueSummary[];
}

export function documentLink({ id, url, title, number, page }: SiteDocument): DocumentLink {
  return { id, url, title, number, page };
}

export function listedStatus(document: SiteDocument, buildDate: string): ListedStatus {
  const status = statusOf(document, buildDate);
  return document.expires ? { status, expires: document.expires } : { status };
}

export function listedDocument(document: SiteDocument, buildDate: string): ListedDocument {
  return { ...documentLink(document), ...listedStatus(document, buildDate) };
}

export function issueLink({ id, url, label, year, number }: SiteIssue): IssueLink {
  return { id, url, label, year, number };
}

function relationLink({ number, target }: RelationLink<SiteDocument>): RelationLink<DocumentLink> {
  return target ? { number, target: documentLink(target) } : { number };
}

function relationLinks(relations: DocumentRelations<SiteDocument>): DocumentRelations<DocumentLink> {
  const { repeals, amends, basis, forwards, cites, repealedBy, amendedBy, basisOf, forwardedBy, citedBy } = relations;
  return {
    repeals: repeals.map(relationLink),
    amends: amends.map(relationLink),
    basis: basis.map(relationLink),
    ...(forwards ? { forwards: relationLink(forwards) } : {}),
    cites: cites.map(relationLink),
    repealedBy: repealedBy.map(documentLink),
    amendedBy: amendedBy.map(documentLink),
    basisOf: basisOf.map(documentLink),
    forwardedBy: forwardedBy.map(documentLink),
    citedBy: citedBy.map(documentLink),
  };
}

function issueRecord({
  documents: _documents,
  sections: _sections,
  prev: _prev,
  next: _next,
  ...own
}: SiteIssue): IssueRecord {
  return own;
}

export function documentView(document: SiteDocument): DocumentView {
  const { issue, prev, next, relations, ...own } = document;
  return {
    ...own,
    issue: issueRecord(issue),
    ...(prev ? { prev: documentLink(prev) } : {}),
    ...(next ? { next: documentLink(next) } : {}),
    relations: relationLinks(relations),
  };
}

export function issueView(issue: SiteIssue, buildDate: string): IssueView {
  const { documents, sections, prev, next } = issue;
  const listed = (document: SiteDocument) => listedDocument(document, buildDate);
  return {
    ...issueRecord(issue),
    documents: documents.map(listed),
    sections: sections.map(({ name, documents: inSection }) => ({ name, documents: inSection.map(listed) })),
    ...(prev ? { prev: issueLink(prev) } : {}),
    ...(next ? { next: issueLink(next) } : {}),
  };
}

export function yearView({ issues, ...own }: SiteYear, buildDate: string): YearView {
  return {
    ...own,
    issues: issues.map((issue) => ({
      ...issueLink(issue),
      cumulative: issue.cumulative,
      published: issue.published,
      latestDate: issue.latestDate,
      documentCount: issue.documents.length,
      flagged: issue.documents
        .map((document) => listedDocument(document, buildDate))
        .filter((document) => document.status !== '有效'),
    })),
  };
}

/** A short link's page (n/<number>/): where it leads. */
export type ShortLinkView = Pick<SiteDocument, 'url' | 'title' | 'number'>;

export function shortLinkView({ url, title, number }: SiteDocument): ShortLinkView {
  return { url, title, number };
}
