/**
 * The project's Markdown pipeline as Astro runs it (remark-parse, GFM, the plugins of
 * gazetteMarkdownPlugins, remark-rehype with its options, rehype-stringify), synchronous, for
 * the plugin tests: they test the configured list, not a copy of it.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { gazetteMarkdownPlugins, type GazetteMarkdownPlugins } from '../../src/markdown/markdown-pipeline';
import { citationTargets } from '../../src/markdown/rehype-citations';

/** The plugins with an empty number table: the bodies under test cite nothing archived. */
export const testMarkdownPlugins = (): GazetteMarkdownPlugins =>
  gazetteMarkdownPlugins({ citationTargets: citationTargets([], '/') });

export function gazetteProcessor(plugins: GazetteMarkdownPlugins = testMarkdownPlugins()) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(plugins.remarkPlugins)
    .use(remarkRehype, plugins.remarkRehype)
    .use(plugins.rehypePlugins)
    .use(rehypeStringify);
}
