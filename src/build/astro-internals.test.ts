import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  ASTRO_LOG,
  ASTRO_TESTED_RANGE,
  AstroAssumptionError,
  cachedPageCopy,
  manifestOutputs,
  parseAstroManifest,
} from './astro-internals';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const installed = (
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('astro/package.json'), 'utf8')) as { version: string }
).version;

describe('the Astro version', () => {
  it('is pinned in package.json to the range the assumptions were tested with', () => {
    expect(
      packageJson.dependencies.astro,
      'package.json allows an Astro that src/build/astro-internals.ts was not tested with',
    ).toBe(ASTRO_TESTED_RANGE);
  });

  it('is installed within that range', () => {
    // A tilde range: the same major and minor, at least the patch.
    const [major, minor, patch] = ASTRO_TESTED_RANGE.slice(1).split('.').map(Number);
    const [iMajor, iMinor, iPatch] = installed.split(/[.-]/u).map(Number);
    expect([iMajor, iMinor], `astro ${installed} is outside ${ASTRO_TESTED_RANGE}`).toEqual([major, minor]);
    expect(iPatch).toBeGreaterThanOrEqual(patch!);
  });
});

const manifest = {
  version: 1,
  configHash: 'c',
  routes: {
    'src/pages/n/[key].astro': {
      dependencyHash: 'd',
      paths: {
        '/n/市政府令-102/': { cacheKey: 'k', outputFile: 'n/%E5%B8%82%E6%94%BF%E5%BA%9C%E4%BB%A4-102/index.html' },
      },
    },
    'src/pages/[year]/index.astro': {
      dependencyHash: 'e',
      paths: { '/2020/': { cacheKey: 'k', outputFile: '2020/index.html' } },
    },
  },
};

describe('parseAstroManifest', () => {
  it('reads the output files of the keyed pages, decoded', () => {
    expect([...manifestOutputs(parseAstroManifest(JSON.stringify(manifest)))]).toEqual([
      'n/市政府令-102/index.html',
      '2020/index.html',
    ]);
  });

  it('fails naming the assumption when the shape differs', () => {
    const broken = (change: object) => () =>
      parseAstroManifest(JSON.stringify({ ...manifest, ...change }), 'cache/incremental-build.json');
    expect(broken({ version: 2 })).toThrow(AstroAssumptionError);
    expect(broken({ version: 2 })).toThrow(
      /incremental-build manifest shape.*cache\/incremental-build\.json: version 2, expected 1/u,
    );
    expect(broken({ routes: [] })).toThrow(/no "routes" object/u);
    expect(broken({ routes: { 'src/pages/a.astro': { files: {} } } })).toThrow(
      /routes\["src\/pages\/a\.astro"\] has no "paths" object/u,
    );
    expect(broken({ routes: { 'src/pages/a.astro': { paths: { '/a/': { file: 'a/index.html' } } } } })).toThrow(
      /paths\["\/a\/"\] has no "outputFile" string/u,
    );
    expect(() => parseAstroManifest('{', 'm.json')).toThrow(/m\.json: not JSON/u);
  });
});

describe('Astro’s cache layout', () => {
  it('keeps a keyed page’s copy under dist/ at its output path', () => {
    expect(cachedPageCopy('/tmp/cache', '2020/07/a/index.html')).toBe('/tmp/cache/dist/2020/07/a/index.html');
  });
});

describe('ASTRO_LOG', () => {
  it('matches the lines Astro prints', () => {
    expect('12:00:01 [types] Generated 26.16s'.match(ASTRO_LOG.contentSynced)?.slice(1)).toEqual([
      undefined,
      '26.16',
      's',
    ]);
    expect('  ✓ Completed in 1m 13s.'.match(ASTRO_LOG.completed)?.slice(1)).toEqual(['1', '13', 's']);
    expect('12:00:09 [build] 6321 page(s) built in 73.41s'.match(ASTRO_LOG.pagesBuilt)?.[1]).toBe('6321');
    expect(ASTRO_LOG.generatingBanner.test(' generating static routes ')).toBe(true);
    const routes = '  ├─ /a/index.html (cached)\n  ├─ /b.json  ├─ /c/index.html (restored)\n (+3ms) \n';
    expect(routes.match(ASTRO_LOG.route)?.length).toBe(3);
    expect(routes.match(ASTRO_LOG.keptRoute)?.length).toBe(2);
  });
});
