// @ts-check
/**
 * Test-only: the project's Astro configuration with the "content is data" refusal
 * (src/plugins/remark-content-is-data.ts) taken out of the Markdown pipeline, so that the
 * payload tests can force hostile content through the build and check what the second and
 * third lines of defence (remark-rehype dropping raw HTML, rehype-sanitize, the CSP) make of it.
 * Used as `astro build --config tests/helpers/astro-unchecked.config.mjs` (astroBuild's `config`).
 * Never a production switch: a site is always built with astro.config.mjs.
 */
import config from '../../astro.config.mjs';
import remarkContentIsData from '../../src/plugins/remark-content-is-data';

const processor = /** @type {{ options?: { remarkPlugins?: unknown[] } }} */ (config.markdown?.processor);
const options = processor?.options;
if (!options?.remarkPlugins?.includes(remarkContentIsData)) {
  throw new Error('astro-unchecked.config.mjs: the refusal plugin is not in the processor of astro.config.mjs any more');
}
options.remarkPlugins = options.remarkPlugins.filter((plugin) => plugin !== remarkContentIsData);

export default config;
