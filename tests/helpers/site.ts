/**
 * Per-file fixture for the end-to-end tests: serves one of the two builds made
 * by tests/setup/build-archive.ts and launches ONE Chromium for the file.
 *
 *   const site = useSite('root');          // or 'sub' (served under /gazette/)
 *   const { page } = await site.open('2020/07/');
 */
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Response } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServer, type StaticServer } from './serve';

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  response: Response | null;
  /** Uncaught exceptions thrown in the page (pageerror events). */
  pageErrors: Error[];
  /** console.error messages logged by the page. */
  consoleErrors: string[];
  /** Same-origin responses with status >= 400 (except the one asked for). */
  failedResponses: string[];
}

export interface Site {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** The base the site is served under: "/" or "/gazette/". */
  readonly base: string;
  /** Absolute URL of a path relative to the base ("2020/07/", "search/?q=..."). */
  url: (path?: string) => string;
  /** Absolute URL of the search page for a query (and extra parameters). */
  searchUrl: (q: string, extra?: Record<string, string | string[]>) => string;
  /** A new context + page, then goto(path). Closed automatically after each test. */
  open: (path?: string, options?: BrowserContextOptions) => Promise<OpenedPage>;
  /** A new context + page without navigating. Closed automatically after each test. */
  newPage: (options?: BrowserContextOptions) => Promise<OpenedPage>;
}

export function useSite(kind: 'root' | 'sub'): Site {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const dir = inject(kind === 'root' ? 'outRoot' : 'outSub');
    const base = kind === 'root' ? '/' : inject('subBase');
    server = await startServer(dir, base);
    browser = await launchBrowser();
  });

  afterEach(async () => {
    const open = contexts;
    contexts = [];
    await Promise.all(open.map((c) => c.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready (beforeAll failed?)`);
    return value;
  };

  const url = (path = ''): string => {
    const s = need(server, 'server');
    return `${s.url}${path.replace(/^\/+/, '')}`;
  };

  const newPage = async (options: BrowserContextOptions = {}): Promise<OpenedPage> => {
    const context = await need(browser, 'browser').newContext({ locale: 'zh-CN', ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.setDefaultNavigationTimeout(20_000);
    const opened: OpenedPage = {
      page,
      context,
      response: null,
      pageErrors: [],
      consoleErrors: [],
      failedResponses: [],
    };
    const origin = need(server, 'server').origin;
    page.on('pageerror', (error) => opened.pageErrors.push(error));
    page.on('console', (msg) => {
      if (msg.type() === 'error') opened.consoleErrors.push(msg.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url().startsWith(origin)) {
        opened.failedResponses.push(`${response.status()} ${decodeURI(response.url())}`);
      }
    });
    return opened;
  };

  return {
    get browser() {
      return need(browser, 'browser');
    },
    get server() {
      return need(server, 'server');
    },
    get base() {
      return need(server, 'server').base;
    },
    url,
    searchUrl: (q, extra = {}) => {
      const params = new URLSearchParams({ q });
      for (const [key, value] of Object.entries(extra)) {
        for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
      }
      return url(`search/?${params.toString()}`);
    },
    newPage,
    open: async (path = '', options = {}) => {
      const opened = await newPage(options);
      opened.response = await opened.page.goto(url(path), { waitUntil: 'load' });
      // The main document's own status is checked by the caller; drop it from failures.
      const main = opened.response ? `${opened.response.status()} ${decodeURI(opened.response.url())}` : '';
      opened.failedResponses = opened.failedResponses.filter((f) => f !== main);
      return opened;
    },
  };
}
