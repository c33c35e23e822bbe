import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { gazetteProcessor, testMarkdownPlugins } from '../../tests/helpers/gazette-markdown';
import { writePayloadSite } from '../../tests/helpers/payload-site';
import { PAYLOADS } from '../../tests/helpers/payloads';
import { readArchive } from '../content/archive';
import rehypeSanitizeContent from './rehype-sanitize-content';
import remarkContentIsData, { unsafeImageUrl, unsafeLinkUrl } from './remark-content-is-data';

const plugins = testMarkdownPlugins();
const pipeline = () => gazetteProcessor(plugins);

/** Runs the pipeline on `markdown` and returns the file with its messages, and the error thrown. */
function check(markdown: string) {
  const file = new VFile({ value: markdown, path: 'content/g/2020/07/doc.md' });
  let thrown: unknown;
  try {
    pipeline().processSync(file);
  } catch (error) {
    thrown = error;
  }
  return { file, thrown };
}

const render = (markdown: string) => String(pipeline().processSync(markdown));
/** The pipeline with the refusal taken out: what the sanitizer alone makes of a payload. */
const renderUnchecked = (markdown: string) =>
  String(
    gazetteProcessor({
      ...plugins,
      remarkPlugins: plugins.remarkPlugins.filter((plugin) => plugin !== remarkContentIsData),
    }).processSync(markdown),
  );

describe('remarkContentIsData refuses every payload with its position', () => {
  for (const payload of PAYLOADS) {
    it(payload.name, () => {
      const { file, thrown } = check(`# 标题\n\n正文第一段。\n\n${payload.markdown}\n`);
      const problems = file.messages.filter((message) => message.source === 'gazette-content');
      expect(problems.length, `messages: ${file.messages.map(String).join('\n')}`).toBeGreaterThan(0);
      const [first] = problems;
      expect(first!.fatal).toBe(true);
      expect(first!.ruleId).toBe(payload.rule);
      expect(first!.line).toBeGreaterThanOrEqual(5);
      expect(first!.column).toBeGreaterThanOrEqual(1);
      expect(String(first)).toMatch(/^content\/g\/2020\/07\/doc\.md:\d+:\d+(-\d+:\d+)?: /u);
      expect(first!.reason).toMatch(
        payload.rule === 'raw-html'
          ? /raw HTML is refused; write the text itself in Markdown/u
          : /not allowed|not a file of this site/u,
      );
      // The build stops on the first one.
      expect(thrown).toBe(first);
    });
  }

  it('reports every offence in a body, not only the first', () => {
    const { file } = check('<b>一</b>\n\n第二段 <i>二</i>\n\n[三](javascript:x)\n');
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '1:1 raw-html',
      '1:5 raw-html',
      '3:5 raw-html',
      '3:9 raw-html',
      '5:1 unsafe-url',
    ]);
    expect(file.messages[0]!.reason).toMatch(/^the HTML tag <b> is not allowed/u);
  });

  it('names the position of a payload inside a table cell', () => {
    const { file } = check('| a | b |\n| - | - |\n| 1 | x <img src=x onerror=alert(1)> |\n');
    expect(`${file.messages[0]!.line}:${file.messages[0]!.column}`).toBe('3:9');
  });
});

