import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeSanitizeContent from './rehype-sanitize-content';

// The plugin alone, on trees no Markdown would give: what it keeps and drops whatever reaches it.
// The whole pipeline on every payload is in remark-content-is-data.test.ts.
const sanitize = (html: string) =>
  unified()
    .use(rehypeStringify)
    .stringify(rehypeSanitizeContent()(fromHtml(html, { fragment: true }) as Root));

describe('rehypeSanitizeContent', () => {
  it('drops script and style with their contents, and other unknown elements keeping their text', () => {
    expect(sanitize('<p>甲<script>alert(1)</script><style>p{}</style><span>乙</span><iframe></iframe></p>')).toBe(
      '<p>甲乙</p>',
    );
  });

  it('drops event handlers, styles, ids and classes the gazette blocks do not use', () => {
    expect(sanitize('<p id="x" class="a" style="color:red" onclick="alert(1)">正文</p>')).toBe('<p>正文</p>');
    expect(sanitize('<div class="signature evil">署名</div>')).toBe('<div class="signature">署名</div>');
  });

  it('keeps the footnote ids mdast-util-to-hast writes, and no other', () => {
    expect(sanitize('<ol><li id="user-content-fn-1">注</li><li id="fn-2">注</li></ol>')).toBe(
      '<ol><li id="user-content-fn-1">注</li><li>注</li></ol>',
    );
  });

  it('keeps http, https and mailto links and drops script and data addresses', () => {
    expect(sanitize('<a href="https://example.org/">甲</a><a href="mailto:a@example.org">乙</a>')).toBe(
      '<a href="https://example.org/">甲</a><a href="mailto:a@example.org">乙</a>',
    );
    expect(sanitize('<a href="javascript:alert(1)">甲</a><img src="data:image/png;base64,AA" alt="乙">')).toBe(
      '<a>甲</a><img alt="乙">',
    );
  });

  it('writes out the https: of a protocol-relative address, even after white space', () => {
    expect(sanitize('<a href=" //evil.example/x">甲</a><img src="//evil.example/a.png" alt="">')).toBe(
      '<a href="https://evil.example/x">甲</a><img src="https://evil.example/a.png" alt="">',
    );
  });

  it('turns any input into a disabled checkbox, and keeps table cells only inside tables', () => {
    expect(
      sanitize(
        '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled checked> 项</li></ul>',
      ),
    ).toBe(
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled checked> 项</li></ul>',
    );
    expect(sanitize('<p><input type="text" value="x"></p>')).toBe('<p><input type="checkbox" disabled></p>');
    expect(sanitize('<p><td>格</td></p>')).toBe('<p>格</p>');
  });
});
