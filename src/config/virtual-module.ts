/**
 * `virtual:gazette/config`: what pages and the content loader read of the integration's parsed
 * configuration (they run in other module instances than the integration, see ./virtual.d.ts).
 * A Vite plugin that serves it as JSON, as Starlight serves `virtual:starlight/user-config`.
 */
import type { Plugin } from 'vite';
import type { GazetteConfig } from './index';

export const VIRTUAL_CONFIG_ID = 'virtual:gazette/config';
const RESOLVED_ID = `\0${VIRTUAL_CONFIG_ID}`;

/**
 * The settings pages and the content loader read, and nothing more: every page imports the
 * module, so its text is part of every page's code hash, which decides whether an incremental
 * build keeps a page. A setting only the build's steps read (output and cache folders, the
 * search shards and memory, the mirror, the timing log) would otherwise re-render every page
 * whenever it changed, or whenever the archive was built from another folder.
 */
export interface PageSettings {
  /** Where the archive's Markdown is, and how it is read (src/config/content.ts). */
  content: GazetteConfig['content'];
  /** The date "in force" statuses are given as of (src/config/build.ts). */
  buildDate: GazetteConfig['build']['buildDate'];
}

/** What the module exports besides the settings (its default export). */
export interface GazetteBuildContext {
  /** The Astro command running: `stopBuild` throws in `dev` instead of exiting. */
  command: 'dev' | 'build' | 'preview' | 'sync';
}

function pageSettings(config: GazetteConfig): PageSettings {
  return { content: config.content, buildDate: config.build.buildDate };
}

export function virtualConfigModule(config: GazetteConfig, { command }: GazetteBuildContext): Plugin {
  const source = `export default ${JSON.stringify(pageSettings(config))};\nexport const command = ${JSON.stringify(command)};\n`;
  return {
    name: 'gazette:config',
    resolveId: (id) => (id === VIRTUAL_CONFIG_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? source : undefined),
  };
}
