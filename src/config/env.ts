/**
 * The environment variables that set a gazette's configuration: the one place that reads
 * `process.env`. Each variable sets one field of GazetteConfigSchema; options given to
 * `gazette()` win over them. An empty variable counts as unset.
 */
import type { GazetteUserConfig, ParsedGazetteConfig } from './schema';

type Area = keyof ParsedGazetteConfig;

export interface EnvironmentSetting {
  /** The variable. */
  name: string;
  area: Area;
  field: string;
  /** How the text becomes the field's value. */
  type: 'string' | 'integer' | 'boolean';
  /** A value to show in error messages. */
  example: string;
}

/** Every variable, in the README's order. */
export const ENVIRONMENT: readonly EnvironmentSetting[] = [
  { name: 'GAZETTE_SITE', area: 'site', field: 'site', type: 'string', example: 'https://gazette.example.org' },
  { name: 'GAZETTE_BASE', area: 'site', field: 'base', type: 'string', example: '/gazette/' },
  { name: 'GAZETTE_CONTENT_DIR', area: 'content', field: 'dir', type: 'string', example: 'content' },
  {
    name: 'GAZETTE_REPOSITORY',
    area: 'content',
    field: 'repository',
    type: 'string',
    example: 'https://github.com/owner/repo',
  },
  { name: 'GAZETTE_REPOSITORY_BRANCH', area: 'content', field: 'repositoryBranch', type: 'string', example: 'main' },
  { name: 'GAZETTE_OUT_DIR', area: 'build', field: 'outDir', type: 'string', example: 'dist' },
  { name: 'GAZETTE_CACHE_DIR', area: 'build', field: 'cacheDir', type: 'string', example: 'node_modules/.astro' },
  { name: 'GAZETTE_BUILD_DATE', area: 'build', field: 'buildDate', type: 'string', example: '2021-01-01' },
  { name: 'GAZETTE_TIMING_LOG', area: 'build', field: 'timingLog', type: 'string', example: 'timings.jsonl' },
  { name: 'GAZETTE_PAGEFIND', area: 'search', field: 'pagefind', type: 'boolean', example: '0' },
  { name: 'GAZETTE_SEARCH_CACHE_DIR', area: 'search', field: 'cacheDir', type: 'string', example: '.cache/search' },
  { name: 'GAZETTE_SEARCH_SHARD_SIZE', area: 'search', field: 'shardDocuments', type: 'integer', example: '2500' },
  { name: 'GAZETTE_SEARCH_INDEX_MEMORY', area: 'search', field: 'indexMemory', type: 'integer', example: '2048' },
  // Pagefind's own variable: its binary reads it (see exportIndexChunkSize).
  {
    name: 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE',
    area: 'search',
    field: 'indexChunkSize',
    type: 'integer',
    example: '4000',
  },
  { name: 'GAZETTE_MIRROR_DIR', area: 'mirror', field: 'dir', type: 'string', example: 'mirror' },
];

const BOOLEANS: Record<string, boolean> = { 1: true, true: true, yes: true, 0: false, false: false, no: false };

function valueOf(setting: EnvironmentSetting, text: string): string | number | boolean {
  if (setting.type === 'integer') {
    if (/^\s*[+-]?\d+\s*$/u.test(text)) return Number(text);
    throw new Error(
      `${setting.name}: "${text}" is not a whole number; set it like ${setting.name}=${setting.example}, or unset it for the default`,
    );
  }
  if (setting.type === 'boolean') {
    const value = BOOLEANS[text.trim().toLowerCase()];
    if (value !== undefined) return value;
    throw new Error(
      `${setting.name}: "${text}" is neither 1/true nor 0/false; set it like ${setting.name}=${setting.example}, or unset it for the default`,
    );
  }
  return text;
}

/**
 * The configuration the environment sets (only the fields whose variable is set), with the
 * variable each field came from, and a problem for each variable whose text is not of its type
 * (what the schema refuses, it reports).
 */
export function configFromEnvironment(env: Record<string, string | undefined> = process.env): {
  config: GazetteUserConfig;
  sources: Map<string, EnvironmentSetting & { text: string }>;
  problems: string[];
} {
  const config: Record<string, Record<string, unknown>> = {};
  const sources = new Map<string, EnvironmentSetting & { text: string }>();
  const problems: string[] = [];
  for (const setting of ENVIRONMENT) {
    const text = env[setting.name];
    if (text === undefined || text === '') continue;
    try {
      (config[setting.area] ??= {})[setting.field] = valueOf(setting, text);
      sources.set(`${setting.area}.${setting.field}`, { ...setting, text });
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return { config: config as GazetteUserConfig, sources, problems };
}

/**
 * Pagefind's binary reads its word index's chunk size from its environment, which it inherits
 * from this process when the indexer starts: the configured size is put there.
 */
export function exportIndexChunkSize(size: number): void {
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(size);
}
