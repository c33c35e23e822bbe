/**
 * Lists as a reader sees them in Chromium: every page that lists documents marks those no longer
 * simply in force (已失效, 已废止, 已修改) and gives validity periods, checked on the sample and on
 * an archive whose documents repeal and amend each other (tests/fixtures/relations-archive);
 * document tables fit a phone and a desktop; 文号, dates and the like never break across lines.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CONTRACT_PAGES, DOC_56, ISSUE_TOC } from '../helpers/archive';
import { FIXTURE, FIXTURE_STATUS, RELATIONS_BASE } from '../helpers/relations-archive';
import { useRelationsSite } from '../helpers/relations-site';
import { useSite } from '../helpers/site';

const site = useSite('root');
const fixture = useRelationsSite(site);
const openFixture = (path: string): Promise<Page> => fixture.open(path, { viewport: { width: 1280, height: 900 } });

/** A listed document: its id (from its link), its badge and its validity, as shown. */
interface Listed {
  id: string;
  badge: string;
  validUntil: string;
}

/** Each row of a list (`rows`): the document its first document link leads to, and its status marks. */
function listed(page: Page, rows: string, base: string): Promise<Listed[]> {
  return page.$$eval(
    rows,
    (elements, base) =>
      elements.flatMap((row) => {
        const link = [...row.querySelectorAll('a')].find((a) =>
          /^\d{4}\/\d{2}\/[^/]+\/$/.test(decodeURI(new URL(a.href).pathname).slice(base.length)),
        );
        if (!link) return [];
        const visible = (selector: string) => {
          const element = row.querySelector<HTMLElement>(selector);
          return element && element.offsetParent !== null ? element.innerText.trim() : '';
        };
        return [
          {
            id: decodeURI(new URL(link.href).pathname).slice(base.length, -1),
            badge: visible('.status-badge'),
            validUntil: visible('.valid-until'),
          },
        ];
      }),
    base,
  );
}

/** What a list should show of each fixture document: a badge unless 有效; 有效期至 for 3号 (expired). */
function expectedMarks(id: string): Omit<Listed, 'id'> {
  const status = FIXTURE_STATUS[id] ?? '有效';
  return {
    badge: status === '有效' ? '' : status,
    validUntil: id === FIXTURE.expired ? '有效期至2020年6月30日' : '',
  };
}

describe('status badges in every list (relations fixture, built for 2021-01-01)', () => {
  const LIST_PAGES: [name: string, path: string, rows: string][] = [
    ['issue 2019/12', '2019/12/', 'li.toc-entry'],
    ['issue 2020/01', '2020/01/', 'li.toc-entry'],
    ['home (latest issue)', '', 'li.toc-entry'],
    ['issuers index', 'issuers/', '.card-list > li'],
    ['types index', 'types/', '.card-list > li'],
    ['numbers index', 'numbers/', 'tbody tr'],
  ];

  test.each(LIST_PAGES)('%s marks each document by its status', async (_name, path, rows) => {
    const page = await openFixture(path);
    const entries = await listed(page, rows, RELATIONS_BASE);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry).toEqual({ id: entry.id, ...expectedMarks(entry.id) });
  });

  test('the indexes and the issues together show all three statuses', async () => {
    const page = await openFixture('issuers/');
    const badges = new Set((await listed(page, '.card-list > li', RELATIONS_BASE)).map((entry) => entry.badge));
    expect([...badges].sort()).toEqual(['', '已修改', '已失效', '已废止']);
  });

  test('a year page names, under each issue, only its documents no longer simply in force', async () => {
    const flagged = async (year: string) =>
      listed(await openFixture(`${year}/`), '.flagged-list > li', RELATIONS_BASE).then((entries) =>
        entries.map(({ id, badge }) => [id, badge]),
      );
    expect(await flagged('2019')).toEqual([
      [FIXTURE.rules, '已修改'],
      [FIXTURE.repealed, '已废止'],
    ]);
    expect(await flagged('2020')).toEqual([[FIXTURE.expired, '已失效']]);
  });

  test('the badge is text a screen reader reads with the entry, not colour alone', async () => {
    const page = await openFixture('2020/01/');
    const entry = page.locator('li.toc-entry', { has: page.locator('.status-badge') });
    expect(await entry.count()).toBe(1);
    await expect.poll(() => entry.locator('.toc-meta').innerText()).toContain('已失效');
    const badge = entry.locator('.status-badge');
    const style = await badge.evaluate((element) => {
      const computed = getComputedStyle(element);
      return { border: computed.borderTopStyle, color: computed.color, background: computed.backgroundColor };
    });
    expect(style.border).toBe('solid');
    expect(style.color).not.toBe(style.background);
  });
});

