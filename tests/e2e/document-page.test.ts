/**
 * The document page as a reader meets it: on a phone (the body on the first screen, nothing
 * said twice), with its copy buttons, printed, without JavaScript and in dark mode.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { DOC_56, ISSUE_PATH, ISSUE_TOC } from '../helpers/archive';
import { checkA11y } from '../helpers/browser';
import { useSite } from '../helpers/site';

const site = useSite('root');
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const docPath = (slug: string) => `${ISSUE_PATH}${slug}/`;
const BODY_FIRST_PARAGRAPH = '.doc-body > p:not(.doc-recipients)';

/** How often `needle` occurs in `text`. */
const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

/** What the page shows of the document's own number, title and recipients, outside its body. */
async function shownTexts(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const body = main.querySelector('.doc-body')!;
    return { main: main.innerText, body: (body as HTMLElement).innerText };
  });
}

describe('on a 390×844 phone', () => {
  test.each(ISSUE_TOC.map((entry) => [entry.number, entry] as const))(
    '%s: the body starts on the first screen, and nothing is said twice',
    async (_number, entry) => {
      const { page, response } = await site.open(docPath(entry.slug), PHONE);
      expect(response?.status()).toBe(200);
      const first = page.locator(BODY_FIRST_PARAGRAPH).first();
      const box = (await first.boundingBox())!;
      const lineHeight = await first.evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
      expect(
        box.y + lineHeight,
        `the first line of the body ends at ${Math.round(box.y + lineHeight)} px`,
      ).toBeLessThanOrEqual(844);
      expect((await first.innerText()).trim().length).toBeGreaterThan(10);

      const { main, body } = await shownTexts(page);
      // The body never repeats its number (checked, so that the count below is the page's own).
      expect(occurrences(body, entry.number)).toBe(0);
      expect(occurrences(main, entry.number), `${entry.number} shown once`).toBe(1);
      const recipients = await page.locator('.doc-recipients').innerText();
      expect(occurrences(main, recipients.replace(/：$/u, '')), '主送 shown once, as printed').toBe(1);

      // The breadcrumb names the parents only; the h1 and the <title> cite the document in full.
      const crumbs = await page.locator('nav.breadcrumb li').allInnerTexts();
      expect(crumbs).toEqual(['首页', '2020年', '第7期']);
      const h1 = (await page.locator('h1').innerText()).trim();
      expect(h1).toMatch(/^淄博市人民政府办公室关于/u);
      expect(await page.title()).toBe(`${h1} - 淄博市人民政府公报`);

      if (entry.slug === DOC_56.slug) {
        const dir = join(inject('outRoot'), '..', 'screenshots');
        mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: join(dir, 'document-phone.png') });
      }
    },
  );

  test('the rest of the metadata is one tap away, in 文件信息', async () => {
    const { page } = await site.open(DOC_56.path, PHONE);
    const more = page.locator('details.doc-more');
    expect(await more.locator('dl').isVisible()).toBe(false);
    await more.locator('summary').click();
    const shown = await more.innerText();
    for (const label of ['文种', '栏目', '推荐引用']) expect(shown).toContain(label);
  });
});

describe('copy buttons', () => {
  test('copy the citation, the number and the link, and say so', async () => {
    const { page, context, pageErrors } = await site.open(DOC_56.path);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    const tools = page.locator('.doc-tools');
    await tools.waitFor({ state: 'visible' });
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    const copied: Record<string, string> = {};
    for (const label of ['复制引用', '复制文号', '复制链接']) {
      await tools.getByRole('button', { name: label }).click();
      await expect.poll(() => tools.locator('[role="status"]').innerText()).toBe(`已${label}`);
      copied[label] = await clipboard();
    }
    expect(copied).toEqual({
      复制引用: `淄博市人民政府办公室${DOC_56.title}（${DOC_56.number}）`,
      复制文号: DOC_56.number,
      复制链接: `${inject('siteUrl').replace(/\/$/u, '')}/${DOC_56.path}`,
    });
    expect(pageErrors).toEqual([]);
  });

  test('without JavaScript the buttons stay hidden and the page reads as before', async () => {
    const { page, response } = await site.open(DOC_56.path, { ...PHONE, javaScriptEnabled: false });
    expect(response?.status()).toBe(200);
    expect(await page.locator('.doc-tools').isHidden()).toBe(true);
    expect(await page.locator('.doc-tools button').count()).toBeGreaterThan(0);
    expect(await page.locator('h1').innerText()).toContain(DOC_56.title);
    expect(await page.locator(BODY_FIRST_PARAGRAPH).first().isVisible()).toBe(true);
    // 文件信息 opens without a script: it is a <details>.
    await page.locator('details.doc-more summary').click();
    expect(await page.locator('details.doc-more .doc-citation').isVisible()).toBe(true);
  });
});

describe('printed', () => {
  test('a masthead names the gazette, issue, page and URL once; no screen-only controls', async () => {
    const { page } = await site.open(DOC_56.path);
    await page.locator('.doc-tools').waitFor({ state: 'visible' });
    await page.emulateMedia({ media: 'print' });
    const masthead = page.locator('.print-masthead');
    expect(await masthead.isVisible()).toBe(true);
    const text = await masthead.innerText();
    const url = `${inject('siteUrl').replace(/\/$/u, '')}/${DOC_56.path}`;
    expect(text).toContain('淄博市人民政府公报');
    expect(text).toContain('2020年第7期（总第232期）第13页');
    expect(text).toContain(url);
    // Above the title, on page 1.
    const [mastheadBox, h1Box] = [await masthead.boundingBox(), await page.locator('h1').boundingBox()];
    expect(mastheadBox!.y).toBeLessThan(h1Box!.y);

    const printed = await page.locator('body').innerText();
    expect(occurrences(printed, url), 'the URL once').toBe(1);
    for (const selector of ['button', 'header form[role="search"]', 'nav', 'details', '.doc-history']) {
      const shown = await page
        .locator(selector)
        .evaluateAll((elements) =>
          elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((e) => e.outerHTML),
        );
      expect(shown, `${selector} hidden in print`).toEqual([]);
    }
  });
});

describe('dark mode', () => {
  test('follows prefers-color-scheme and stays readable (axe, WCAG AA contrast)', async () => {
    const { page } = await site.open(DOC_56.path, { colorScheme: 'dark' });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await page.locator('details.doc-more summary').click();
    expect(await checkA11y(page)).toEqual([]);
  });
});
