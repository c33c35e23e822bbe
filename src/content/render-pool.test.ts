import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readArchive } from './archive';
import { bodyStore } from './body-store';
import { bodyRendererFor, MIN_BODIES_FOR_WORKERS, RENDER_BATCH, renderThreads } from './render-pool';
import { citationTargets } from '../markdown/rehype-citations';
import { documentPath } from '../site/site-model';
import { defaultMarkdownSettings as settings } from '../../tests/helpers/markdown-settings';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const dirs: string[] = [];
function cache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'render-pool-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('renderThreads', () => {
  it('renders a few bodies on the loader thread, many on every core, and never starts workers on one core', () => {
    expect(renderThreads(MIN_BODIES_FOR_WORKERS - 1, 2)).toBe(0);
    expect(renderThreads(MIN_BODIES_FOR_WORKERS, 2)).toBe(2);
    expect(renderThreads(MIN_BODIES_FOR_WORKERS, 8)).toBe(8);
    expect(renderThreads(100_000, 1)).toBe(0);
  });
});

describe('bodyRendererFor', () => {
  it('renders in worker threads exactly what the loader thread renders, problems included', async () => {
    const contentDir = join(ROOT, 'content');
    const { archive } = readArchive(contentDir, ROOT);
    if (!archive) throw new Error('the sample archive reads');
    const targets = citationTargets(
      archive.documents.map((d) => ({ ...d, path: documentPath(d.id) })),
      '/',
    );
    const texts = [
      ...archive.documents.map((d) => ({ text: d.body, path: join(ROOT, d.file) })),
      { text: '第一段。\n\n<div>第二段</div>\n', path: join(ROOT, 'content/bad.md') },
      { text: `${'> '.repeat(40)}太深\n`, path: join(ROOT, 'content/deep.md') },
    ];
    const renderAll = async (threads: number) => {
      const dir = cache();
      const renderer = await bodyRendererFor({ settings, targets, cacheDir: dir, root: ROOT, threads });
      try {
        const results = await Promise.all(texts.map(({ text, path }) => renderer.render(text, path)));
        const bodies = bodyStore(dir);
        return results.map((result) => ('bodyHash' in result ? { ...result, html: bodies.read(result.bodyHash) } : result));
      } finally {
        await renderer.close();
      }
    };
    const here = await renderAll(0);
    const workers = await renderAll(2);
    expect(workers).toEqual(here);
    expect(here.filter((result) => 'html' in result)).toHaveLength(archive.documents.length);
    expect(here.at(-2)).toEqual({ problems: [expect.objectContaining({ line: 3, column: 1 })] });
    expect(here.at(-1)).toEqual({ problems: [expect.objectContaining({ line: 1 })] });
    // The worker's module, bundled into node_modules; one version is kept.
    const modules = readdirSync(join(ROOT, 'node_modules/.gazette-render'));
    expect(modules).toEqual([expect.stringMatching(/^render-worker-[\w-]+\.mjs$/u)]);
    expect(readFileSync(join(ROOT, 'node_modules/.gazette-render', modules[0]!), 'utf8')).toContain('renderTask');
  });

  it('sends the bodies in batches and gives every result back to the body it belongs to', async () => {
    const texts = Array.from({ length: 2 * RENDER_BATCH + 3 }, (_, index) => ({
      text: index === RENDER_BATCH ? '<b>不是正文</b>\n' : `第${index + 1}段。\n`,
      path: join(ROOT, `content/${index}.md`),
    }));
    const dir = cache();
    const renderer = await bodyRendererFor({ settings, targets: citationTargets([], '/'), cacheDir: dir, root: ROOT, threads: 2 });
    try {
      const results = await Promise.all(texts.map(({ text, path }) => renderer.render(text, path)));
      const bodies = bodyStore(dir);
      results.forEach((result, index) => {
        if (index === RENDER_BATCH) expect(result).toEqual({ problems: [expect.objectContaining({ line: 1 })] });
        else expect('bodyHash' in result && bodies.read(result.bodyHash)).toBe(`<p>第${index + 1}段。</p>`);
      });
    } finally {
      await renderer.close();
    }
  });
});
