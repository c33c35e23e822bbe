import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import type { MarkdownSettings } from '../../src/content/render-body';

/** Astro's default Markdown settings, as the content loader passes them to render-body.ts. */
export const defaultMarkdownSettings: MarkdownSettings = {
  syntaxHighlight: markdownConfigDefaults.syntaxHighlight,
  shikiConfig: markdownConfigDefaults.shikiConfig,
  gfm: markdownConfigDefaults.gfm,
};
