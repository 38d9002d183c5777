import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { checkOut } from './support/checkout.ts';
import { useStack, visitorIdOf } from './support/fixture.ts';

interface Report {
  scenarios: Array<{ scenario: string; impressions: number; clicks: number; orders: number; items: number; revenue: number }>;
}

/** Sums the page's layout shifts not caused by input (CLS without session windows), from the first paint on. */
async function watchLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: number[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) w.__shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((a, b) => a + b, 0));

describe('recommendation blocks on the demo shop', () => {
  const shop = useStack();

  test('blocks render from real history, a click on one is attributed to its scenario, and nothing shifts', async () => {
    const base = shop.stack.shopUrl;

    // history: four shoppers bought the two best sellers together, posted the way the widget posts them
    const seeder = await shop.visitor();
    await seeder.page.goto(base);
    await seeder.page.waitForSelector('html[data-shop-ready]');
    const cards = seeder.page.locator('[data-testid=product-card]');
    const [a, b] = [(await cards.nth(0).getAttribute('data-item-id'))!, (await cards.nth(1).getAttribute('data-item-id'))!];
    const statuses = await seeder.page.evaluate(
      async ({ api, site, a, b }) => {
        const out: number[] = [];
        for (let n = 0; n < 4; n++) {
          const items = [{ item_id: a, quantity: 1 }, { item_id: b, quantity: 1 }];
          const events = [
            { id: `seed-${n}-1`, name: 'view_item', ts: Date.now(), sid: `s${n}`, params: { items: [items[0]] } },
            { id: `seed-${n}-2`, name: 'view_item', ts: Date.now(), sid: `s${n}`, params: { items: [items[1]] } },
            { id: `seed-${n}-3`, name: 'add_to_cart', ts: Date.now(), sid: `s${n}`, params: { items } },
            { id: `seed-${n}-4`, name: 'purchase', ts: Date.now(), sid: `s${n}`, params: { transaction_id: `SEED-${n}`, currency: 'GBP', items } },
          ];
          const res = await fetch(`${api}/v1/collect`, { method: 'POST', body: JSON.stringify({ site, vid: `seed-${n}`, events }) });
          out.push(res.status);
        }
        return out;
      },
      { api: shop.stack.serverUrl, site: shop.stack.site.publicKey, a, b },
    );
    expect(statuses).toEqual([200, 200, 200, 200]);
    await seeder.context.close();

    // a new shopper opens product a: "Frequently bought together" shows b first
    const { page, context, errors } = await shop.visitor();
    // tall enough that the blocks and everything below them are in view: only visible moves count as shifts
    await page.setViewportSize({ width: 1280, height: 2400 });
    await watchLayoutShifts(page);
    await page.goto(`${base}/product/${encodeURIComponent(a)}`);
    await page.waitForSelector('html[data-shop-ready]');
    const alsoBought = page.locator('[data-shoploop="also-bought"] a.link'); // Playwright pierces the open shadow root
    await alsoBought.first().waitFor();
    expect(await alsoBought.first().getAttribute('href')).toBe(`${base}/product/${encodeURIComponent(b)}`);
    const similar = page.locator('[data-shoploop="similar"] a.link');
    await similar.first().waitFor();
    expect(await similar.count()).toBeGreaterThan(0);
    // the page, blocks included, did not move while it loaded
    expect(await layoutShift(page)).toBeLessThan(0.01);

    // in view → an impression; clicked → a click; bought → the also-bought scenario earns b's price
    await page.locator('[data-shoploop="also-bought"]').scrollIntoViewIfNeeded();
    const vid = await visitorIdOf(page);
    await shop.stack.waitForEvents(vid, (ev) => ev.some((e) => e.name === 'rec_impression' && e.params.scenario === 'also-bought'));
    await alsoBought.first().click();
    await page.waitForURL(`${base}/product/${encodeURIComponent(b)}`);
    await page.waitForSelector('html[data-shop-ready]');
    await page.click('[data-testid=add-to-cart]');
    await checkOut(page, base);
    const events = await shop.stack.waitForEvents(vid, (ev) => ev.some((e) => e.name === 'purchase'));
    const clicks = events.filter((e) => e.name === 'rec_click');
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.params).toMatchObject({ scenario: 'also-bought', items: [{ item_id: b }] });
    const price = (events.find((e) => e.name === 'purchase')!.params.items ?? [])[0]!.price as number;

    const report = await shop.stack.admin<Report>(`/admin/api/recommendations/report?site=${shop.stack.site.id}&to=${new Date(Date.now() + 60_000).toISOString()}`);
    const alsoBoughtRow = report.scenarios.find((s) => s.scenario === 'also-bought');
    expect(alsoBoughtRow).toMatchObject({ clicks: 1, orders: 1, items: 1 });
    expect(alsoBoughtRow!.impressions).toBeGreaterThanOrEqual(1);
    expect(alsoBoughtRow!.revenue).toBeCloseTo(price, 2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
