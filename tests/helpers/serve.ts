/**
 * A small static HTTP server for the built archive, as a plain static host would
 * serve it: `dir` is served under the path prefix `base` on 127.0.0.1 with an
 * ephemeral port.
 *
 *   startServer('tests/.out/sub', '/gazette/')
 *   GET /gazette/2020/07/   -> dir/2020/07/index.html
 *   GET /gazette/2020/07    -> 301 to /gazette/2020/07/ (like most static hosts)
 *   GET /gazette            -> 301 to /gazette/
 *   GET /elsewhere/         -> 404 with dir/404.html
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base, always ending with "/", e.g. "http://127.0.0.1:41234/gazette/". */
  url: string;
  /** Origin only, e.g. "http://127.0.0.1:41234". */
  origin: string;
  base: string;
  close: () => Promise<void>;
}

function normalizeBase(base: string): string {
  let b = base.trim();
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

export async function startServer(dir: string, base = '/'): Promise<StaticServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`startServer: ${root} has no index.html (was the archive built?)`);
  }
  const prefix = normalizeBase(base);
  const notFoundFile = join(root, '404.html');

  const sendNotFound = (res: ServerResponse): void => {
    res.statusCode = 404;
    if (existsSync(notFoundFile)) {
      res.setHeader('Content-Type', 'text/html;charset=utf-8');
      res.end(readFileSync(notFoundFile));
    } else {
      res.setHeader('Content-Type', 'text/plain;charset=utf-8');
      res.end('404 Not Found');
    }
  };

  const assets = sirv(root, {
    // Look files up on each request (no start-up snapshot of the folder), so a
    // rebuild while the server runs never leaves it pointing at deleted files.
    dev: true,
    etag: true,
    dotfiles: false,
    extensions: ['html'],
    onNoMatch: (_req: IncomingMessage, res: ServerResponse) => sendNotFound(res),
  });

  const server = createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.search(/[?#]/);
    const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = queryAt === -1 ? '' : rawUrl.slice(queryAt);

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    if (`${rawPath}/` === prefix) {
      res.writeHead(301, { Location: `${prefix}${query}` });
      res.end();
      return;
    }
    if (!rawPath.startsWith(prefix)) {
      sendNotFound(res);
      return;
    }
    const inner = `/${rawPath.slice(prefix.length)}`;

    // Directory without trailing slash: redirect, so relative URLs resolve as on a real host.
    if (!inner.endsWith('/')) {
      let decoded = inner;
      try {
        decoded = decodeURI(inner);
      } catch {
        /* malformed: let sirv answer 404 */
      }
      const candidate = join(root, decoded);
      if (
        candidate.startsWith(root) &&
        existsSync(join(candidate, 'index.html')) &&
        statSync(candidate).isDirectory()
      ) {
        res.writeHead(301, { Location: `${rawPath}/${query}` });
        res.end();
        return;
      }
    }

    req.url = `${inner}${query}`;
    assets(req, res);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}${prefix}`,
    origin,
    base: prefix,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolveClose()));
      }),
  };
}
