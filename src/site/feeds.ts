/**
 * Atom feeds of documents, newest first. Dates come from the documents themselves (never the
 * build clock), and statuses from the configured build date, so the same content and build
 * date give the same feed.
 */
import type { SiteDocument } from './site-model';
import { describeDocument } from './site-model';
import { escapeXml } from './sitemap';
import { formatChineseDate } from '../domain/dates';
import { statusOf } from '../domain/relations';

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
  /** The date statuses (已失效, 已废止, 已修改) are computed for (build.buildDate). */
  buildDate: string;
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

const INDENT = '    ';

/** `<name attributes>text</name>`, every value escaped: content is text, never markup. */
function element(name: string, text: string | null, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return text === null ? `<${name}${attrs}/>` : `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}

const person = (name: string) => `<author>${element('name', name)}</author>`;

/**
 * Atom 1.0 (RFC 4287) written here rather than by a feed library: titles and summaries go out
 * as type="text" (escaped), never as type="html" CDATA that readers would render as markup,
 * and every attribute is escaped (a section named `<…>` once made the feed invalid XML).
 */
export function atomFeed(options: FeedOptions): string {
  const documents = newestDocuments(options.documents);
  const updated = documents[0] ? beijingMidnight(documents[0].date) : new Date(0);
  const lines = [
    element('id', options.id ?? options.homeUrl),
    element('title', options.title, { type: 'text' }),
    element('updated', updated.toISOString()),
    element('generator', 'gazette-archive'),
    person(options.publisher),
    element('link', null, { rel: 'alternate', href: options.homeUrl }),
    element('link', null, { rel: 'self', href: options.feedUrl }),
    element('subtitle', `${options.gazetteName}刊载的最新文件`, { type: 'text' }),
    element('rights', options.publisher, { type: 'text' }),
  ];
  for (const document of documents) {
    const url = options.absoluteUrl(document.url);
    const date = beijingMidnight(document.date).toISOString();
    const title = document.number ? `${document.title}（${document.number}）` : document.title;
    const status = statusOf(document, options.buildDate);
    // Like the site's lists, only a status other than 有效 is marked.
    const flagged = status !== '有效';
    const statusNote = flagged ? `效力状态：${status}（截至${formatChineseDate(options.buildDate)}）。` : '';
    const validity = document.expires ? `有效期至${formatChineseDate(document.expires)}。` : '';
    const entry = [
      element('title', flagged ? `【${status}】${title}` : title, { type: 'text' }),
      element('id', url),
      element('link', null, { href: url }),
      element('updated', date),
      element('summary', `${statusNote}${describeDocument(document, options.gazetteName)}${validity}`, {
        type: 'text',
      }),
      ...document.issuers.map(person),
      element('category', null, { term: document.type }),
      ...(document.section === undefined ? [] : [element('category', null, { term: document.section })]),
      ...(flagged ? [element('category', null, { term: status, label: `效力状态：${status}` })] : []),
      element('published', date),
    ];
    lines.push(`<entry>\n${entry.map((line) => `${INDENT}${INDENT}${line}`).join('\n')}\n${INDENT}</entry>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">\n${lines.map((line) => `${INDENT}${line}`).join('\n')}\n</feed>`;
}
