/**
 * Atom feeds of documents, newest first. Dates come from the documents themselves (never the
 * build clock), so the same content gives the same feed.
 */
import { Feed } from 'feed';
import type { SiteDocument } from './site-model';
import { describeDocument } from './site-model';

export const FEED_SIZE = 50;

export interface FeedOptions {
  title: string;
  gazetteName: string;
  publisher: string;
  /** Absolute URL of the feed itself and of the page it follows (the home page, an index). */
  feedUrl: string;
  homeUrl: string;
  /** The feed's permanent Atom id; defaults to homeUrl (several feeds may follow one page). */
  id?: string;
  /** Turns a base-relative path into an absolute URL. */
  absoluteUrl: (path: string) => string;
  documents: SiteDocument[];
}

/** Gazette dates are Beijing time; midnight there is 16:00 UTC the day before. */
function beijingMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

export function newestDocuments(documents: SiteDocument[], count = FEED_SIZE): SiteDocument[] {
  return [...documents]
    .sort((a, b) => b.date.localeCompare(a.date) || b.issue.id.localeCompare(a.issue.id) || a.tocIndex - b.tocIndex)
    .slice(0, count);
}

export function atomFeed(options: FeedOptions): string {
  const documents = newestDocuments(options.documents);
  const feed = new Feed({
    title: options.title,
    description: `${options.gazetteName}刊载的最新文件`,
    id: options.id ?? options.homeUrl,
    link: options.homeUrl,
    language: 'zh-CN',
    copyright: options.publisher,
    updated: documents[0] ? beijingMidnight(documents[0].date) : new Date(0),
    generator: 'gazette-archive',
    feedLinks: { atom: options.feedUrl },
    author: { name: options.publisher },
  });
  for (const document of documents) {
    const url = options.absoluteUrl(document.url);
    feed.addItem({
      title: document.number ? `${document.title}（${document.number}）` : document.title,
      id: url,
      link: url,
      date: beijingMidnight(document.date),
      published: beijingMidnight(document.date),
      description: describeDocument(document, options.gazetteName),
      author: document.issuers.map((name) => ({ name })),
      category: [{ name: document.type }, { name: document.section }],
    });
  }
  return feed.atom1();
}
