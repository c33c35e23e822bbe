import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HASH_CACHE_FILE, findDocumentPages, pageHash } from './document-pages';

const work = mkdtempSync(join(tmpdir(), 'gazette-document-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function line(id: string, date: string, fields: Record<string, unknown> = {}): string {
  return `${JSON.stringify({
    id,
    title: '关于人才贷的意见',
    number: null,
    issuers: ['淄博市人民政府办公室'],
    date,
    type: '意见',
    section: null,
    issue: { year: Number(date.slice(0, 4)) },
    status: '有效',
    text: '正文。',
    ...fields,
  })}\n`;
}

function site(name: string, pages: Record<string, string>, jsonl: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'data/documents.jsonl'), jsonl);
  for (const [id, html] of Object.entries(pages)) {
    mkdirSync(join(dir, id), { recursive: true });
    writeFileSync(join(dir, id, 'index.html'), html);
  }
  return dir;
}

describe('pageHash', () => {
  it('ignores <link> and <script> elements, which Pagefind does not index, and nothing else', () => {
    const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;
    expect(pageHash(page('<link rel="stylesheet" href="/_assets/a.css">', '正文'))).toBe(
      pageHash(page('<link rel="stylesheet" href="/_assets/b.css">', '正文')),
    );
    // A script changed anywhere in the site renames its bundle on every page.
    expect(pageHash(page('', '<p>正文</p><script type="module" src="/_assets/Tools.a1.js"></script>'))).toBe(
      pageHash(page('', '<p>正文</p><script type="module" src="/_assets/Tools.b2.js"></script>')),
    );
    expect(pageHash(page('', '<p>正文</p><script>one()</script><p>附件</p>'))).toBe(
      pageHash(page('', '<p>正文</p><script>two()</script><p>附件</p>')),
    );
    expect(pageHash(page('', '正文'))).not.toBe(pageHash(page('', '正文。')));
    expect(pageHash(page('', '<p>正文</p><script></script><p>附件</p>'))).not.toBe(
      pageHash(page('', '<p>正文</p><script></script><p>附件二</p>')),
    );
  });
});

describe('findDocumentPages', () => {
  it('gives each record its page, URL, date, filters, hash and size, in the records’ order', async () => {
    const dir = site(
      'one',
      { '2020/07/a': '<p>甲</p>', '2019/02/b': '<p>乙</p>' },
      line('2020/07/a', '2020-05-26') + line('2019/02/b', '2019-02-01', { section: '市政府文件' }),
    );
    const pages = await findDocumentPages(dir, join(work, 'cache-one'));
    expect(pages).toEqual([
      {
        url: '/2020/07/a/',
        file: '2020/07/a/index.html',
        date: '2020-05-26',
        filters: { issuer: ['淄博市人民政府办公室'], status: ['有效'], type: ['意见'], year: ['2020年'] },
        hash: pageHash('<p>甲</p>'),
        bytes: Buffer.byteLength('<p>甲</p>'),
      },
      expect.objectContaining({ url: '/2019/02/b/', date: '2019-02-01', hash: pageHash('<p>乙</p>') }),
    ]);
    expect(pages[1]!.filters.section).toEqual(['市政府文件']);
  });

  it('reuses the hash of a page whose size and modification time did not change', async () => {
    const dir = site('cached', { '2020/07/a': '<p>甲</p>' }, line('2020/07/a', '2020-05-26'));
    const cache = join(work, 'cache-cached');
    const [first] = await findDocumentPages(dir, cache);
    expect(Object.keys(JSON.parse(readFileSync(join(cache, HASH_CACHE_FILE), 'utf8')).files)).toEqual([
      '2020/07/a/index.html',
    ]);
    // Same size and time, other bytes: the cached hash stands (the page is taken as unchanged).
    const file = join(dir, '2020/07/a/index.html');
    writeFileSync(file, '<p>丙</p>');
    const when = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, when, when);
    const [changed] = await findDocumentPages(dir, cache);
    expect(changed!.hash).toBe(pageHash('<p>丙</p>'));
    writeFileSync(file, '<p>丁</p>');
    utimesSync(file, when, when);
    const [kept] = await findDocumentPages(dir, cache);
    expect(kept!.hash).toBe(changed!.hash);
    expect(first!.hash).not.toBe(changed!.hash);
  });

  it('names a document whose page was not built', async () => {
    const dir = site('missing', {}, line('2020/07/a', '2020-05-26'));
    await expect(findDocumentPages(dir, join(work, 'cache-missing'))).rejects.toThrow(
      /2020\/07\/a\/index\.html: the page of a document listed in data\/documents\.jsonl was not built/u,
    );
  });
});
