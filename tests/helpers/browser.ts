/**
 * Browser helpers for the end-to-end tests: Debian's Chromium driven by
 * playwright-core (no browser download), axe-core checks with readable
 * output, and a network recorder based on the Chrome DevTools Protocol.
 */
import axe from 'axe-core';
import { chromium, type Browser, type CDPSession, type Page, type Request as PlaywrightRequest } from 'playwright-core';

export const CHROMIUM_PATH = process.env.GAZETTE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium. The flags keep it from reaching out to the
 * network (this machine's network is closed) and let it run as root.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

// ---------------------------------------------------------------------------
// Accessibility

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface A11yOptions {
  /** CSS selectors to leave out of the check. */
  exclude?: string[];
  /** axe rule ids to switch off (say why at the call site). */
  disableRules?: string[];
}

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** One readable string per violation, so `expect(violations).toEqual([])` says what is wrong. */
export function formatViolations(violations: AxeViolation[]): string[] {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 8).map((n) => {
      const target = n.target.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join(' >>> ');
      const summary = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' | ').trim();
      const html = n.html.length > 160 ? `${n.html.slice(0, 157)}...` : n.html;
      return `    - ${target}\n      html: ${html}\n      ${summary}`;
    });
    const more = v.nodes.length > 8 ? `\n    ... and ${v.nodes.length - 8} more` : '';
    return `${v.id} [${v.impact ?? 'n/a'}] ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'})\n  ${v.helpUrl}\n${nodes.join('\n')}${more}`;
  });
}

/**
 * Runs axe-core on the current page with the WCAG 2.0/2.1/2.2 A and AA rules.
 * Returns the violations formatted (empty array = no violations).
 */
export async function checkA11y(page: Page, options: A11yOptions = {}): Promise<string[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) {
    // Evaluated through DevTools, not as an inline <script>: the pages' CSP forbids inline scripts.
    await page.evaluate(axe.source);
  }
  const violations = await page.evaluate(
    async ({ tags, exclude, disableRules }) => {
      const w = window as unknown as {
        axe: {
          run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }>;
        };
      };
      const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
      const rules = Object.fromEntries(disableRules.map((id) => [id, { enabled: false }]));
      const result = await w.axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        rules,
        resultTypes: ['violations'],
      });
      // Keep only what is serialisable and useful.
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      }));
    },
    { tags: WCAG_TAGS, exclude: options.exclude ?? [], disableRules: options.disableRules ?? [] },
  );
  return formatViolations(violations);
}

// ---------------------------------------------------------------------------
// Network recording

export interface RecordedRequest {
  url: string;
  method: string;
  /** Resource type: Document, Script, Stylesheet, Fetch, XHR, Image, Font, Other... */
  type: string;
  status?: number;
  mimeType?: string;
  /** Bytes received over the wire (headers + body, as encoded). */
  encodedBytes: number;
  fromCache: boolean;
  failed?: string;
  finished: boolean;
  /**
   * Where the byte count comes from: "cdp" (the page's Network.loadingFinished
   * encodedDataLength) or "worker" (a request a web worker made, e.g. Pagefind's
   * index fetches, measured by Playwright's request.sizes(), which Chromium
   * derives from the same encodedDataLength in the worker's own target).
   */
  source: 'cdp' | 'worker';
}

export interface NetworkRecorder {
  /** Every request seen since the recorder started (or since the last `reset`). */
  readonly requests: RecordedRequest[];
  /** Sum of encodedBytes over the finished requests, optionally filtered. */
  totalBytes: (filter?: (r: RecordedRequest) => boolean) => number;
  /** A readable table of the requests, for logging. */
  summary: (filter?: (r: RecordedRequest) => boolean) => string;
  /** Forget what was recorded so far (e.g. after the initial page load). */
  reset: () => void;
  /** Waits until no request has been in flight for `quietMs`. */
  waitForIdle: (quietMs?: number, timeoutMs?: number) => Promise<void>;
  stop: () => Promise<void>;
}

