import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeOfflinePage from './offline-page';
import rehypeRelativize, {
  relativizeCss,
  relativizeStyleAttribute,
  relativizeUrl,
  type RelativizeContext,
} from './relativize';

const FILES = new Set([
  'index.html',
  '404.html',
  'feed.xml',
  '2020/index.html',
  '2020/07/index.html',
  '2020/07/zzbz-2020-56/index.html',
  '2020/07/report.pdf',
  'search/index.html',
  'n/淄政办字-2020-56/index.html',
  '_assets/site.css',
  '_assets/font.woff2',
  'img/a.png',
  'img/a@2x.png',
]);

function context(from: string, extra: Partial<RelativizeContext> = {}): RelativizeContext {
  return { from, base: '/', site: 'https://gazette.example.org/', isFile: (path) => FILES.has(path), ...extra };
}

describe('relativizeUrl', () => {
  const doc = context('2020/07/zzbz-2020-56/index.html');

  it('makes root paths relative and names the folder’s index.html', () => {
    expect(relativizeUrl('/', doc)).toBe('../../../index.html');
    expect(relativizeUrl('/2020/07/', doc)).toBe('../index.html');
    expect(relativizeUrl('/2020/07/zzbz-2020-56/', doc)).toBe('index.html');
    expect(relativizeUrl('/feed.xml', doc)).toBe('../../../feed.xml');
    expect(relativizeUrl('/', context('index.html'))).toBe('index.html');
    expect(relativizeUrl('/2020/', context('404.html'))).toBe('2020/index.html');
  });

  it('finds a folder named without its trailing slash, and keeps query and fragment', () => {
    expect(relativizeUrl('/2020/07', doc)).toBe('../index.html');
    expect(relativizeUrl('/search/?q=人才贷&year=2020年#main', doc)).toBe(
      '../../../search/index.html?q=%E4%BA%BA%E6%89%8D%E8%B4%B7&year=2020%E5%B9%B4#main',
    );
  });

  it('resolves relative URLs against the page and handles encoded and raw Chinese paths', () => {
    expect(relativizeUrl('../report.pdf', doc)).toBe('../report.pdf');
    expect(relativizeUrl('./', doc)).toBe('index.html');
    const encoded = '/n/%E6%B7%84%E6%94%BF%E5%8A%9E%E5%AD%97-2020-56/';
    expect(relativizeUrl(encoded, context('numbers/index.html'))).toBe(`..${encoded}index.html`);
    expect(relativizeUrl('/n/淄政办字-2020-56/', context('numbers/index.html'))).toBe(`..${encoded}index.html`);
    expect(relativizeUrl('../../2020/07/zzbz-2020-56/', context('n/淄政办字-2020-56/index.html'))).toBe(
      '../../2020/07/zzbz-2020-56/index.html',
    );
  });

  it('turns the published site’s absolute URLs into local ones and leaves other URLs alone', () => {
    expect(relativizeUrl('https://gazette.example.org/2020/07/', doc)).toBe('../index.html');
    for (const url of [
      'https://example.com/x',
      '//cdn.example.com/a.js',
      'mailto:a@b.cn',
      'tel:3183683',
      'data:image/png;base64,AA',
      '#main',
      '',
    ]) {
      expect(relativizeUrl(url, doc)).toBe(url);
    }
  });

  it('strips the site base and leaves paths outside it alone', () => {
    const sub = context('2020/index.html', { base: '/gazette/', site: 'https://gazette.example.org/gazette/' });
    expect(relativizeUrl('/gazette/2020/07/', sub)).toBe('07/index.html');
    expect(relativizeUrl('/gazette/', sub)).toBe('../index.html');
    expect(relativizeUrl('/gazette', sub)).toBe('../index.html');
    expect(relativizeUrl('/other/', sub)).toBe('/other/');
    expect(relativizeUrl('https://gazette.example.org/gazette/feed.xml', sub)).toBe('../feed.xml');
    expect(relativizeUrl('https://gazette.example.org/other/', sub)).toBe('https://gazette.example.org/other/');
  });

  it('reports every link into the mirror, and whether its file exists', () => {
    const links: string[] = [];
    const ctx = context('index.html', { onLink: (target, exists) => links.push(`${target}:${exists}`) });
    relativizeUrl('/2020/', ctx);
    relativizeUrl('/pagefind/pagefind.js', ctx);
    relativizeUrl('https://example.com/', ctx);
    expect(links).toEqual(['2020/index.html:true', 'pagefind/pagefind.js:false']);
  });
});

