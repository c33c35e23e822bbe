import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SHARD_DOCUMENTS } from '../search/pagefind/shards';
import { GazetteConfigError, loadGazetteConfig, type GazetteConfig } from './index';
import { configFromEnvironment } from './env';
import { DEFAULT_INDEX_MEMORY_MIB } from './search';

const root = '/project';
const load = (env: Record<string, string | undefined> = {}, options = {}) => loadGazetteConfig({ root, env, options });
const problemsOf = (env: Record<string, string | undefined>, options = {}): string[] => {
  try {
    load(env, options);
  } catch (error) {
    if (error instanceof GazetteConfigError) return error.problems;
    throw error;
  }
  throw new Error('no problem found');
};

afterEach(() => vi.useRealTimers());

describe('loadGazetteConfig', () => {
  it('defaults every setting, with paths from the project root', () => {
    vi.useFakeTimers({ now: new Date('2020-12-31T16:30:00Z') });
    expect(load()).toEqual({
      site: { site: 'https://gazette.example.org', base: '/' },
      content: { dir: '/project/content', repositoryBranch: 'main' },
      build: { outDir: '/project/dist', cacheDir: '/project/node_modules/.astro', buildDate: '2021-01-01' },
      search: {
        pagefind: true,
        cacheDir: '/project/node_modules/.astro/gazette-search',
        shardDocuments: DEFAULT_SHARD_DOCUMENTS,
        indexChunkSize: 4000,
        indexMemory: DEFAULT_INDEX_MEMORY_MIB,
      },
      mirror: { dir: '/project/mirror' },
    } satisfies GazetteConfig);
  });

  it('maps every GAZETTE_* variable onto its field', () => {
    const config = load({
      GAZETTE_SITE: 'https://example.gov.cn',
      GAZETTE_BASE: 'gazette',
      GAZETTE_CONTENT_DIR: 'archive',
      GAZETTE_REPOSITORY: 'https://github.com/o/r',
      GAZETTE_REPOSITORY_BRANCH: 'trunk',
      GAZETTE_OUT_DIR: '/tmp/out',
      GAZETTE_CACHE_DIR: 'cache',
      GAZETTE_BUILD_DATE: ' 2021-01-01 ',
      GAZETTE_TIMING_LOG: 'timings.jsonl',
      GAZETTE_PAGEFIND: 'false',
      GAZETTE_SEARCH_CACHE_DIR: '/var/search',
      GAZETTE_SEARCH_SHARD_SIZE: '2500',
      GAZETTE_SEARCH_INDEX_MEMORY: '2048',
      PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '1500',
      GAZETTE_MIRROR_DIR: 'out/mirror',
    });
    expect(config).toEqual({
      site: { site: 'https://example.gov.cn', base: '/gazette/' },
      content: { dir: '/project/archive', repository: 'https://github.com/o/r', repositoryBranch: 'trunk' },
      build: {
        outDir: '/tmp/out',
        cacheDir: '/project/cache',
        buildDate: '2021-01-01',
        timingLog: '/project/timings.jsonl',
      },
      search: {
        pagefind: false,
        cacheDir: '/var/search',
        shardDocuments: 2500,
        indexChunkSize: 1500,
        indexMemory: 2048,
      },
      mirror: { dir: '/project/out/mirror' },
    } satisfies GazetteConfig);
  });

  it('puts the search cache in the configured cache folder', () => {
    expect(load({ GAZETTE_CACHE_DIR: '/c' }).search.cacheDir).toBe(join('/c', 'gazette-search'));
  });

  it('takes an empty variable as unset', () => {
    vi.useFakeTimers({ now: new Date('2020-12-31T15:59:59Z') });
    const config = load({ GAZETTE_CONTENT_DIR: '', GAZETTE_BUILD_DATE: '', GAZETTE_SEARCH_SHARD_SIZE: '' });
    expect(config.content.dir).toBe('/project/content');
    expect(config.build.buildDate).toBe('2020-12-31');
    expect(config.search.shardDocuments).toBe(DEFAULT_SHARD_DOCUMENTS);
  });

  it('lets options win over the environment, field by field', () => {
    const config = load(
      { GAZETTE_BASE: '/a/', GAZETTE_SITE: 'https://a.example' },
      { site: { base: '/b/' }, search: { pagefind: false } },
    );
    expect(config.site).toEqual({ site: 'https://a.example', base: '/b/' });
    expect(config.search.pagefind).toBe(false);
    expect(load({ GAZETTE_CACHE_DIR: '/c' }, { build: { cacheDir: undefined } }).build.cacheDir).toBe('/c');
  });

  it.each([
    ['gazette', '/gazette/'],
    ['/gazette', '/gazette/'],
    ['/gazette/', '/gazette/'],
    ['//a/b//', '/a/b/'],
    ['/', '/'],
  ])('normalises the base %j to %j', (base, expected) => {
    expect(load({ GAZETTE_BASE: base }).site.base).toBe(expected);
  });

  it.each([
    ['1', true],
    ['true', true],
    ['0', false],
    ['FALSE', false],
  ])('reads GAZETTE_PAGEFIND=%s as %s', (value, expected) => {
    expect(load({ GAZETTE_PAGEFIND: value }).search.pagefind).toBe(expected);
  });
});

