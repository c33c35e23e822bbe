/**
 * The archive as a ZIM for Kiwix (src/mirror/zim.ts): zimwriterfs packs the mirror made
 * from the built sample archive, zimcheck passes on it, and kiwix-serve (on 127.0.0.1, a free
 * port) serves a document page and finds it by a Chinese full-text search.
 * Needs Debian's zim-tools and kiwix-tools (.ci/run installs them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIRROR_CONTENT_SECURITY_POLICY } from '../../src/site/csp';
import { buildZim, checkZim } from '../../src/mirror/zim';
import { DOC_56, ISSUE_TOC } from '../helpers/archive';
import { select } from '../helpers/built-site';
import { mirrorSampleBuild } from '../helpers/mirror';

const work = mkdtempSync(join(tmpdir(), 'gazette-zim-test-'));
const zimPath = join(work, 'zibo-2020-06-03.zim');
const book = basename(zimPath, '.zim');

beforeAll(async () => {
  const mirror = await mirrorSampleBuild(work, 'mirror', { zip: false });
  await buildZim(mirror.folder, zimPath, {
    gazetteId: 'zibo',
    gazetteName: '淄博市人民政府公报',
    publisher: '淄博市人民政府',
    editor: '淄博市人民政府办公室',
    siteUrl: inject('siteUrl'),
    issues: 1,
    documents: ISSUE_TOC.length,
  });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A port nothing listens on right now (the OS picks it; kiwix-serve cannot be given port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the ZIM', () => {
  it('passes zimcheck', async () => {
    expect(statSync(zimPath).size).toBeGreaterThan(0);
    const report = await checkZim(zimPath);
    expect(report).toContain('Overall Test Status: Pass');
    console.log(`zim: ${statSync(zimPath).size} bytes`);
  }, 60_000);

  describe('served by kiwix-serve', () => {
    let server: ChildProcess | undefined;
    let origin = '';
    let output = '';

    beforeAll(async () => {
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      server = spawn('kiwix-serve', ['--address=127.0.0.1', `--port=${port}`, zimPath], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      server.stdout!.on('data', (chunk) => (output += chunk));
      server.stderr!.on('data', (chunk) => (output += chunk));
      const started = new Promise<void>((_, reject) => {
        server!.once('error', (error) =>
          reject(new Error(`could not start kiwix-serve (apt-get install -y kiwix-tools): ${error.message}`)),
        );
        server!.once('exit', (code) => reject(new Error(`kiwix-serve exited with ${code}:\n${output}`)));
      });
      // Bounded wait for the server to answer: 50 tries, 100 ms apart.
      const ready = (async () => {
        for (let attempt = 0; attempt < 50; attempt += 1) {
          if (
            await fetch(`${origin}/`).then(
              (r) => r.ok,
              () => false,
            )
          )
            return;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`kiwix-serve did not answer on ${origin}:\n${output}`);
      })();
      await Promise.race([ready, started]);
    }, 30_000);

    afterAll(() => {
      server?.kill();
    });

    it('serves a document page', async () => {
      const response = await fetch(`${origin}/${book}/${DOC_56.path}index.html`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(DOC_56.title);
      // Kiwix serves the page as packed: under the mirror's Content-Security-Policy.
      expect(select('head > meta[http-equiv="Content-Security-Policy"]', fromHtml(html))?.properties.content).toBe(
        MIRROR_CONTENT_SECURITY_POLICY,
      );
    });

    it('finds the document by a Chinese full-text search (人才贷)', async () => {
      const url = new URL('/search', origin);
      url.searchParams.set('content', book);
      url.searchParams.set('pattern', '人才贷');
      const response = await fetch(url);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(`/${book}/${DOC_56.path}index.html`);
    });

    it('serves the offline search’s data too, for the search page inside Kiwix', async () => {
      const response = await fetch(`${origin}/${book}/_search/manifest.js`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(DOC_56.title);
    });
  });
});
