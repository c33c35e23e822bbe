import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeCitations, {
  citationTargets,
  citedTargets,
  reportedCitations,
  type CitationTargets,
} from './rehype-citations';
import { gazetteProcessor } from '../../tests/helpers/gazette-markdown';
import { gazetteMarkdownPlugins } from './markdown-pipeline';
import { lookupContext } from '../domain/number-lookup';

const targets = citationTargets(
  [
    {
      number: '淄政办字〔2015〕51号',
      title: '关于进一步做好重大行政决策合法性审查工作的通知',
      path: '2015/12/zzbz-2015-51/',
    },
    { number: '市政府令第102号', title: '淄博市重大行政决策程序规定', path: '2019/24/szfl-102/' },
    { title: '没有文号的文件', path: '2019/24/untitled/' },
  ],
  '/gazette/',
);

function render(markdown: string, options: { targets?: CitationTargets } = { targets }) {
  const file = new VFile(markdown);
  const html = String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype)
      .use(rehypeCitations, options)
      .use(rehypeStringify)
      .processSync(file),
  );
  return {
    html,
    citations: reportedCitations((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro),
  };
}

const link51 = (raw: string) =>
  `<a class="citation-link" href="/gazette/2015/12/zzbz-2015-51/" title="《关于进一步做好重大行政决策合法性审查工作的通知》">${raw}</a>`;
const external = (raw: string) => `<span class="citation-external" title="本库未收录">${raw}</span>`;

describe('rehypeCitations: numbers in the archive', () => {
  it.each([
    '淄政办字[2015]51号',
    '淄政办字〔2015〕51号',
    '淄政办字（2015）51号',
    '淄政办字(2015)51号',
    '淄政办字［2015］51号',
    '淄政办字【2015】51号',
    '淄政办字 〔2015〕 51 号',
    '淄政办字〔2015〕第51号',
  ])('links %s, keeping the spelling printed', (raw) => {
    const { html, citations } = render(`按照《通知》（${raw}）要求。`);
    expect(html).toBe(`<p>按照《通知》（${link51(raw)}）要求。</p>`);
    expect(citations).toEqual(['淄政办字〔2015〕51号']);
  });

  it('links order numbers', () => {
    expect(render('按照《规定》（市政府令第102号），').html).toBe(
      '<p>按照《规定》（<a class="citation-link" href="/gazette/2019/24/szfl-102/" title="《淄博市重大行政决策程序规定》">市政府令第102号</a>），</p>',
    );
  });

  it('leaves the words before a number outside the link', () => {
    expect(render('根据淄政办字[2015]51号和市政府令第102号的规定').html).toBe(
      `<p>根据${link51('淄政办字[2015]51号')}和<a class="citation-link" href="/gazette/2019/24/szfl-102/" title="《淄博市重大行政决策程序规定》">市政府令第102号</a>的规定</p>`,
    );
  });

  it('reads the 代字 the archive knows where running text runs into it', () => {
    expect(render('请继续执行淄政办字〔2015〕51号。').html).toBe(
      `<p>请继续执行${link51('淄政办字〔2015〕51号')}。</p>`,
    );
    // A shorter known 代字 inside a longer known one does not win.
    const nested = citationTargets(
      [
        { number: '政办字〔2015〕51号', title: '甲', path: 'a/' },
        { number: '淄政办字〔2015〕51号', title: '乙', path: 'b/' },
      ],
      '/',
    );
    expect(render('执行淄政办字〔2015〕51号', { targets: nested }).html).toContain('href="/b/"');
  });

  it('finds numbers in tables, lists, headings and emphasis', () => {
    const { html } = render(
      '## 依据淄政办字[2015]51号\n\n- 见淄政办字〔2015〕51号\n\n| 文号 |\n| --- |\n| 淄政办字〔2015〕51号 |\n\n**淄政办字〔2015〕51号**\n',
    );
    expect(html.match(/class="citation-link"/g)).toHaveLength(4);
  });

  it('reports each cited number once, in order of first appearance', () => {
    expect(render('市政府令第102号、淄政办发〔2018〕9号、淄政办字[2015]51号、市政府令 第102号').citations).toEqual([
      '市政府令第102号',
      '淄政办发〔2018〕9号',
      '淄政办字〔2015〕51号',
    ]);
  });
});

describe('rehypeCitations: numbers not in the archive', () => {
  it('marks them, keeping the text as printed', () => {
    expect(render('《淄博市行政执法记录设备配备使用管理办法》（淄政办发[2018]9号）同时废止。').html).toBe(
      `<p>《淄博市行政执法记录设备配备使用管理办法》（${external('淄政办发[2018]9号')}）同时废止。</p>`,
    );
  });

  it('marks a number of a year the archive has, but not that document', () => {
    expect(render('淄政办字〔2015〕52号').html).toBe(`<p>${external('淄政办字〔2015〕52号')}</p>`);
  });
});

