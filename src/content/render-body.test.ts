import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyStore } from './body-store';
import { bodyDependencies, bodyRenderer, renderBody } from './render-body';
import { citationTargets } from '../markdown/rehype-citations';
import { defaultMarkdownSettings as settings } from '../../tests/helpers/markdown-settings';

const dirs: string[] = [];
function cache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'render-body-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const decree = { number: '市政府令第102号', title: '淄博市重大行政决策程序规定', path: '2019/24/szfl-102/' };
// Adds the 代字 淄政办字 to the table, not the number the body cites.
const sameOrgan = { number: '淄政办字〔2019〕5号', title: '关于印发某办法的通知', path: '2019/3/zzbz-2019-5/' };

describe('renderBody', () => {
  it('stores the HTML in the body store and reports the numbers cited', async () => {
    const bodies = bodyStore(cache());
    const render = await bodyRenderer(settings, citationTargets([decree], '/'));
    const result = await renderBody(render, bodies, '根据市政府令第102号，制定本办法。\n', '/archive/x.md');
    expect(result).toEqual({ bodyHash: expect.any(String), citations: ['市政府令第102号'] });
    if (!('bodyHash' in result)) throw new Error('rendered');
    expect(bodies.read(result.bodyHash)).toContain('<a class="citation-link" href="/2019/24/szfl-102/"');
  });

  it("places a plugin's message in the text (raw HTML is refused)", async () => {
    const render = await bodyRenderer(settings, citationTargets([], '/'));
    const result = await renderBody(render, bodyStore(cache()), '第一段。\n\n<div>第二段</div>\n', '/archive/x.md');
    expect(result).toEqual({ problems: [expect.objectContaining({ line: 3, column: 1 })] });
  });
});

describe('bodyDependencies', () => {
  it("changes when a body's HTML does: a 代字 the table starts or stops knowing changes how a cited number reads", async () => {
    const text = '原淄政办字〔2020〕1号同时废止。\n';
    const without = citationTargets([decree], '/');
    const withOrgan = citationTargets([decree, sameOrgan], '/');
    const rendered = async (targets: typeof without) => {
      const bodies = bodyStore(cache());
      const result = await renderBody(await bodyRenderer(settings, targets), bodies, text, '/archive/x.md');
      if (!('bodyHash' in result)) throw new Error('rendered');
      return { html: bodies.read(result.bodyHash), citations: result.citations };
    };
    const before = await rendered(without);
    // The number is cut to the 代字 the archive knows: the body reads differently …
    expect((await rendered(withOrgan)).html).not.toBe(before.html);
    // … so the key of the body as last rendered (from the numbers that render cited) changes
    // with the table, both ways (the 代字 added, and removed again).
    expect(bodyDependencies(withOrgan, before.citations)).not.toEqual(bodyDependencies(without, before.citations));
    const after = await rendered(withOrgan);
    expect(bodyDependencies(without, after.citations)).not.toEqual(bodyDependencies(withOrgan, after.citations));
  });

  it('changes with the target of a cited number', () => {
    const moved = { ...decree, path: '2019/24/szfl-102-new/' };
    expect(bodyDependencies(citationTargets([moved], '/'), ['市政府令第102号'])).not.toEqual(
      bodyDependencies(citationTargets([decree], '/'), ['市政府令第102号']),
    );
  });

  it('stays the same for a body that cites nothing, whatever the table holds', () => {
    expect(bodyDependencies(citationTargets([decree], '/'), [])).toEqual(
      bodyDependencies(citationTargets([decree, sameOrgan], '/'), []),
    );
  });
});
