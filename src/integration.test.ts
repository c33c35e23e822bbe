import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gazette } from './integration';
import { ENVIRONMENT, type GazetteUserConfig } from './config';

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;
interface Update {
  site: string;
  base: string;
  outDir: URL;
  cacheDir: URL;
  markdown: { processor: { name: string; options: { remarkPlugins: unknown[]; smartypants: boolean } } };
  vite: { plugins: { resolveId(id: string): string | undefined; load(id: string): string | undefined }[] };
  integrations: AstroIntegration[];
}

/** Runs gazette()'s setup hook as Astro would, and returns what it gave updateConfig. */
function setUp(options: GazetteUserConfig, command = 'build'): Update {
  const updateConfig = vi.fn();
  const setup = gazette(options).hooks['astro:config:setup'] as Setup;
  void setup({
    config: { root: pathToFileURL('/project/') },
    command,
    updateConfig,
  } as unknown as Parameters<Setup>[0]);
  expect(updateConfig).toHaveBeenCalledOnce();
  return updateConfig.mock.calls[0]![0] as Update;
}

// The developer's own GAZETTE_* settings must not leak in: an empty variable counts as unset.
beforeEach(() => {
  for (const { name } of ENVIRONMENT) vi.stubEnv(name, '');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('gazette()', () => {
  const options = {
    site: { base: 'gazette' },
    build: { outDir: 'out', cacheDir: '/tmp/cache', buildDate: '2021-01-01' },
  };

  it("sets Astro's site, base and folders from the configuration, folders from the project root", () => {
    const update = setUp(options);
    expect(update.site).toBe('https://gazette.example.org');
    expect(update.base).toBe('/gazette/');
    expect(update.outDir.href).toBe('file:///project/out/');
    expect(update.cacheDir.href).toBe('file:///tmp/cache/');
  });

  it("configures Markdown with the project's plugins and no typographic substitutions", () => {
    const { processor } = setUp(options).markdown;
    expect(processor.name).toBe('unified');
    expect(processor.options.remarkPlugins.length).toBeGreaterThan(0);
    expect(processor.options.smartypants).toBe(false);
  });

  it('registers the build hooks, the build guard last, and Pagefind only when search.pagefind is on', () => {
    const names = (update: Update) => update.integrations.map((integration) => integration.name);
    expect(names(setUp(options))).toEqual([
      'gazette:previous-output',
      'gazette:pagefind',
      'gazette:cdn-headers',
      'gazette:build-guard',
    ]);
    expect(names(setUp({ ...options, search: { pagefind: false } }))).toEqual([
      'gazette:previous-output',
      'gazette:cdn-headers',
      'gazette:build-guard',
    ]);
  });

  it('serves the parsed configuration and the command as virtual:gazette/config', () => {
    const [plugin] = setUp(options, 'dev').vite.plugins;
    const id = plugin!.resolveId('virtual:gazette/config')!;
    expect(plugin!.resolveId('other')).toBeUndefined();
    const source = plugin!.load(id)!;
    expect(source).toContain('export const command = "dev";');
    const settings = JSON.parse(source.slice('export default '.length, source.indexOf(';\n')));
    expect(Object.keys(settings).sort()).toEqual(['buildDate', 'content']);
    expect(settings.buildDate).toBe('2021-01-01');
    expect(settings.content.dir).toBe('/project/content');
  });

  it('serves pages only what they read, so that a setting of the build steps re-renders no page', () => {
    const source = (update: GazetteUserConfig) => {
      const [plugin] = setUp({ ...options, ...update }).vite.plugins;
      return plugin!.load(plugin!.resolveId('virtual:gazette/config')!)!;
    };
    const same = source({});
    expect(source({ build: { ...options.build, timingLog: 'a.jsonl' } })).toBe(same);
    expect(source({ build: { ...options.build, timingLog: 'b.jsonl' } })).toBe(same);
    expect(source({ build: { ...options.build, outDir: '/elsewhere/out', cacheDir: '/elsewhere/cache' } })).toBe(same);
    expect(source({ search: { shardDocuments: 500, indexMemory: 2048 } })).toBe(same);
    expect(source({ build: { ...options.build, buildDate: '2022-01-01' } })).not.toBe(same);
  });

  it('stops the build on a bad setting, naming it', () => {
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    expect(() => setUp({ search: { shardDocuments: 0 } })).toThrow('exit 1');
    expect(stderr.join('')).toMatch(/^1 problem:\ngazette\(\{ search: \{ shardDocuments \} \}\): /u);
  });
});
