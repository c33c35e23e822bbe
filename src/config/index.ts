/**
 * A gazette site's configuration: GazetteConfigSchema (./schema.ts, one file per area), the
 * environment mapped onto it (./env.ts), and `loadGazetteConfig`, which the integration
 * (src/integration.ts) and the command-line tools call to get the settings they work with.
 * Pages and the content loader read the integration's result from `virtual:gazette/config`.
 */
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { configFromEnvironment } from './env';
import { GazetteConfigSchema, type GazetteUserConfig, type ParsedGazetteConfig } from './schema';

export { GazetteConfigSchema, type GazetteUserConfig } from './schema';
export { ENVIRONMENT, exportIndexChunkSize } from './env';

/** The settings as the build uses them: defaults filled in, every path absolute. */
export interface GazetteConfig {
  site: ParsedGazetteConfig['site'];
  content: ParsedGazetteConfig['content'];
  build: ParsedGazetteConfig['build'];
  search: ParsedGazetteConfig['search'] & { cacheDir: string };
  mirror: ParsedGazetteConfig['mirror'];
}

/** Settings that cannot be used, one line each, naming the variable or option and the fix. */
export class GazetteConfigError extends Error {
  override name = 'GazetteConfigError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** `options` over the environment, field by field; an option given as undefined is not given. */
function merge(fromEnvironment: GazetteUserConfig, options: GazetteUserConfig): Record<string, unknown> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const source of [fromEnvironment, options] as Record<string, unknown>[]) {
    for (const [area, fields] of Object.entries(source)) {
      if (fields === undefined) continue;
      // An area that is not an object is the schema's to reject.
      const given =
        fields !== null && typeof fields === 'object'
          ? Object.entries(fields).filter(([, value]) => value !== undefined)
          : undefined;
      merged[area] = given ? { ...merged[area], ...Object.fromEntries(given) } : (fields as never);
    }
  }
  return merged;
}

function problemLine(issue: z.core.$ZodIssue, sources: ReturnType<typeof configFromEnvironment>['sources']): string {
  const [area, field] = issue.path.map(String);
  const key = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : field;
  const fromEnvironment = field === undefined ? undefined : sources.get(`${area}.${field}`);
  if (fromEnvironment) {
    const { name, text, example } = fromEnvironment;
    return `${name}: "${text}" ${issue.message}; set it like ${name}=${example}, or unset it for the default`;
  }
  const where = area === undefined ? 'gazette()' : `gazette({ ${area}${key === undefined ? '' : `: { ${key} }`} })`;
  return `${where}: ${issue.message}`;
}

/**
 * Parses the configuration once: `options` (from astro.config.mjs or a tool) over the
 * environment over the defaults. Relative paths are taken from `root`, the project folder.
 * Throws a GazetteConfigError that names each bad setting and how to fix it.
 */
export function loadGazetteConfig({
  root,
  options = {},
  env,
}: {
  root: string;
  options?: GazetteUserConfig;
  env?: Record<string, string | undefined>;
}): GazetteConfig {
  const environment = configFromEnvironment(env);
  const parsed = GazetteConfigSchema.safeParse(merge(environment.config, options));
  const problems = [
    ...environment.problems,
    ...(parsed.error?.issues.map((issue) => problemLine(issue, environment.sources)) ?? []),
  ];
  if (!parsed.success || problems.length > 0) throw new GazetteConfigError(problems);
  const { site, content, build, search, mirror } = parsed.data;
  const path = (dir: string) => resolve(root, dir);
  const cacheDir = path(build.cacheDir);
  return {
    site,
    content: { ...content, dir: path(content.dir) },
    build: {
      ...build,
      outDir: path(build.outDir),
      cacheDir,
      ...(build.timingLog ? { timingLog: path(build.timingLog) } : {}),
    },
    search: { ...search, cacheDir: search.cacheDir ? path(search.cacheDir) : join(cacheDir, 'gazette-search') },
    mirror: { dir: path(mirror.dir) },
  };
}
