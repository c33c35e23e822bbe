// @ts-check
/**
 * Test-only: the project's Astro configuration with the "content is data" refusal
 * (src/markdown/remark-content-is-data.ts) taken out of the Markdown pipeline, so that the
 * payload tests can force hostile content through the build and check what the second and
 * third lines of defence (remark-rehype dropping raw HTML, rehype-sanitize, the CSP) make of it.
 * Used as `astro build --config tests/helpers/astro-unchecked.config.mjs` (astroBuild's `config`).
 * Never a production switch: a site is always built with astro.config.mjs.
 *
 * The content loader renders bodies with gazetteMarkdownPlugins (src/markdown/markdown-pipeline.ts),
 * which Vite loads: its import of the refusal is resolved to a plugin that does nothing. Should
 * the list stop importing it so, the refusal stays in and the payload build fails loudly.
 */
import { fileURLToPath } from 'node:url';
import config from '../../astro.config.mjs';

const NO_REFUSAL = fileURLToPath(new URL('./remark-content-unchecked.ts', import.meta.url));

export default {
  ...config,
  vite: {
    ...config.vite,
    plugins: [
      ...(config.vite?.plugins ?? []),
      {
        name: 'test:remark-content-unchecked',
        enforce: /** @type {const} */ ('pre'),
        /** @param {string} source @param {string | undefined} importer */
        resolveId(source, importer) {
          return source === './remark-content-is-data' && importer?.endsWith('markdown-pipeline.ts')
            ? NO_REFUSAL
            : undefined;
        },
      },
    ],
  },
};
