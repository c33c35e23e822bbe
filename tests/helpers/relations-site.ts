/**
 * The relations fixture (tests/helpers/relations-archive.ts) for an e2e file: built once before
 * the file's tests, served under its base, its pages opened in the file's one Chromium; contexts
 * are closed after each test, the server and the build after the file.
 *
 *   const site = useSite('root');
 *   const fixture = useRelationsSite(site);
 *   const page = await fixture.open('2020/01/');
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { buildRelationsArchive, RELATIONS_BASE, relationsOutDir } from './relations-archive';
import { startServer, type StaticServer } from './serve';
import type { Site } from './site';

export interface RelationsSite {
  /** The built fixture's folder. */
  readonly out: string;
  /** A new context in the file's Chromium (zh-CN), closed after the test. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** A page of the fixture (a path below its base) in a new context; it must answer 200. */
  open: (path: string, options?: BrowserContextOptions) => Promise<Page>;
}

export function useRelationsSite(site: Site): RelationsSite {
  const out = relationsOutDir();
  let server: StaticServer | undefined;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const result = await buildRelationsArchive(out);
    if (result.code !== 0)
      throw new Error(`building the relations fixture failed:\n${result.output.split('\n').slice(-40).join('\n')}`);
    server = await startServer(out, RELATIONS_BASE);
  }, 180_000);

  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    contexts = [];
  });

  afterAll(async () => {
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const newContext = async (options: BrowserContextOptions = {}) => {
    const context = await site.browser.newContext({ locale: 'zh-CN', ...options });
    contexts.push(context);
    return context;
  };
  return {
    out,
    newContext,
    open: async (path, options) => {
      const page = await (await newContext(options)).newPage();
      const response = await page.goto(`${server!.url}${path}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      return page;
    },
  };
}
