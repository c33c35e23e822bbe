import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BODY_STORE_FOLDER, bodyHash, bodyStore } from './body-store';

const dirs: string[] = [];
function cache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'body-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('bodyStore', () => {
  it('stores a body under the hash of its HTML and reads it back', () => {
    const store = bodyStore(cache());
    const hash = store.write('<p>各区县人民政府：</p>');
    expect(hash).toBe(bodyHash('<p>各区县人民政府：</p>'));
    expect(store.has(hash)).toBe(true);
    expect(store.read(hash)).toBe('<p>各区县人民政府：</p>');
    expect(store.write('<p>各区县人民政府：</p>')).toBe(hash);
    expect(readdirSync(store.dir)).toEqual([`${hash}.html`]);
  });

  it('names the missing file and the way out when a body is gone', () => {
    const dir = cache();
    const store = bodyStore(dir);
    expect(store.has('nothing')).toBe(false);
    expect(() => store.read('nothing')).toThrow(`${join(dir, BODY_STORE_FOLDER, 'nothing.html')} is missing from the build cache`);
    expect(() => store.read('nothing')).toThrow(`Delete the cache folder ${dir}`);
  });

  it('prunes the bodies no document uses, and leaves files being written', () => {
    const store = bodyStore(cache());
    const kept = store.write('<p>一</p>');
    const dropped = store.write('<p>二</p>');
    writeFileSync(join(store.dir, `${kept}.html.123.tmp`), '<p>');
    store.prune(new Set([kept]));
    expect(store.has(kept)).toBe(true);
    expect(store.has(dropped)).toBe(false);
    expect(readdirSync(store.dir).sort()).toEqual([`${kept}.html`, `${kept}.html.123.tmp`]);
  });

  it('computes what is derived from a body once, keeps it beside the body, and prunes it with the body', () => {
    const store = bodyStore(cache());
    const hash = store.write('<p>正文。</p>');
    let computed = 0;
    const text = (html: string) => {
      computed += 1;
      return html.replace(/<[^>]+>/gu, '');
    };
    expect(store.derived(hash, 'txt', text)).toBe('正文。');
    expect(store.derived(hash, 'txt', text)).toBe('正文。');
    expect(computed).toBe(1);
    expect(readdirSync(store.dir).sort()).toEqual([`${hash}.html`, `${hash}.txt`]);
    store.prune(new Set());
    expect(readdirSync(store.dir)).toEqual([]);
  });

  it('does nothing to prune in a cache without bodies', () => {
    expect(() => bodyStore(cache()).prune(new Set())).not.toThrow();
  });
});
