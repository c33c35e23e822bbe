import { describe, expect, it, vi } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import { check, isPrebuiltUiFile, isRuntimeFile, PagefindBuildError, PAGEFIND_VERSION, step } from './service';

const logger = () => ({ error: vi.fn() }) as unknown as AstroIntegrationLogger & { error: ReturnType<typeof vi.fn> };

describe('check', () => {
  it('passes a response without errors through', () => {
    const response = { errors: [], index: 1 };
    expect(check('indexing a.html', response, logger())).toBe(response);
  });

  it("fails the build with Pagefind's errors, each logged", () => {
    const log = logger();
    expect(() => check('indexing a.html', { errors: ['bad html', 'worse'] }, log)).toThrow(PagefindBuildError);
    expect(() => check('indexing a.html', { errors: ['bad html'] }, log)).toThrow(
      /Pagefind failed while indexing a\.html: bad html\. The search index was not written/u,
    );
    expect(log.error).toHaveBeenCalledWith('Pagefind (indexing a.html): bad html');
  });
});

describe('step', () => {
  it('settles as the call does', async () => {
    await expect(step('x', async () => 3)).resolves.toBe(3);
    await expect(step('x', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
  });

  it('fails when Node is about to exit with the call unsettled (the binary died)', async () => {
    const pending = step('writing the index', () => new Promise(() => {}));
    process.emit('beforeExit', 0);
    await expect(pending).rejects.toThrow(/Pagefind stopped without answering while writing the index/u);
  });
});

describe('runtime and UI files', () => {
  it("tells Pagefind's runtime, shared by the shards, from its prebuilt UIs and a shard's own files", () => {
    expect(
      ['pagefind.js', 'pagefind-worker.js', 'pagefind-highlight.js', 'wasm.zh.pagefind'].every(isRuntimeFile),
    ).toBe(true);
    expect(['pagefind-entry.json', 'pagefind.zh_1.pf_meta', 'pagefind-ui.js'].some(isRuntimeFile)).toBe(false);
    expect(['pagefind-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js'].every(isPrebuiltUiFile)).toBe(
      true,
    );
    expect(isPrebuiltUiFile('pagefind.js')).toBe(false);
  });

  it('knows the installed Pagefind version', () => {
    expect(PAGEFIND_VERSION).toMatch(/^1\.\d+\.\d+/u);
  });
});
