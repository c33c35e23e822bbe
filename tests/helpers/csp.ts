/**
 * Watching a browser context for what the site's Content-Security-Policy and the "content is
 * data" rule must prevent: CSP violations (securitypolicyviolation events, reported through a
 * binding, which no policy can block), console errors, uncaught errors, dialogs (the payloads
 * call alert()), and requests that leave the site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export interface PolicyWatch {
  /** `directive blocked-uri (page)` for every securitypolicyviolation event. */
  violations: string[];
  consoleErrors: string[];
  pageErrors: string[];
  /** Messages of alert/confirm/prompt dialogs: a payload's script ran. */
  dialogs: string[];
  /** Requests to anything but `isSite(url)`: they are aborted, and recorded. */
  offSite: string[];
  /** Starts watching a page of the context (call it for every new page). */
  watch: (page: Page) => void;
}

export async function watchPolicy(context: BrowserContext, isSite: (url: string) => boolean): Promise<PolicyWatch> {
  const result: PolicyWatch = {
    violations: [],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    offSite: [],
    watch: () => undefined,
  };
  await context.exposeBinding('__reportPolicyViolation', ({ page }, violation: string) => {
    result.violations.push(`${violation} (${decodeURI(page?.url() ?? '?')})`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (globalThis as unknown as { __reportPolicyViolation: (v: string) => void })
        .__reportPolicyViolation;
      void report(
        `${event.effectiveDirective} ${event.blockedURI || 'inline'} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  await context.route(
    (url) => !isSite(url.href),
    (route) => {
      result.offSite.push(route.request().url());
      return route.abort();
    },
  );
  context.on('page', (page) => result.watch(page));
  result.watch = (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') result.consoleErrors.push(`${message.text()} (${decodeURI(page.url())})`);
    });
    page.on('pageerror', (error) => result.pageErrors.push(`${error.message} (${decodeURI(page.url())})`));
    page.on('dialog', (dialog) => {
      result.dialogs.push(`${dialog.message()} (${decodeURI(page.url())})`);
      void dialog.dismiss();
    });
  };
  return result;
}

/** The headers `_headers` gives every path (`<base>*`), as a host that reads it would send them. */
export function siteHeaders(outDir: string, base = '/'): Record<string, string> {
  const lines = readFileSync(join(outDir, '_headers'), 'utf8').split('\n');
  const headers: Record<string, string> = {};
  let inRule = false;
  for (const line of lines) {
    if (line && !line.startsWith(' ')) inRule = line === `${base}*`;
    else if (inRule && line.trim()) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
  }
  return headers;
}

/** Serves every document of the context with `headers` added, as a host reading `_headers` would. */
export async function sendHeaders(
  context: BrowserContext,
  origin: string,
  headers: Record<string, string>,
): Promise<void> {
  await context.route(
    (url) => url.href.startsWith(origin),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), ...headers } });
    },
  );
}
