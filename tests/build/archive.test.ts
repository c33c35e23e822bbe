/**
 * The built sample archive (tests/.out/root, built once by tests/setup/build-archive.ts):
 * pages, table of contents, the printed text, links, feeds, sitemap, search index, headers.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ISSUE_TOC } from '../helpers/archive';
import { foldText, listFiles, mainText, readPage, select, selectAll, textOf } from '../helpers/built-site';

const SEED = readFileSync(join(import.meta.dirname, '../fixtures/zibo-gazette-2020-07.txt'), 'utf8');
const SITE = 'https://gazette.example.org';

let out: string;
let files: string[];
beforeAll(() => {
  out = inject('outRoot');
  files = listFiles(out);
});

const documentPages = () => ISSUE_TOC.map((entry) => `2020/07/${entry.slug}/index.html`);

describe('pages', () => {
  it('builds every page of the archive', () => {
    for (const page of [
      'index.html',
      '2020/index.html',
      '2020/07/index.html',
      ...documentPages(),
      'issuers/index.html',
      'types/index.html',
      'numbers/index.html',
      'about/index.html',
      'search/index.html',
      '404.html',
    ]) {
      expect(files, page).toContain(page);
    }
  });

  it('gives every document page its title, number, metadata, body and signature', () => {
    for (const [index, entry] of ISSUE_TOC.entries()) {
      const tree = readPage(out, documentPages()[index]);
      const h1 = textOf(select('article h1', tree));
      expect(h1.length).toBeGreaterThan(5);
      // The title as it is cited: the issuer once, before 关于 (tests/build/document-page.test.ts).
      expect(h1, 'the issuer once').toMatch(/^淄博市人民政府办公室关于/);
      expect(h1).not.toMatch(/^(淄博市人民政府办公室){2}/);
      expect(textOf(select('p.doc-number', tree))).toBe(entry.number);
      expect(textOf(select('dl.doc-facts', tree))).toContain(`2020年第7期第${entry.page}页`);
      expect(selectAll('div.signature', tree).length).toBeGreaterThanOrEqual(1);
      expect(textOf(select('.doc-citation', tree))).toContain(`${SITE}/2020/07/${entry.slug}/`);
    }
  });

  it('shows the table of contents in printed order, with numbers and pages', () => {
    const tree = readPage(out, '2020/07/index.html');
    expect(mainText(tree)).toContain('总第232期');
    const sections = selectAll('section.toc-section', tree);
    expect(sections.map((section) => textOf(select('h2, h3', section)))).toEqual(['市政府办公室文件']);
    const entries = selectAll('li.toc-entry', tree).map((entry) => ({
      href: String(select('a.toc-title', entry)?.properties.href),
      number: textOf(select('.toc-number', entry)),
      page: Number(textOf(select('.toc-page', entry)).replace(/\D/g, '')),
    }));
    expect(entries).toEqual(
      ISSUE_TOC.map((entry) => ({ href: `/2020/07/${entry.slug}/`, number: entry.number, page: entry.page })),
    );
  });

  it('links documents to their neighbours in the issue', () => {
    const first = readPage(out, documentPages()[0]);
    expect(select('a[rel="prev"]', first)).toBeUndefined();
    expect(select('a[rel="next"]', first)?.properties.href).toBe('/2020/07/zzbz-2020-54/');
    const last = readPage(out, documentPages()[4]);
    expect(select('a[rel="prev"]', last)?.properties.href).toBe('/2020/07/zzbz-2020-57/');
  });

  it('keeps the attachment table of 57号 as a table', () => {
    const tree = readPage(out, '2020/07/zzbz-2020-57/index.html');
    const table = select('.doc-body table', tree);
    expect(selectAll('thead th', table!).map((cell) => textOf(cell))).toEqual([
      '序号',
      '行业领域',
      '目标任务',
      '工作措施',
      '牵头单位',
      '配合单位',
    ]);
    expect(selectAll('tbody tr', table!)).toHaveLength(11);
    expect(textOf(select('.doc-body', tree))).not.toMatch(/<\/?p>|----/);
  });

  it('redirects short links by document number to the document', () => {
    const html = readFileSync(join(out, 'n/淄政办字-2020-54/index.html'), 'utf8');
    expect(html).toContain('content="0; url=/2020/07/zzbz-2020-54/"');
    expect(html).toContain(`<link rel="canonical" href="${SITE}/2020/07/zzbz-2020-54/">`);
  });

  it('has canonical URLs, descriptions and Open Graph on every page but the 404', () => {
    for (const page of files.filter(
      (file) => file.endsWith('.html') && !file.startsWith('n/') && file !== '404.html',
    )) {
      const tree = readPage(out, page);
      const canonical = select('link[rel="canonical"]', tree)?.properties.href;
      expect(canonical, page).toBe(`${SITE}/${page.replace(/index\.html$/, '')}`);
      expect(select('meta[name="description"]', tree)?.properties.content, page).toBeTruthy();
      expect(select('meta[property="og:title"]', tree)?.properties.content, page).toBeTruthy();
    }
  });

  it('ships two small module scripts on document pages, from files: the copy buttons and the header box’s prefetch', () => {
    for (const page of documentPages()) {
      const scripts = selectAll('script', readPage(out, page));
      const sources = scripts.map((script) => String(script.properties.src));
      expect(sources, page).toHaveLength(2);
      expect(sources[0]).toMatch(/^\/_assets\/DocumentTools\.[^/]+\.js$/u);
      expect(sources[1]).toMatch(/^\/_assets\/BaseLayout\.[^/]+\.js$/u);
      for (const [index, script] of scripts.entries()) {
        expect(script.properties.type).toBe('module');
        expect(readFileSync(join(out, sources[index]!)).length, 'a tiny progressive script').toBeLessThan(2_000);
      }
    }
  });
});

describe('the printed text', () => {
  const siteText = () =>
    foldText(
      files
        .filter((file) => file.endsWith('.html') && file !== 'search/index.html')
        .map((file) => mainText(readPage(out, file)))
        .join('\n'),
    );

  it('shows every line of the printed issue', () => {
    const text = siteText();
    const missing: string[] = [];
    SEED.split('\n').forEach((raw, index) => {
      const line = raw.replace(/<\/?p>/g, '');
      const folded = foldText(line);
      // The only lines that are no text: blank ones and the table's stray `----` rule.
      if (!folded) return;
      if (text.includes(folded)) return;
      // A line the PDF put together from separate blocks (issuer + title, TOC entry + page):
      // each piece must be there.
      const pieces = line.split(/\s+/).map(foldText).filter(Boolean);
      if (pieces.length > 1 && pieces.every((piece) => text.includes(piece))) return;
      missing.push(`${index + 1}: ${raw}`);
    });
    expect(missing).toEqual([]);
  });

  it('rejoins paragraphs split at page breaks', () => {
    const paragraphs = documentPages().flatMap((page) =>
      selectAll('.doc-body p', readPage(out, page)).map((p) => textOf(p)),
    );
    for (const joined of [
      '论证会、听证会，委托公共媒体',
      '“一链办理”主题服务流程',
      '特制定本工作方案。',
      '（淄政办发[2018]9号）同时废止',
    ]) {
      expect(
        paragraphs.some((paragraph) => paragraph.includes(joined)),
        joined,
      ).toBe(true);
    }
  });

  it('puts the gazette 简介 on its page', () => {
    const about = mainText(readPage(out, 'about/index.html'));
    expect(about).toContain('经市政府研究确定自2003年1月起创刊');
    expect(about).toContain('淄博市张店区人民西路8号');
  });
});

describe('links', () => {
  it('has no broken internal link', () => {
    const broken: string[] = [];
    for (const page of files.filter((file) => file.endsWith('.html'))) {
      for (const anchor of selectAll('a[href], link[href]', readPage(out, page))) {
        const href = String(anchor.properties.href);
        if (!href.startsWith('/')) continue;
        const path = decodeURI(href.split('#')[0]);
        const target = path.endsWith('/') ? `${path}index.html` : path;
        if (!existsSync(join(out, target))) broken.push(`${page} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('feeds, sitemap and CDN files', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['entry', 'url', 'author', 'category'].includes(name),
  });

  it('publishes a well-formed Atom feed, newest first', () => {
    const xml = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = feed.entry as { id: string; updated: string; title: string }[];
    expect(entries).toHaveLength(5);
    expect(entries.map((entry) => entry.id)).toEqual(
      ['zzbz-2020-58', 'zzbz-2020-57', 'zzbz-2020-56', 'zzbf-2020-5', 'zzbz-2020-54'].map(
        (slug) => `${SITE}/2020/07/${slug}/`,
      ),
    );
    expect(feed.updated).toBe(entries[0].updated);
  });

  it('publishes a well-formed sitemap of every page', () => {
    const xml = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = (parser.parse(xml).urlset.url as { loc: string }[]).map((url) => url.loc);
    for (const entry of ISSUE_TOC) expect(urls).toContain(`${SITE}/2020/07/${entry.slug}/`);
    expect(urls).toContain(`${SITE}/2020/07/`);
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it('writes the search index for the five documents in Chinese', () => {
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    expect(entry.languages['zh-cn'].page_count).toBe(5);
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('caches fingerprinted assets for a year and revalidates HTML', () => {
    const headers = readFileSync(join(out, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/_assets\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
    expect(headers).toMatch(/^\/\*\n {2}Cache-Control: public, max-age=0, must-revalidate$/m);
    const stylesheets = files.filter((file) => file.startsWith('_assets/') && file.endsWith('.css'));
    expect(stylesheets.length).toBeGreaterThan(0);
    for (const file of stylesheets) expect(file).toMatch(/\.[\w-]{8}\.css$/);
  });
});
