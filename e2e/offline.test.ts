import { describe, expect, test } from 'vitest';
import { useStack, visitorIdOf } from './support/fixture.ts';

describe('nothing lost, nothing doubled', () => {
  const shop = useStack();

  test('offline mid-session: events wait in IndexedDB and arrive once when the connection is back', async () => {
    const { page, context } = await shop.visitor();
    await page.goto(shop.stack.shopUrl);
    await page.waitForSelector('html[data-shop-ready]');
    const vid = await visitorIdOf(page);
    await shop.stack.waitForEvents(vid, (ev) => ev.some((e) => e.name === 'page_view'));

    await context.setOffline(true);
    const item = (await page.locator('[data-testid=product-card]').nth(2).getAttribute('data-item-id'))!;
    // client-side navigation keeps the page alive while offline: the category grid's load-more, then adds via the dataLayer
    await page.evaluate((id) => {
      const w = window as unknown as { dataLayer: unknown[] };
      w.dataLayer.push({ ecommerce: null });
      w.dataLayer.push({ event: 'add_to_cart', ecommerce: { currency: 'GBP', value: 1, items: [{ item_id: id, quantity: 1 }] } });
      w.dataLayer.push({ ecommerce: null });
      w.dataLayer.push({ event: 'view_cart', ecommerce: { currency: 'GBP', value: 1, items: [{ item_id: id, quantity: 1 }] } });
    }, item);
    await page.waitForTimeout(2500); // the batch is due and fails while offline
    expect((await shop.stack.storedEvents(vid)).some((e) => e.name === 'add_to_cart')).toBe(false);

    await context.setOffline(false);
    const events = await shop.stack.waitForEvents(vid, (ev) => ev.some((e) => e.name === 'view_cart'), 30_000);
    expect(events.filter((e) => e.name === 'add_to_cart')).toHaveLength(1);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    await context.close();
  });

  test('a tab closed while offline: the next visit sends what the outbox kept', async () => {
    const { page, context } = await shop.visitor();
    await page.goto(shop.stack.shopUrl);
    await page.waitForSelector('html[data-shop-ready]');
    const vid = await visitorIdOf(page);
    await context.setOffline(true);
    await page.evaluate(() => {
      const w = window as unknown as { shoploop: (...a: unknown[]) => void };
      w.shoploop('track', 'search', { search_term: 'lantern while offline' });
    });
    await page.waitForTimeout(1500);
    await page.close(); // the tab is gone with the event unsent
    await context.setOffline(false);
    const next = await context.newPage();
    await next.goto(`${shop.stack.shopUrl}/cart`);
    const events = await shop.stack.waitForEvents(vid, (ev) => ev.some((e) => e.name === 'search'), 30_000);
    expect(events.filter((e) => e.name === 'search')).toHaveLength(1);
    expect(events.find((e) => e.name === 'search')!.params.search_term).toBe('lantern while offline');
    await context.close();
  });
});