interface CdpEntry {
  requestId: string;
  url: string;
  method: string;
  type: string;
  status?: number;
  mimeType?: string;
  encodedBytes: number;
  fromCache: boolean;
  failed?: string;
  finished: boolean;
}

interface PlaywrightEntry {
  url: string;
  method: string;
  type: string;
  status?: number;
  mimeType?: string;
  encodedBytes: number;
  failed?: string;
  done: boolean;
}

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * Chrome DevTools' and Lighthouse's "Slow 4G" (Puppeteer's `PredefinedNetworkConditions`): 150 ms
 * round trips and 1.6 Mbit/s down, scaled as DevTools scales them for per-request throttling
 * (latency × 3.75, throughput × 0.9). Bytes per second and milliseconds, as CDP takes them.
 */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6e6 / 8) * 9) / 10,
  uploadThroughput: ((750e3 / 8) * 9) / 10,
};

/**
 * Throttles the page's network from now on, its dedicated workers' requests included
 * (Chromium applies a page's emulated conditions to the workers it starts).
 */
export async function emulateNetwork(page: Page, conditions: typeof SLOW_4G): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', conditions);
}

/**
 * Records every request the page makes and the bytes transferred.
 *
 * The page's own requests are measured through a CDP session on the page
 * (`Network.loadingFinished` encodedDataLength). Requests made by dedicated
 * workers (Pagefind runs its search in one) go to the worker's own CDP target,
 * which a page session does not see: those are taken from Playwright's request
 * events and `request.sizes()`. Start the recorder before the navigation or
 * action to measure.
 */