describe('status badges in the sample (56号 expired on 2020-12-31)', () => {
  const SAMPLE_LISTS: [name: string, path: string, rows: string][] = [
    ['home', CONTRACT_PAGES.home, 'li.toc-entry'],
    ['issue', CONTRACT_PAGES.issue, 'li.toc-entry'],
    ['year', CONTRACT_PAGES.year, '.flagged-list > li'],
    ['issuers', CONTRACT_PAGES.issuers, '.card-list > li'],
    ['types', CONTRACT_PAGES.types, '.card-list > li'],
    ['numbers', CONTRACT_PAGES.numbers, 'tbody tr'],
  ];
  test.each(SAMPLE_LISTS)('%s page badges 56号 only, with its validity period', async (_name, path, rows) => {
    const { page } = await site.open(path);
    const entries = await listed(page, rows, '/');
    const marked = entries.filter((entry) => entry.badge || entry.validUntil);
    expect(marked.length).toBeGreaterThan(0);
    for (const entry of marked)
      expect(entry).toEqual({ id: DOC_56.path.slice(0, -1), badge: '已失效', validUntil: '有效期至2020年12月31日' });
  });
});

const DOC_57 = '2020/07/zzbz-2020-57/';

describe('document tables', () => {
  test('fit the text column on a desktop (1280 px): no sideways scrolling, no hint', async () => {
    const { page } = await site.open(DOC_57, { viewport: { width: 1280, height: 900 } });
    const box = await page.locator('.doc-body .table-scroll').evaluate((element) => ({
      scrolls: element.scrollWidth > element.clientWidth,
      width: element.clientWidth,
      column: element.parentElement!.clientWidth,
      hint: getComputedStyle(element, '::before').display,
    }));
    expect(box.scrolls).toBe(false);
    expect(box.width).toBeGreaterThanOrEqual(box.column - 2);
    expect(box.hint).toBe('none');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
  });

  test('scroll inside their own box on a phone (390 px), with a hint, a shadow and a sticky header', async () => {
    const { page } = await site.open(DOC_57, { viewport: { width: 390, height: 844 }, isMobile: true });
    const table = page.locator('.doc-body .table-scroll');
    const box = await table.evaluate((element) => {
      const before = getComputedStyle(element, '::before');
      return {
        scrolls: element.scrollWidth > element.clientWidth,
        hint: before.display === 'none' ? '' : before.content,
        shadows: getComputedStyle(element).backgroundImage.match(/radial-gradient/g)?.length ?? 0,
        header: getComputedStyle(element.querySelector('thead th')!).position,
      };
    });
    expect(box).toEqual({ scrolls: true, hint: '"左右滑动查看 →"', shadows: 2, header: 'sticky' });
    // The page itself does not scroll sideways.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    // Scrolled down inside the box, the header row stays at its top.
    const stuck = await table.evaluate((element) => {
      element.scrollTop = element.scrollHeight / 2;
      const header = element.querySelector('thead th')!.getBoundingClientRect().top;
      return Math.abs(header - element.getBoundingClientRect().top);
    });
    expect(stuck).toBeLessThan(2);
  });

  test('repeat the header row on every printed page', async () => {
    const { page } = await site.open(DOC_57);
    await page.emulateMedia({ media: 'print' });
    const thead = await page.locator('.doc-body thead').evaluate((element) => getComputedStyle(element).display);
    expect(thead).toBe('table-header-group');
    const box = await page.locator('.doc-body .table-scroll').evaluate((element) => ({
      overflow: getComputedStyle(element).overflowX,
      hint: getComputedStyle(element, '::before').display,
    }));
    expect(box).toEqual({ overflow: 'visible', hint: 'none' });
  });
});

const PAGE_TYPES: [name: string, path: string][] = [
  ...Object.entries(CONTRACT_PAGES),
  ['longest document', DOC_57],
  ...ISSUE_TOC.map(({ slug }): [string, string] => [slug, `2020/07/${slug}/`]),
  ['data', 'data/'],
  ['search', 'search/?q=%E4%BA%BA%E6%89%8D%E8%B4%B7'],
];

describe.each([390, 1280])('at %i px', (width) => {
  test.each(PAGE_TYPES)(
    'the %s page does not scroll sideways, and no 文号, date or page reference wraps',
    async (_name, path) => {
      const { page } = await site.open(path, { viewport: { width, height: 844 }, isMobile: width < 500 });
      const overflow = await page.evaluate(() => {
        const root = document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      const wrapped = await page.evaluate(() => {
        const selector = 'time, .doc-no, .toc-number, .printed-at, .organ, .nowrap, .status-badge, .valid-until';
        return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((element) => {
          if (!element.offsetParent || !element.textContent!.trim()) return [];
          // The lines the text itself takes (not its table cell or box): one, by the tops of its boxes.
          const range = document.createRange();
          range.selectNodeContents(element);
          const style = getComputedStyle(element);
          const line = style.lineHeight === 'normal' ? 1.3 * parseFloat(style.fontSize) : parseFloat(style.lineHeight);
          const lines = [...range.getClientRects()].reduce(
            (tops, rect) =>
              rect.width > 0 && !tops.some((top) => Math.abs(top - rect.top) < line / 2) ? [...tops, rect.top] : tops,
            [] as number[],
          );
          return lines.length > 1
            ? [`${element.tagName.toLowerCase()}.${element.className}: ${element.textContent}`]
            : [];
        });
      });
      expect(wrapped).toEqual([]);
    },
  );
});
