// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import remarkGazetteBlocks from './src/plugins/remark-gazette-blocks';
import rehypeTableScroll from './src/plugins/rehype-table-scroll';
import rehypeCitations from './src/plugins/rehype-citations';
import { siteSettings } from './src/site-settings';
import pagefind from './src/integrations/pagefind';
import cdnHeaders from './src/integrations/cdn-headers';

const settings = siteSettings(process.env);

export default defineConfig({
  site: settings.site,
  base: settings.base,
  outDir: settings.outDir,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Fingerprinted assets live here; public/_headers gives them a year of immutable caching.
    assets: '_assets',
    inlineStylesheets: 'never',
  },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkDirective, remarkGazetteBlocks],
      rehypePlugins: [rehypeTableScroll, rehypeCitations],
      // Official texts are published verbatim: no typographic substitutions.
      smartypants: false,
    }),
  },
  integrations: [pagefind(), cdnHeaders()],
});
