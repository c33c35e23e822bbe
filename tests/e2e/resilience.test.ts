/**
 * Reading without JavaScript, on a phone, and on paper.
 */
import { describe, expect, test } from 'vitest';
import { DOC_56, ISSUE_PATH, ISSUE_TOC } from '../helpers/archive';
import { useSite } from '../helpers/site';

const site = useSite('root');

describe('without JavaScript', () => {
  test('the document page shows title, metadata and body', async () => {
    const { page, response } = await site.open(DOC_56.path, { javaScriptEnabled: false });
    expect(response?.status()).toBe(200);
    const h1 = page.locator('h1').first();
    expect(await h1.isVisible()).toBe(true);
    expect(await h1.innerText()).toContain(DOC_56.title);
    expect(await page.locator('p.doc-number').innerText()).toBe(DOC_56.number);
    const facts = page.locator('dl.doc-facts');
    expect(await facts.isVisible()).toBe(true);
    expect(await facts.innerText()).toContain('2020年第7期第13页');
    const body = page.locator('div.doc-body');
    expect(await body.isVisible()).toBe(true);
    expect((await body.innerText()).trim().length).toBeGreaterThan(200);
  });

  test('the issue table of contents is complete', async () => {
    const { page } = await site.open(ISSUE_PATH, { javaScriptEnabled: false });
    const entries = page.locator('ol.toc li.toc-entry');
    expect(await entries.count()).toBe(ISSUE_TOC.length);
    const numbers = await page.locator('ol.toc li.toc-entry span.toc-number').allInnerTexts();
    expect(numbers.map((n) => n.trim())).toEqual(ISSUE_TOC.map((d) => d.number));
    for (let i = 0; i < ISSUE_TOC.length; i += 1) {
      expect(await entries.nth(i).locator('a.toc-title').isVisible()).toBe(true);
    }
  });
});

describe('phone width (390×844)', () => {
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

  test.each([
    ['document', DOC_56.path],
    ['issue', ISSUE_PATH],
  ])('the %s page has no horizontal scroll', async (_name, path) => {
    const { page } = await site.open(path, phone);
    const sizes = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      // The widest elements, to say what overflows when this fails.
      widest: [...document.querySelectorAll('body *')]
        .map((el) => ({ el, right: el.getBoundingClientRect().right }))
        .filter((x) => x.right > window.innerWidth + 0.5)
        .sort((a, b) => b.right - a.right)
        .slice(0, 5)
        .map(
          (x) =>
            `${x.el.tagName.toLowerCase()}${x.el.className ? `.${String(x.el.className).split(/\s+/).join('.')}` : ''} right=${Math.round(x.right)}`,
        ),
    }));
    expect(
      sizes.scrollWidth,
      `scrollWidth ${sizes.scrollWidth} > innerWidth ${sizes.innerWidth}; overflowing: ${sizes.widest.join('; ')}`,
    ).toBeLessThanOrEqual(sizes.innerWidth);
  });
});

describe('print', () => {
  test('the document prints without header, navigation and footer, with its body', async () => {
    const { page } = await site.open(DOC_56.path);
    await page.emulateMedia({ media: 'print' });

    // The site header (the one holding the search form), every nav, and footers outside the document text.
    const chrome = await page.evaluate(() => {
      const all = [...document.querySelectorAll('header, nav, footer')];
      const siteChrome = all.filter((el) => {
        if (el.tagName === 'NAV') return true;
        if (el.tagName === 'HEADER')
          return Boolean(el.querySelector('form[role="search"]')) || !el.closest('main, article');
        return !el.closest('main, article');
      });
      return siteChrome.map((el, i) => {
        el.setAttribute('data-print-check', String(i));
        return `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[aria-label="${el.getAttribute('aria-label')}"]` : ''}`;
      });
    });
    expect(chrome.length, 'a site header, nav or footer to hide').toBeGreaterThan(0);
    const visible: string[] = [];
    for (let i = 0; i < chrome.length; i += 1) {
      if (await page.locator(`[data-print-check="${i}"]`).isVisible()) visible.push(chrome[i]!);
    }
    expect(visible, 'visible in print').toEqual([]);

    expect(await page.locator('h1').first().isVisible()).toBe(true);
    expect(await page.locator('div.doc-body').isVisible()).toBe(true);
  });
});