describe('rehypeCitations: text that is not a citation', () => {
  it.each([
    ['a date', '2020年5月24日印发，自2020年6月1日起施行。'],
    ['a phone number', '联系电话：0533-3183683，传真：0533—3186621。'],
    ['percentages', '贷款增速不低于15%，占比达到20.5%以上。'],
    ['an ordinal', '经市政府第67次常务会议研究同意。'],
    ['an issue number', '2020年第7期（总第232期）'],
    ['a bare year in brackets', '〔2020〕年度计划'],
    ['a numbered heading', '第十二条　本规定自发布之日起施行。'],
    ['a count of items', '共计26号楼、3号文件柜。'],
  ])('leaves %s alone', (_what, text) => {
    const { html, citations } = render(text);
    expect(html).toBe(`<p>${text}</p>`);
    expect(citations).toEqual([]);
  });

  it('does not link inside links or code', () => {
    const { html, citations } = render('[淄政办字[2015]51号](https://example.org/) `淄政办字〔2015〕51号`');
    expect(html).not.toContain('citation-link');
    expect(citations).toEqual([]);
  });
});

describe('rehypeCitations: orders cited in another spelling than printed', () => {
  const printed = citationTargets(
    [
      { number: '中华人民共和国国务院令第706号', title: '国务院关于修改部分行政法规的决定', path: '2018/40/gwyl-706/' },
      { number: '淄博市人民政府令第102号', title: '淄博市重大行政决策程序规定', path: '2019/24/szfl-102/' },
    ],
    '/',
    lookupContext('淄博市人民政府公报'),
  );

  it('links 国务院令第706号 to the decree printed 中华人民共和国国务院令第706号, keeping the spelling cited', () => {
    const { html, citations } = render('依据国务院令第706号和中华人民共和国国务院令 第706号。', { targets: printed });
    expect(html).toBe(
      '<p>依据<a class="citation-link" href="/2018/40/gwyl-706/" title="《国务院关于修改部分行政法规的决定》">国务院令第706号</a>和' +
        '<a class="citation-link" href="/2018/40/gwyl-706/" title="《国务院关于修改部分行政法规的决定》">中华人民共和国国务院令 第706号</a>。</p>',
    );
    expect(citations).toEqual(['国务院令第706号', '中华人民共和国国务院令第706号']);
  });

  it("links the city's 市政府令 to its 淄博市人民政府令, and reads the organ where running text runs into it", () => {
    expect(render('按照《规定》（市政府令第102号）', { targets: printed }).html).toContain(
      '<a class="citation-link" href="/2019/24/szfl-102/"',
    );
    expect(render('继续执行淄博市政府令第102号', { targets: printed }).html).toBe(
      '<p>继续执行<a class="citation-link" href="/2019/24/szfl-102/" title="《淄博市重大行政决策程序规定》">淄博市政府令第102号</a></p>',
    );
    expect(citedTargets(printed, ['市政府令第102号'])).toEqual({
      市政府令第102号: { href: '/2019/24/szfl-102/', title: '淄博市重大行政决策程序规定' },
    });
  });

  it("does not link another government's order", () => {
    expect(render('省政府令第102号', { targets: printed }).html).toBe(`<p>${external('省政府令第102号')}</p>`);
  });
});

describe('the citation table', () => {
  it('is the one given to gazetteMarkdownPlugins, which the configured pipeline links against', () => {
    const html = String(
      gazetteProcessor(gazetteMarkdownPlugins({ citationTargets: targets })).processSync('市政府令第102号'),
    );
    expect(html).toContain('href="/gazette/2019/24/szfl-102/"');
  });

  it('must be given: a render without one fails, naming the loader that passes it', () => {
    expect(() => render('市政府令第102号', {})).toThrow(/no citation table.*src\/content\/loader\.ts/u);
  });

  it('adds the trailing slash a base may lack, and skips documents without a number', () => {
    const table = citationTargets(
      [
        { number: '淄政发〔2020〕1号', title: 't', path: '2020/01/a/' },
        { title: 'u', path: '2020/01/b/' },
      ],
      '/sub',
    );
    expect(table.byKey).toEqual({ '淄政发〔2020〕1号': { href: '/sub/2020/01/a/', title: 't' } });
  });

  it('gives the part of the table a body depends on, with null for numbers not in the archive', () => {
    expect(citedTargets(targets, ['市政府令第102号', '淄政办发〔2018〕9号'])).toEqual({
      市政府令第102号: { href: '/gazette/2019/24/szfl-102/', title: '淄博市重大行政决策程序规定' },
      '淄政办发〔2018〕9号': null,
    });
    expect(citedTargets(targets, ['toString'])).toEqual({ toString: null });
  });
});