describe('bad settings', () => {
  it('names the variable, the value and the fix for a number that is not one', () => {
    expect(problemsOf({ GAZETTE_SEARCH_SHARD_SIZE: 'abc' })).toEqual([
      'GAZETTE_SEARCH_SHARD_SIZE: "abc" is not a whole number; set it like GAZETTE_SEARCH_SHARD_SIZE=2500, or unset it for the default',
    ]);
  });

  it('reports every bad variable at once', () => {
    expect(
      problemsOf({ GAZETTE_SEARCH_SHARD_SIZE: '2.5', GAZETTE_PAGEFIND: 'maybe', GAZETTE_SITE: 'gazette' }),
    ).toEqual([
      'GAZETTE_PAGEFIND: "maybe" is neither 1/true nor 0/false; set it like GAZETTE_PAGEFIND=0, or unset it for the default',
      'GAZETTE_SEARCH_SHARD_SIZE: "2.5" is not a whole number; set it like GAZETTE_SEARCH_SHARD_SIZE=2500, or unset it for the default',
      expect.stringMatching(/^GAZETTE_SITE: "gazette" must be an absolute http\(s\) address/u),
    ]);
  });

  it('names the variable for a value the schema refuses', () => {
    const [zero] = problemsOf({ GAZETTE_SEARCH_SHARD_SIZE: '0' });
    expect(zero).toMatch(
      /^GAZETTE_SEARCH_SHARD_SIZE: "0" .+; set it like GAZETTE_SEARCH_SHARD_SIZE=2500, or unset it for the default$/u,
    );
    const [site] = problemsOf({ GAZETTE_SITE: 'gazette.example.org' });
    expect(site).toMatch(/^GAZETTE_SITE: "gazette.example.org" must be an absolute http\(s\) address/u);
  });

  it('rejects malformed and impossible build dates, naming the variable and the fix', () => {
    for (const value of ['2021-02-30', '20210101']) {
      expect(problemsOf({ GAZETTE_BUILD_DATE: value })).toEqual([
        `GAZETTE_BUILD_DATE: "${value}" is not a date written YYYY-MM-DD; set it like GAZETTE_BUILD_DATE=2021-01-01, or unset it for the default`,
      ]);
    }
  });

  it('names the option for a bad option, and options the schema does not know', () => {
    expect(problemsOf({}, { search: { shardDocuments: -1 } })[0]).toMatch(
      /^gazette\(\{ search: \{ shardDocuments \} \}\): /u,
    );
    expect(problemsOf({}, { search: { shardSize: 10 } })[0]).toMatch(
      /^gazette\(\{ search: \{ shardSize \} \}\): .*shardSize/u,
    );
  });
});

describe('configFromEnvironment', () => {
  it('returns only the fields whose variable is set', () => {
    expect(configFromEnvironment({ GAZETTE_OUT_DIR: 'x', HOME: '/root' }).config).toEqual({ build: { outDir: 'x' } });
  });
});
