import { describe, expect, test } from 'vitest';
import { useStack, visitorIdOf } from './support/fixture.ts';

describe('single-page navigation and consent', () => {
  const shop = useStack();

  test('sorting and paging a category with pushState, then Back: a page view per URL, none doubled', async () => {
    const { page, context } = await shop.visitor();
    await page.goto(shop.stack.shopUrl);
    await page.waitForSelector('html[data-shop-ready]');
    const categoryHref = (await page.locator('a[href^="/category/"]').first().getAttribute('href'))!;
    await page.goto(`${shop.stack.shopUrl}${categoryHref}`);
    await page.waitForSelector('html[data-shop-ready]');
    const vid = await visitorIdOf(page);
    const views = async (count: number) => {
      const events = await shop.stack.waitForEvents(vid, (ev) => ev.filter((e) => e.name === 'page_view').length >= count);
      return events.filter((e) => e.name === 'page_view').map((e) => {
        const u = new URL(e.url!);
        return `${u.pathname}${u.search}`;
      });
    };
    await page.selectOption('[data-testid=sort]', { index: 1 });
    await page.waitForFunction(() => location.search.includes('sort='));
    const sorted = new URL(page.url());
    expect(await views(3)).toEqual([`/`, categoryHref, `${categoryHref}${sorted.search}`]);
    await page.click('[data-testid=load-more]');
    await page.waitForFunction(() => location.search.includes('page=2'));
    const paged = new URL(page.url());
    expect((await views(4)).at(-1)).toBe(`${categoryHref}${paged.search}`);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('page=2'));
    await page.waitForTimeout(1500);
    // Back is a page view of the sorted URL again; nothing is counted twice
    expect(await views(5)).toEqual([`/`, categoryHref, `${categoryHref}${sorted.search}`, `${categoryHref}${paged.search}`, `${categoryHref}${sorted.search}`]);
    await context.close();
  });

  test('consent denied before the script loads: nothing is stored for the visitor', async () => {
    const visitorCount = async () => (await shop.stack.admin<{ visitors: unknown[] }>(`/admin/api/visitors?limit=1000&site=${shop.stack.site.id}`)).visitors.length;
    const before = await visitorCount();
    const { page, context } = await shop.visitor();
    await context.addInitScript(() => {
      const w = window as unknown as { shoploop: { (...a: unknown[]): void; q?: unknown[] } };
      w.shoploop = function (...args: unknown[]) {
        (w.shoploop.q = w.shoploop.q || []).push(args);
      } as typeof w.shoploop;
      w.shoploop('consent', 'denied');
    });
    await page.goto(shop.stack.shopUrl);
    await page.waitForSelector('html[data-shop-ready]');
    await page.locator('[data-testid=product-card] a').first().click();
    await page.waitForSelector('html[data-shop-ready]');
    await page.click('[data-testid=add-to-cart]');
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => localStorage.getItem('shoploop:id') ?? '')).toBe(''); // no visitor id kept
    expect(await visitorCount()).toBe(before);
    await context.close();
  });
});
