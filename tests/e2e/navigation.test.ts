/**
 * Browsing the archive as a reader would: home -> year -> issue -> document,
 * and the structure of the issue and document pages.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { DOC_56, ISSUE_PATH, ISSUE_TOC, YEAR_PATH, docPathPattern, pathnameOf } from '../helpers/archive';
import { useSite } from '../helpers/site';

const site = useSite('root');

describe('home → year → issue → document', () => {
  test('the home page has a header search form, a link to the latest issue and links to years', async () => {
    const { page, response, pageErrors } = await site.open('');
    expect(response?.status()).toBe(200);

    const form = page.locator('header form[role="search"]');
    await expect.poll(() => form.count()).toBe(1);
    expect(await form.locator('input[name="q"]').count()).toBe(1);
    const action = await form.evaluate((f) => (f as HTMLFormElement).action);
    expect(pathnameOf(action, page.url())).toBe('/search/');

    const issueLinks = await page.locator(`a[href$="/${ISSUE_PATH}"]`).count();
    expect(issueLinks, 'a link to the latest issue (2020年第7期)').toBeGreaterThan(0);
    const yearLinks = await page.locator(`a[href$="/${YEAR_PATH}"]`).count();
    expect(yearLinks, 'a link to the year 2020').toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  test('click year, then issue, then the 56号 TOC entry lands on the document', async () => {
    const { page, pageErrors, failedResponses } = await site.open('');

    await page.locator(`a[href$="/${YEAR_PATH}"]:visible`).first().click();
    await page.waitForURL((u) => u.pathname === `/${YEAR_PATH}`);

    await page.locator(`a[href$="/${ISSUE_PATH}"]:visible`).first().click();
    await page.waitForURL((u) => u.pathname === `/${ISSUE_PATH}`);

    const entry = page.locator('li.toc-entry', { has: page.locator('span.toc-number', { hasText: '56号' }) });
    await entry.locator('a.toc-title').click();
    await page.waitForURL((u) => docPathPattern(DOC_56.slug).test(decodeURI(u.pathname)));

    await expect.poll(() => page.locator('h1').first().innerText()).toContain(DOC_56.title);
    expect(pageErrors).toEqual([]);
    expect(failedResponses).toEqual([]);
  });
});

describe('issue page', () => {
  test('shows the issue heading, the running number and the TOC in printed order', async () => {
    const { page, response } = await site.open(ISSUE_PATH);
    expect(response?.status()).toBe(200);

    expect(await page.locator('h1').first().innerText()).toContain('2020年第7期');
    expect(await page.locator('body').innerText()).toContain('总第232期');

    expect(await page.locator('ol.toc').count()).toBeGreaterThan(0);
    // The contract names an h2; an h3 under an h2 "目录" is accepted too.
    const section = page.locator('section.toc-section', {
      has: page.locator('h2, h3', { hasText: '市政府办公室文件' }),
    });
    expect(await section.count(), 'a section.toc-section headed 市政府办公室文件').toBe(1);

    const entries = await page.$$eval('ol.toc li.toc-entry', (lis) =>
      lis.map((li) => ({
        hasTitle: Boolean(li.querySelector('a.toc-title')?.textContent?.trim()),
        number: li.querySelector('span.toc-number')?.textContent?.trim() ?? '',
        page: li.querySelector('span.toc-page')?.textContent?.trim() ?? '',
        href: li.querySelector<HTMLAnchorElement>('a.toc-title')?.href ?? '',
      })),
    );
    expect(entries.map((e) => e.number)).toEqual(ISSUE_TOC.map((d) => d.number));
    expect(entries.map((e) => Number(e.page.match(/\d+/)?.[0]))).toEqual(ISSUE_TOC.map((d) => d.page));
    expect(entries.every((e) => e.hasTitle)).toBe(true);
    entries.forEach((e, i) => {
      expect(decodeURI(new URL(e.href).pathname)).toMatch(docPathPattern(ISSUE_TOC[i]!.slug));
    });
    // The 市政府办公室文件 section holds all five entries of this issue.
    expect(await section.locator('li.toc-entry').count()).toBe(ISSUE_TOC.length);
  });
});

describe('document page', () => {
  test('has breadcrumb, title, metadata, body, right-aligned signature, prev/next and citation', async () => {
    const { page, response, pageErrors } = await site.open(DOC_56.path);
    expect(response?.status()).toBe(200);

    const breadcrumb = page.locator('nav[aria-label="面包屑"]');
    expect(await breadcrumb.count()).toBe(1);
    const crumbs = await breadcrumb
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => decodeURI(new URL((a as HTMLAnchorElement).href).pathname)));
    expect(crumbs, 'breadcrumb links up to the issue').toContain(`/${ISSUE_PATH}`);

    expect(await page.locator('h1').first().innerText()).toContain(DOC_56.title);
    expect(await page.locator('p.doc-number').innerText()).toBe(DOC_56.number);
    expect(await page.locator('dl.doc-facts').innerText()).toContain('2020年第7期第13页');
    const body = page.locator('div.doc-body');
    expect((await body.innerText()).trim().length).toBeGreaterThan(200);

    // Right-aligned as printed: the signature text sits against the right edge of the body
    // (a right-floated block with centred lines, or right-aligned text; GB/T 9704 allows a
    // right indent of a few characters).
    const signature = page.locator('div.signature').first();
    expect(await signature.isVisible()).toBe(true);
    const geo = await signature.evaluate((el) => {
      const body = el.closest('.doc-body') ?? el.parentElement!;
      const cs = getComputedStyle(body);
      const b = body.getBoundingClientRect();
      const contentLeft = b.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth);
      const contentRight = b.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth);
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      return {
        leftGap: Math.round(text.left - contentLeft),
        rightGap: Math.round(contentRight - text.right),
        em: parseFloat(getComputedStyle(el).fontSize),
      };
    });
    expect(geo.rightGap, `signature right gap ${geo.rightGap}px`).toBeLessThanOrEqual(geo.em * 5);
    expect(geo.leftGap, `signature left gap ${geo.leftGap}px vs right gap ${geo.rightGap}px`).toBeGreaterThan(
      geo.rightGap,
    );

    // Printed order: 54号 (p. 9) -> 56号 (p. 13) -> 57号 (p. 16).
    const prev = await page.locator('a[rel="prev"]').first().getAttribute('href');
    const next = await page.locator('a[rel="next"]').first().getAttribute('href');
    expect(pathnameOf(prev ?? '', page.url())).toMatch(docPathPattern('zzbz-2020-54'));
    expect(pathnameOf(next ?? '', page.url())).toMatch(docPathPattern('zzbz-2020-57'));

    // The formal citation waits in 文件信息 (the copy buttons give the short one).
    await page.locator('details.doc-more summary').click();
    const citation = page.locator('.doc-citation').first();
    expect((await citation.innerText()).trim().length).toBeGreaterThan(0);
    expect(await page.locator('body').innerText()).toContain('推荐引用');
    expect(pageErrors).toEqual([]);

    const dir = join(inject('outRoot'), '..', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(dir, 'document.png'), fullPage: true });
  });

  test('the document-number redirect page /n/淄政办字-2020-54/ leads to the document', async () => {
    const target = site.url(`n/${encodeURIComponent('淄政办字-2020-54')}/`);
    const raw = await fetch(target);
    expect(raw.status).toBe(200);
    const html = await raw.text();
    expect(html, 'meta refresh').toMatch(/<meta[^>]+http-equiv=["']?refresh/i);
    const canonical = html.match(/<link[^>]+rel=["']?canonical["']?[^>]*>/i)?.[0] ?? '';
    expect(canonical, 'canonical link').toMatch(/zzbz-2020-54\//);

    const { page } = await site.newPage();
    await page.goto(target);
    await page.waitForURL((u) => docPathPattern('zzbz-2020-54').test(decodeURI(u.pathname)), { timeout: 15_000 });
    expect(await page.locator('h1').first().innerText()).not.toBe('');
  });
});
