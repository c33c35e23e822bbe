/**
 * Long documents in Chromium: the outline in the margin (1280 px) and the 目录 (390 px) take the
 * reader to the heads, the copy-link anchors point at themselves, the 附件说明 leads to the
 * attachment, and back-to-top goes back up.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/site';

const site = useSite('root');
const DOC_57 = '2020/07/zzbz-2020-57/';
const WIDE = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Where an element's top is in the viewport, in CSS pixels. */
const topOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => element.getBoundingClientRect().top);

describe('outline', () => {
  test('on a wide screen it stays in the margin beside the text and its links scroll to the heads', async () => {
    const { page, pageErrors } = await site.open(DOC_57, WIDE);
    const outline = page.locator('nav.outline');
    const link = outline.getByRole('link', { name: '三、保障措施' });
    await expect.poll(() => link.isVisible()).toBe(true);
    const [nav, body] = await Promise.all([outline.boundingBox(), page.locator('.doc-body').boundingBox()]);
    expect(nav!.x, 'right of the text').toBeGreaterThanOrEqual(body!.x + body!.width);

    await link.click();
    await page.waitForURL((url) => url.hash === '#bufen-3');
    await expect.poll(() => topOf(page, '#bufen-3')).toBeLessThan(100);
    expect(await topOf(page, '#bufen-3')).toBeGreaterThanOrEqual(0);
    // Sticky: still on screen far down the page.
    expect(await link.isVisible()).toBe(true);
    const box = await outline.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    expect(pageErrors).toEqual([]);
  });

  test('on a phone it is a closed 目录 that opens and leads to the heads', async () => {
    const { page } = await site.open(DOC_57, PHONE);
    const summary = page.locator('nav.outline summary');
    const link = page.locator('nav.outline').getByRole('link', { name: '二、工作重点与责任分工' });
    expect(await summary.innerText()).toBe('目录');
    expect(await link.isVisible()).toBe(false);
    await summary.click();
    await expect.poll(() => link.isVisible()).toBe(true);
    await link.click();
    await page.waitForURL((url) => url.hash === '#bufen-2');
    await expect.poll(() => topOf(page, '#bufen-2')).toBeLessThan(100);
  });
});

describe('copy-link anchors', () => {
  test('every anchored head has a named link to itself, shown on hover and focus', async () => {
    const { page } = await site.open('2020/07/zzbz-2020-56/', WIDE);
    const anchor = page.getByRole('link', { name: '链接到四、推动“人才贷”业务实现新突破' });
    expect(await anchor.getAttribute('href')).toBe('#bufen-4');
    const opacity = () => anchor.evaluate((element) => getComputedStyle(element).opacity);
    expect(await opacity()).toBe('0');
    await page.locator('#bufen-4').hover();
    await expect.poll(opacity).toBe('1');
    await page.mouse.move(0, 0);
    await expect.poll(opacity).toBe('0');
    await anchor.focus();
    await expect.poll(opacity).toBe('1');
    expect(await anchor.evaluate((element) => getComputedStyle(element, '::before').content)).toMatch(/^"#"/);

    await anchor.click();
    await page.waitForURL((url) => url.hash === '#bufen-4');
    expect(await page.locator('#bufen-4:target').count()).toBe(1);
    await expect.poll(() => topOf(page, '#bufen-4')).toBeLessThan(100);
  });

  test('a link to an article from elsewhere lands on it, marked', async () => {
    const { page } = await site.open('2020/07/zzbz-2020-54/#bufen-3-xiang-2', WIDE);
    await expect.poll(() => topOf(page, '#bufen-3-xiang-2')).toBeLessThan(100);
    expect(
      await page.locator('#bufen-3-xiang-2 > a.anchor').evaluate((element) => getComputedStyle(element).opacity),
    ).toBe('1');
  });

  test('the 附件说明 leads to the attachment', async () => {
    const { page } = await site.open(DOC_57, WIDE);
    await page.locator('.doc-body p > a', { hasText: '淄博市移动支付便民工程建设工作任务清单' }).click();
    await page.waitForURL((url) => decodeURIComponent(url.hash) === '#淄博市移动支付便民工程建设工作任务清单');
    await expect.poll(() => page.locator('h3:target').innerText()).toBe('淄博市移动支付便民工程建设工作任务清单');
  });
});

describe('back to top', () => {
  for (const [name, options] of [
    ['wide screen', WIDE],
    ['phone', PHONE],
  ] as const) {
    test(`goes back to the top (${name})`, async () => {
      const { page } = await site.open(DOC_57, options);
      const back = page.getByRole('link', { name: '回到顶部' });
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await expect.poll(() => back.isVisible()).toBe(true);
      await back.click();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    });
  }

  test('is hidden on a phone until the reader scrolls', async () => {
    const { page } = await site.open(DOC_57, PHONE);
    expect(await page.getByRole('link', { name: '回到顶部' }).isVisible()).toBe(false);
  });
});
