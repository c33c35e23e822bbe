/**
 * `gazette(options)`: the composition root. It parses the site's configuration once
 * (src/config: `options` over the GAZETTE_* environment over the defaults), gives Astro the
 * settings that come from it (site, base, output and cache folders, the Markdown processor),
 * registers the build hooks, and serves the configuration to pages and the content loader as
 * `virtual:gazette/config`.
 *
 *   import { gazette } from './src/integration';
 *   export default defineConfig({ integrations: [gazette()] });
 */
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { GazetteConfigError, loadGazetteConfig, type GazetteConfig, type GazetteUserConfig } from './config';
import { virtualConfigModule } from './config/virtual-module';
import buildGuard, { stopBuild } from './build/build-guard';
import cdnHeaders from './build/cdn-headers';
import pagefind from './search/pagefind/integration';
import previousOutput from './build/previous-output';
import { gazetteMarkdownPlugins } from './markdown/markdown-pipeline';

const folderUrl = (path: string) => pathToFileURL(path.endsWith(sep) ? path : `${path}${sep}`);

export function gazette(options: GazetteUserConfig = {}): AstroIntegration {
  return {
    name: 'gazette',
    hooks: {
      'astro:config:setup': ({ config: astroConfig, command, updateConfig }) => {
        let config: GazetteConfig;
        try {
          config = loadGazetteConfig({ root: fileURLToPath(astroConfig.root), options });
        } catch (error) {
          if (error instanceof GazetteConfigError) stopBuild(error.problems, command);
          throw error;
        }
        const outDir = folderUrl(config.build.outDir);
        updateConfig({
          site: config.site.site,
          base: config.site.base,
          outDir,
          // Astro resolves these against the default outDir before integrations run.
          build: { client: new URL('./client/', outDir), server: new URL('./server/', outDir) },
          cacheDir: folderUrl(config.build.cacheDir),
          // Bodies are rendered by the content loader with its own processor, which has the
          // number table for citations; this one is for any other Markdown Astro renders.
          markdown: { processor: unified(gazetteMarkdownPlugins()) },
          // No script or asset inlined, however small: the site's CSP (src/site/csp.ts) allows
          // neither inline scripts nor data: URLs.
          vite: { plugins: [virtualConfigModule(config, { command })], build: { assetsInlineLimit: 0 } },
          // buildGuard last: it checks every output the others wrote.
          integrations: [
            previousOutput(),
            ...(config.search.pagefind
              ? [
                  pagefind({
                    cacheDir: config.search.cacheDir,
                    shardDocuments: config.search.shardDocuments,
                    indexChunkSize: config.search.indexChunkSize,
                    indexMemory: config.search.indexMemory,
                    timingLog: config.build.timingLog,
                  }),
                ]
              : []),
            cdnHeaders(),
            buildGuard(),
          ],
        });
      },
    },
  };
}

export default gazette;