export async function recordNetwork(page: Page): Promise<NetworkRecorder> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const byId = new Map<string, CdpEntry>();
  let cdp: CdpEntry[] = [];
  let pw: PlaywrightEntry[] = [];
  const pwByRequest = new Map<PlaywrightRequest, PlaywrightEntry>();
  let lastActivity = Date.now();
  let stopped = false;

  session.on('Network.requestWillBeSent', (e) => {
    lastActivity = Date.now();
    // A redirect reuses the request id: keep the hop that was redirected as its own entry.
    const previous = byId.get(e.requestId);
    if (previous && e.redirectResponse) {
      previous.status = e.redirectResponse.status;
      previous.finished = true;
      previous.encodedBytes = e.redirectResponse.encodedDataLength ?? 0;
    }
    const entry: CdpEntry = {
      requestId: e.requestId,
      url: e.request.url,
      method: e.request.method,
      type: e.type ?? 'Other',
      encodedBytes: 0,
      fromCache: false,
      finished: false,
    };
    byId.set(e.requestId, entry);
    cdp.push(entry);
  });
  session.on('Network.responseReceived', (e) => {
    lastActivity = Date.now();
    const entry = byId.get(e.requestId);
    if (!entry) return;
    entry.status = e.response.status;
    entry.mimeType = e.response.mimeType;
    entry.fromCache = Boolean(e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache);
  });
  session.on('Network.requestServedFromCache', (e) => {
    const entry = byId.get(e.requestId);
    if (entry) entry.fromCache = true;
  });
  session.on('Network.loadingFinished', (e) => {
    lastActivity = Date.now();
    const entry = byId.get(e.requestId);
    if (!entry) return;
    entry.encodedBytes = e.encodedDataLength;
    entry.finished = true;
  });
  session.on('Network.loadingFailed', (e) => {
    lastActivity = Date.now();
    const entry = byId.get(e.requestId);
    if (!entry) return;
    entry.failed = e.errorText;
    entry.finished = true;
  });
  await session.send('Network.enable');

  // Playwright sees the requests of the page and of its dedicated workers.
  const onRequest = (request: PlaywrightRequest) => {
    if (stopped) return;
    lastActivity = Date.now();
    const entry: PlaywrightEntry = {
      url: request.url(),
      method: request.method(),
      type: capitalize(request.resourceType()),
      encodedBytes: 0,
      done: false,
    };
    pwByRequest.set(request, entry);
    pw.push(entry);
  };
  const onFinished = async (request: PlaywrightRequest) => {
    const entry = pwByRequest.get(request);
    if (!entry) return;
    try {
      const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
      const headers = response?.headers() ?? {};
      // A worker's own script finishes in the worker's target: Chromium reports no body size
      // for it there, so fall back to Content-Length (the encoded size on the wire).
      const body = sizes.responseBodySize || Number(headers['content-length'] ?? 0) || 0;
      entry.encodedBytes = sizes.responseHeadersSize + body;
      entry.status = response?.status();
      entry.mimeType = headers['content-type'];
    } catch (error) {
      entry.failed = `sizes unavailable: ${(error as Error).message}`;
    }
    entry.done = true;
    lastActivity = Date.now();
  };
  const onFailed = (request: PlaywrightRequest) => {
    const entry = pwByRequest.get(request);
    if (!entry) return;
    entry.failed = request.failure()?.errorText ?? 'failed';
    entry.done = true;
    lastActivity = Date.now();
  };
  page.on('request', onRequest);
  page.on('requestfinished', onFinished);
  page.on('requestfailed', onFailed);

  /** CDP entries, completed by Playwright's view of the requests the page session cannot see. */
  const merged = (): RecordedRequest[] => {
    const out: RecordedRequest[] = cdp.map((e) => ({ ...e, source: 'cdp' as const }));
    const consumed = new Set<number>();
    for (const p of pw) {
      const i = out.findIndex(
        (r, idx) => !consumed.has(idx) && r.source === 'cdp' && r.url === p.url && r.method === p.method,
      );
      if (i >= 0) {
        consumed.add(i);
        const r = out[i]!;
        // Loaded by a worker target (e.g. the worker's own script): the page session saw it start only.
        if (!r.finished && p.done) {
          Object.assign(r, {
            encodedBytes: p.encodedBytes,
            status: r.status ?? p.status,
            failed: p.failed,
            finished: true,
            source: 'worker' as const,
          });
        }
        continue;
      }
      out.push({
        url: p.url,
        method: p.method,
        type: p.type,
        status: p.status,
        mimeType: p.mimeType,
        encodedBytes: p.encodedBytes,
        fromCache: false,
        failed: p.failed,
        finished: p.done,
        source: 'worker',
      });
    }
    return out;
  };

  const totalBytes = (filter: (r: RecordedRequest) => boolean = () => true): number =>
    merged()
      .filter((r) => r.finished && filter(r))
      .reduce((sum, r) => sum + r.encodedBytes, 0);

  return {
    get requests() {
      return merged();
    },
    totalBytes,
    summary: (filter = () => true) => {
      const rows = merged()
        .filter(filter)
        .map((r) => {
          const status = r.failed ? `FAILED ${r.failed}` : String(r.status ?? '...');
          const via = r.source === 'worker' ? ' (worker)' : '';
          return `${String(r.encodedBytes).padStart(9)} B  ${status.padEnd(4)} ${r.type.padEnd(10)} ${r.url}${via}`;
        });
      return `${rows.join('\n')}\n${String(totalBytes(filter)).padStart(9)} B  total (${rows.length} requests)`;
    },
    reset: () => {
      cdp = [];
      byId.clear();
      pw = [];
      pwByRequest.clear();
    },
    waitForIdle: async (quietMs = 500, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const pending = merged().filter((r) => !r.finished);
        if (pending.length === 0 && Date.now() - lastActivity >= quietMs) return;
        if (Date.now() > deadline) {
          throw new Error(
            `network not idle after ${timeoutMs} ms; pending: ${pending.map((r) => r.url).join(', ') || '(none)'}`,
          );
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: async () => {
      stopped = true;
      page.off('request', onRequest);
      page.off('requestfinished', onFinished);
      page.off('requestfailed', onFailed);
      await session.detach().catch(() => undefined);
    },
  };
}

/** Formats a byte count for logs: "12.3 kB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}
