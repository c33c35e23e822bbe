/**
 * sitemap.xml (sitemaps.org 0.9). lastmod is the newest date of a page's content, so the
 * file changes only when content does.
 */
export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

/** Text or an attribute value, escaped for XML. */
export const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);

export function sitemapXml(entries: SitemapEntry[]): string {
  const urls = entries
    .map(
      ({ url, lastmod }) =>
        `  <url><loc>${escapeXml(url)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}
