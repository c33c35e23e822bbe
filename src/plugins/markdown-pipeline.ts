/**
 * The Markdown plugins every document body and the 简介 go through, in order. Astro's
 * processor (astro.config.mjs), `npm run check` and the plugin tests use this one list, so that
 * what check accepts is what the build renders.
 *
 * Content is data, never code: remarkContentIsData refuses raw HTML and unsafe URLs,
 * remark-rehype drops raw HTML anyway (remarkRehypeOptions), and rehype-sanitize cleans the
 * converted tree before the project's own plugins add their trusted markup.
 */
import remarkDirective from 'remark-directive';
import rehypeCitations from './rehype-citations';
import rehypeTableScroll from './rehype-table-scroll';
import remarkContentIsData from './remark-content-is-data';
import remarkGazetteBlocks from './remark-gazette-blocks';
import rehypeSanitizeContent from './rehype-sanitize-content';

export const remarkPlugins = [remarkContentIsData, remarkDirective, remarkGazetteBlocks];
export const rehypePlugins = [rehypeSanitizeContent, rehypeTableScroll, rehypeCitations];
export const remarkRehypeOptions = { allowDangerousHtml: false };
