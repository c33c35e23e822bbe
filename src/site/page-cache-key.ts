/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`). A page returned from
 * `getStaticPaths()` with the same `cacheKey` as in the previous build, and whose code did not
 * change, is reused instead of being rendered again. A key must therefore change whenever
 * anything the page shows changes that is not code or config.
 *
 * A page renders its props and, in the layout, the gazette's details; the key is the hash of
 * exactly these. The props are plain data built for the page (src/site/page-props.ts), so the
 * key is complete by construction rather than by recognising records. Anything that JSON cannot
 * carry whole (a Map, a class instance, a function) is refused: it would leave part of what the
 * page shows out of its key.
 */
import { createHash } from 'node:crypto';

function plainValue(key: string, value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new TypeError(`pageCacheKey: "${key}" is a ${typeof value}; page props must be plain data`);
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const prototype = Object.getPrototypeOf(value) as object | null;
    if (prototype !== Object.prototype && prototype !== null) {
      throw new TypeError(
        `pageCacheKey: "${key}" is a ${value.constructor?.name ?? 'non-plain object'}; page props must be plain data`,
      );
    }
  }
  return value;
}

/**
 * The cache key of a page that renders `props` inside a layout that shows `layout` (the
 * gazette). Throws on a cycle or on a value that is not plain data.
 */
export function pageCacheKey(props: unknown, layout: unknown = null): string {
  const json = JSON.stringify([props, layout], plainValue);
  return createHash('sha256').update(json).digest('base64url');
}

/**
 * The cache key of an endpoint whose response is exactly `body` (an open-data file): the hash
 * of the text itself, which spares quoting megabytes of text as JSON first.
 */
export function bodyCacheKey(body: string): string {
  return createHash('sha256').update(body).digest('base64url');
}
