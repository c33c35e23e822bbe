/**
 * Content is data, never code: the build refuses raw HTML in a document body and in
 * gazette.yaml's `about` with the file, line and column, and writes nothing. (Every payload at
 * its exact line is checked through the plugin list in src/markdown/remark-content-is-data.test.ts;
 * forced through the build, tests/e2e/payloads.test.ts shows no payload runs.)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/astro-build';
import { writePayloadSite } from '../helpers/payload-site';

const work = mkdtempSync(join(tmpdir(), 'gazette-payloads-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the build refuses raw HTML', () => {
  it('in a document body, naming file:line:column and the fix', async () => {
    const site = writePayloadSite(join(work, 'bodies'), { about: false, title: false });
    const outDir = join(work, 'bodies/site');
    const result = await astroBuild({ base: '/', outDir, contentDir: site.contentDir });
    expect(result.code, result.output).not.toBe(0);
    const match =
      /(zibo\/2020\/07\/[\w-]+\.md):(\d+):(\d+): body: the HTML tag <script> is not allowed: content is Markdown only, raw HTML is refused; write the text itself in Markdown/u.exec(
        result.output,
      );
    expect(match, result.output.slice(-3000)).not.toBeNull();
    // The first payload of every body is the <script> block, at the start of its line.
    expect({ line: Number(match![2]), column: Number(match![3]) }).toEqual(site.firstPayload.get(match![1]!));
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  }, 60_000);

  it("in gazette.yaml's about, naming the file, its line and column (as check does) and the field", async () => {
    const site = writePayloadSite(join(work, 'about'), { bodies: false, title: false });
    const outDir = join(work, 'about/site');
    const result = await astroBuild({ base: '/', outDir, contentDir: site.contentDir });
    expect(result.code, result.output).not.toBe(0);
    const { line, column } = site.aboutPayload!;
    expect(result.output).toContain(
      `zibo/gazette.yaml:${line}:${column}: about: the HTML tag <script> is not allowed: content is Markdown only, raw HTML is refused; write the text itself in Markdown`,
    );
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  }, 60_000);
});
