/**
 * `virtual:gazette/config`: the integration's parsed configuration, for pages and the content
 * loader, which Astro runs in other module instances than the integration (see ./virtual.d.ts).
 * A Vite plugin that serves it as JSON, as Starlight serves `virtual:starlight/user-config`.
 */
import type { Plugin } from 'vite';
import type { GazetteConfig } from './index';

export const VIRTUAL_CONFIG_ID = 'virtual:gazette/config';
const RESOLVED_ID = `\0${VIRTUAL_CONFIG_ID}`;

/** What the module exports besides the configuration (its default export). */
export interface GazetteBuildContext {
  /** The Astro command running: `stopBuild` throws in `dev` instead of exiting. */
  command: 'dev' | 'build' | 'preview' | 'sync';
}

export function virtualConfigModule(config: GazetteConfig, { command }: GazetteBuildContext): Plugin {
  // Every page imports this module, so its text is part of every page's code hash, which decides
  // whether an incremental build keeps a page. The timing log is the search step's alone (the
  // integration reads it from its own config): left out, another log file re-renders nothing.
  const { timingLog: _searchStepOnly, ...build } = config.build;
  const source = `export default ${JSON.stringify({ ...config, build })};\nexport const command = ${JSON.stringify(command)};\n`;
  return {
    name: 'gazette:config',
    resolveId: (id) => (id === VIRTUAL_CONFIG_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? source : undefined),
  };
}