describe('CSS', () => {
  it('rewrites url() and @import relative to the stylesheet', () => {
    const css = relativizeCss(
      '@import "/_assets/base.css";@font-face{font-family:x;src:url(/_assets/font.woff2) format("woff2")}body{background:url("/img/a.png")}a{background:url(data:image/png;base64,AA)}',
      context('_assets/site.css'),
    );
    expect(css).toContain('@import "base.css"');
    expect(css).toContain('url(font.woff2)');
    expect(css).toContain('url(../img/a.png)');
    expect(css).toContain('url(data:image/png;base64,AA)');
  });

  it('rewrites style attributes and leaves those without url() untouched', () => {
    expect(relativizeStyleAttribute('background: url(/img/a.png)', context('2020/index.html'))).toBe(
      'background:url(../img/a.png)',
    );
    expect(relativizeStyleAttribute('color: red', context('2020/index.html'))).toBe('color: red');
  });
});

describe('rehypeRelativize', () => {
  const html = (source: string, from: string) =>
    String(unified().use(rehypeParse).use(rehypeRelativize, context(from)).use(rehypeStringify).processSync(source));

  it('rewrites every URL-bearing attribute but keeps the canonical link absolute', () => {
    const out = html(
      `<html><head><link rel="canonical" href="https://gazette.example.org/2020/"><link rel="stylesheet" href="/_assets/site.css">
      <meta http-equiv="refresh" content="0; url=/2020/07/"><style>body{background:url(/img/a.png)}</style></head>
      <body><a href="/2020/07/">期</a><img src="/img/a.png" srcset="/img/a.png 1x, /img/a@2x.png 2x" alt="">
      <form action="/search/"><button formaction="/search/">搜</button></form><div style="background:url('/img/a.png')"></div>
      <svg><use href="/img/a.png#i"></use></svg></body></html>`,
      '2020/index.html',
    );
    expect(out).toContain('<link rel="canonical" href="https://gazette.example.org/2020/">');
    expect(out).toContain('href="../_assets/site.css"');
    expect(out).toContain('content="0; url=07/index.html"');
    expect(out).toContain('background:url(../img/a.png)');
    expect(out).toContain('<a href="07/index.html">');
    expect(out).toContain('src="../img/a.png"');
    expect(out).toContain('srcset="../img/a.png 1x, ../img/a@2x.png 2x"');
    expect(out).toContain('action="../search/index.html"');
    expect(out).toContain('formaction="../search/index.html"');
    expect(out).toContain('href="../img/a.png#i"');
    expect(out).not.toMatch(/(?:href|src|action)="\//u);
  });
});

describe('rehypeOfflinePage', () => {
  it("replaces the page's Content-Security-Policy with the mirror's, right after <meta charset>", () => {
    const out = String(
      unified()
        .use(rehypeParse)
        .use(rehypeOfflinePage, { contentSecurityPolicy: "default-src 'self'" })
        .use(rehypeStringify)
        .processSync(
          `<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="script-src 'wasm-unsafe-eval' 'self'"><title>t</title></head><body><meta http-equiv="Content-Security-Policy" content="default-src *"></body></html>`,
        ),
    );
    expect(out).toBe(
      `<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src &#x27;self&#x27;"><title>t</title></head><body></body></html>`,
    );
  });

  it('removes module scripts and modulepreload links, reports them and adds classic scripts', () => {
    const dropped: string[] = [];
    const out = String(
      unified()
        .use(rehypeParse)
        .use(rehypeOfflinePage, {
          scripts: ['/_search/manifest.js', '/_search/search.js'],
          onDropped: (what) => dropped.push(what),
        })
        .use(rehypeStringify)
        .processSync(
          '<html><head><link rel="modulepreload" href="/_assets/chunk.js"><script type="module" src="/_assets/page.js"></script></head><body><p>正文</p><script type="module">import "/x.js"</script><script>var classic = 1;</script></body></html>',
        ),
    );
    expect(dropped).toEqual(['/_assets/chunk.js', '/_assets/page.js', 'inline']);
    expect(out).not.toContain('type="module"');
    expect(out).not.toContain('modulepreload');
    expect(out).toContain(
      '<script>var classic = 1;</script><script src="/_search/manifest.js"></script><script src="/_search/search.js"></script></body>',
    );
  });

  it('removes preloads of what scripts fetch, keeps other preloads', () => {
    const dropped: string[] = [];
    const out = String(
      unified()
        .use(rehypeParse)
        .use(rehypeOfflinePage, { onDropped: (what) => dropped.push(what) })
        .use(rehypeStringify)
        .processSync(
          '<html><head><link rel="preload" href="/pagefind/shards.json" as="fetch" crossorigin="anonymous"><link rel="prefetch" href="/w.js" as="worker"><link rel="preload" href="/_assets/font.woff2" as="font"></head><body></body></html>',
        ),
    );
    expect(dropped).toEqual(['/pagefind/shards.json', '/w.js']);
    expect(out).not.toContain('shards.json');
    expect(out).toContain('<link rel="preload" href="/_assets/font.woff2" as="font">');
  });

  it('refuses a page without a body to add scripts to', () => {
    const tree = { type: 'root' as const, children: [] };
    expect(() => rehypeOfflinePage({ scripts: ['/a.js'] })(tree)).toThrow(/no <body>/u);
  });
});
