/**
 * The Markdown plugins every document body and the 简介 go through, in order. Astro's
 * processor (astro.config.mjs), `npm run check` and the plugin tests use this one list, so that
 * what check accepts is what the build renders.
 */
import remarkDirective from 'remark-directive';
import rehypeCitations from './rehype-citations';
import rehypeTableScroll from './rehype-table-scroll';
import remarkGazetteBlocks from './remark-gazette-blocks';

export const remarkPlugins = [remarkDirective, remarkGazetteBlocks];
export const rehypePlugins = [rehypeTableScroll, rehypeCitations];