describe('what content may still say', () => {
  it('keeps text that only looks like markup, and a "<" written as text', () => {
    expect(render('a < b，《通知》<附件> 3<5 \\<script>\n')).toBe(
      '<p>a &#x3C; b，《通知》&#x3C;附件> 3&#x3C;5 &#x3C;script></p>',
    );
  });

  it('keeps http, https, mailto and relative links, and relative images', () => {
    for (const allowed of [
      'https://www.zibo.gov.cn/',
      'http://a.example/x',
      'mailto:gb@zibo.gov.cn',
      '../2020/',
      '#part',
      '?q=1',
      '/x/',
    ])
      expect(unsafeLinkUrl(allowed), allowed).toBeNull();
    for (const allowed of ['images/附图1.png', '../a.png', '/images/a.png'])
      expect(unsafeImageUrl(allowed), allowed).toBeNull();
    expect(render('[市政府](https://www.zibo.gov.cn/) ![附图](images/a.png)\n')).toBe(
      '<p><a href="https://www.zibo.gov.cn/">市政府</a> <img src="images/a.png" alt="附图"></p>',
    );
  });

  it('refuses an address that is not a URL at all', () => {
    expect(unsafeLinkUrl('http://[zibo')).toBe('the link address "http://[zibo" is not a valid URL');
    expect(unsafeImageUrl('http://[zibo')).toBe('the image address "http://[zibo" is not a valid URL');
  });

  it('refuses images from other hosts, however written', () => {
    for (const refused of [
      'https://evil.example/a.png',
      '//evil.example/a.png',
      '/\\evil.example/a.png',
      'data:image/png;base64,AAAA',
    ])
      expect(unsafeImageUrl(refused), refused).not.toBeNull();
  });

  it('renders the gazette blocks, tables, task lists and footnotes unchanged through the sanitizer', () => {
    const markdown = [
      '## 一、总体要求',
      '',
      '| 序号 | 任务 |',
      '| :-- | --: |',
      '| 1 | **推广** ~~旧~~ `代码` |',
      '',
      '- [x] 已完成',
      '- [ ] 未完成',
      '',
      '1. 第一',
      '',
      '> 引文',
      '',
      '正文[^1]。',
      '',
      '[^1]: 注释。',
      '',
      ':::signature',
      '淄博市人民政府办公室',
      '2020年5月24日',
      ':::',
      '',
      ':::issuers',
      '市大数据局',
      ':::',
      '',
      '---',
      '',
    ].join('\n');
    const unsanitized = String(
      gazetteProcessor({
        ...plugins,
        rehypePlugins: plugins.rehypePlugins.filter((plugin) => plugin !== rehypeSanitizeContent),
      }).processSync(markdown),
    );
    expect(render(markdown)).toBe(unsanitized);
    expect(unsanitized).toContain('<div class="signature">');
    expect(unsanitized).toContain('<section data-footnotes class="footnotes">');
    expect(unsanitized).toContain('<input type="checkbox" checked disabled>');
  });
});

describe('rehype-sanitize, the second line of defence', () => {
  it('writes out the https: of protocol-relative addresses, which from disk would open a network share', () => {
    expect(render('[市政府](//www.zibo.gov.cn/)\n')).toBe('<p><a href="https://www.zibo.gov.cn/">市政府</a></p>');
    // A backslash reaches the page percent-encoded (mdast-util-to-hast): a path of the site.
    expect(renderUnchecked('![图](//evil.example/a.png) ![图](/\\evil.example/b.png)\n')).toBe(
      '<p><img src="https://evil.example/a.png" alt="图"> <img src="/%5Cevil.example/b.png" alt="图"></p>',
    );
  });

  for (const payload of PAYLOADS) {
    it(`leaves nothing active of: ${payload.name}`, () => {
      const html = renderUnchecked(payload.markdown);
      expect(html).not.toMatch(/<(script|iframe|svg|details|meta|base|style|link|form|object|embed)\b/iu);
      expect(html).not.toMatch(/\son[a-z]+=/iu);
      expect(html).not.toMatch(/(?:href|src)="(?!(?:https?:|mailto:|[^":]*(?:["/?#]|$)))/iu);
      expect(html).not.toMatch(/(?:href|src)="[^"]*(?:javascript|vbscript|data:)/iu);
      expect(html, 'no protocol-relative URL (file://host from the mirror)').not.toMatch(/(?:href|src)="\s*[/\\]{2}/u);
      // An image from another host keeps its https: address here: the CSP (img-src 'self')
      // stops the request, which the payload site's browser test checks.
    });
  }
});

describe('the payload archive, every body through the plugin list as `npm run check` will run it', () => {
  it('reports each payload in each body at its line in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-payloads-'));
    try {
      const site = writePayloadSite(dir, { about: false });
      // Paths from the content folder, as firstPayload names them.
      const result = readArchive(site.contentDir, site.contentDir);
      expect(result.problems).toEqual([]);
      for (const document of result.archive!.documents) {
        const file = new VFile({ value: document.body, path: document.file });
        expect(() => pipeline().processSync(file)).toThrow();
        const reported = file.messages.map((m) => ({
          line: document.bodyLine + m.line! - 1,
          column: m.column!,
          rule: m.ruleId,
        }));
        let line = site.firstPayload.get(document.file)!.line;
        for (const payload of PAYLOADS) {
          const lines = payload.markdown.split('\n').length;
          const hits = reported.filter((r) => r.line >= line && r.line < line + lines && r.rule === payload.rule);
          expect(hits.length, `${document.file}: ${payload.name} at lines ${line}–${line + lines - 1}`).toBeGreaterThan(
            0,
          );
          line += lines + 1;
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
