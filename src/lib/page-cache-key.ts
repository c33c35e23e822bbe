/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`). A page returned from
 * `getStaticPaths()` with the same `cacheKey` as in the previous build, and whose code did not
 * change, is reused (left in the output, or copied from Astro's cache) instead of being
 * rendered again. A key must therefore change whenever anything the page shows changes that
 * is not code or config: the page's own record, what it shows of its neighbours (previous and
 * next, relations, its issue), its status as of the build date, its revision history, the
 * gazette's details in the layout, and its rendered body.
 *
 * Rather than list what each template happens to show (and silently go stale when a template
 * starts showing one more field), a key hashes the page's whole subject: the document, issue or
 * year, with every other document and issue it reaches reduced to that record's own fields.
 * That is what the templates can show of a neighbour without following it further, and it
 * keeps one document's key from depending on the whole archive through the prev/next chain.
 * A document's own body is in its key through `bodyHash` (src/lib/content/body-store.ts).
 */
import { createHash } from 'node:crypto';

/** A SiteDocument (src/lib/site-model.ts) is recognised by these properties. */
function isSiteDocument(
  value: object,
): value is { relations: unknown; issue: { url: string }; prev?: unknown; next?: unknown; bodyHash?: string } {
  return 'relations' in value && 'issue' in value;
}

/** A SiteIssue has the section names as printed. */
function isSiteIssue(value: object): value is { sectionNames: unknown; documents: unknown; sections: unknown } {
  return 'sectionNames' in value && 'documents' in value && 'sections' in value;
}

/** A SiteYear lists its issues. */
function isSiteYear(value: object): value is { year: number; issues: unknown } {
  return 'issues' in value && 'documentCount' in value;
}

/**
 * Another document, issue or year than the page's subject, as its own record: the links out of
 * it (neighbours, relations, contents) are left out.
 */
function neighbourRecord(value: object): object {
  if (isSiteDocument(value)) {
    // No page shows another document's body: its hash would only re-render pages for nothing
    // (a body changes when a document it cites is retitled).
    const { relations: _relations, prev: _prev, next: _next, issue, bodyHash: _bodyHash, ...own } = value;
    return { ...own, issue: issue.url };
  }
  if (isSiteIssue(value)) {
    const { documents: _documents, sections: _sections, prev: _prev, next: _next, ...own } = value as Record<string, unknown>;
    return own;
  }
  const { issues: _issues, ...own } = value as Record<string, unknown>;
  return own;
}

function isSiteRecord(value: object): boolean {
  return isSiteDocument(value) || isSiteIssue(value) || isSiteYear(value);
}

/**
 * The cache key of a page about `subject` (a SiteDocument, SiteIssue or SiteYear, or any plain
 * data), given everything else it shows (`context`: status, history, rendered body, the
 * gazette …). Subject and context are hashed in full, except that site records reached from
 * them, other than the subject itself, are hashed as `neighbourRecord`s: an issue page's
 * table of contents shows each document's own fields, a year page each issue's.
 */
export function pageCacheKey(subject: unknown, context: unknown = null): string {
  const json = JSON.stringify([subject, context], (_key, value: unknown) => {
    if (value && typeof value === 'object' && value !== subject && isSiteRecord(value)) {
      return neighbourRecord(value);
    }
    if (value instanceof Map) return [...value];
    return value;
  });
  return createHash('sha256').update(json).digest('base64url');
}
