import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, siteSettings } from './site-settings';

describe('siteSettings', () => {
  it('defaults to the root of the example site', () => {
    expect(siteSettings({})).toEqual({
      site: DEFAULT_SITE,
      base: '/',
      outDir: './dist',
      contentDir: './content',
      cacheDir: './node_modules/.astro',
    });
  });

  it.each([
    ['gazette', '/gazette/'],
    ['/gazette', '/gazette/'],
    ['/gazette/', '/gazette/'],
    ['//a/b//', '/a/b/'],
    ['/', '/'],
  ])('normalises the base %j to %j', (base, expected) => {
    expect(siteSettings({ GAZETTE_BASE: base }).base).toBe(expected);
  });
});
