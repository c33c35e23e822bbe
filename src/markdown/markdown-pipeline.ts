/**
 * The Markdown plugins every document body and the 简介 go through, in order:
 * `gazetteMarkdownPlugins` is the one list that Astro's processor (src/integration.ts), the
 * content loader's renderer (src/content/loader.ts), `npm run check` and the plugin
 * tests use, so that what check accepts is what the build renders.
 *
 * Content is data, never code: remarkContentIsData refuses raw HTML and unsafe URLs,
 * remark-rehype drops raw HTML anyway (remarkRehype), and rehype-sanitize cleans the converted
 * tree before the project's own plugins add their trusted markup. Ids come after the citations'
 * links (a heading's text is final then), the 附件 links after the ids they point to, and the
 * copy-link anchors last, once every anchored head is known.
 */
import type { RehypePlugin, RemarkPlugin } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import rehypeCitations, { type CitationTargets } from './rehype-citations';
import rehypeTableScroll from './rehype-table-scroll';
import rehypeStableIds from './rehype-stable-ids';
import rehypeAttachmentLinks from './rehype-attachment-links';
import rehypeCopyLinks from './rehype-copy-links';
import remarkContentIsData from './remark-content-is-data';
import remarkGazetteBlocks from './remark-gazette-blocks';
import rehypeSanitizeContent from './rehype-sanitize-content';

export interface GazetteMarkdownOptions {
  /**
   * The archive's numbers, for linking the numbers a body cites. The content loader computes
   * it; without it the remark plugins still run, and a render through rehype-citations fails
   * saying that bodies are rendered by the loader.
   */
  citationTargets?: CitationTargets;
}

/** Options of Astro's `unified()` processor and of `createMarkdownProcessor`. */
export interface GazetteMarkdownPlugins {
  remarkPlugins: RemarkPlugin[];
  rehypePlugins: (RehypePlugin | [RehypePlugin, unknown])[];
  remarkRehype: { allowDangerousHtml: false };
  /** Official texts are published verbatim: no typographic substitutions. */
  smartypants: false;
}

export function gazetteMarkdownPlugins({ citationTargets }: GazetteMarkdownOptions = {}): GazetteMarkdownPlugins {
  return {
    remarkPlugins: [remarkContentIsData, remarkDirective, remarkGazetteBlocks],
    rehypePlugins: [
      rehypeSanitizeContent,
      rehypeTableScroll,
      [rehypeCitations, { targets: citationTargets }],
      rehypeStableIds,
      rehypeAttachmentLinks,
      rehypeCopyLinks,
    ],
    remarkRehype: { allowDangerousHtml: false },
    smartypants: false,
  };
}
