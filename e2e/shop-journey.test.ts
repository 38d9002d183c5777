import { describe, expect, test } from 'vitest';
import { useStack, visitorIdOf } from './support/fixture.ts';
import type { EventView } from './support/stack.ts';

const ids = (events: EventView[], name: string) => events.filter((e) => e.name === name).flatMap((e) => (e.params.items ?? []).map((i) => i.item_id));

describe('a shopper on the demo shop, recorded by the pasted snippet', () => {
  const shop = useStack();

  test('browse, add and remove cart items, check out: the server stores exactly those events, once each', async () => {
    const { page, context, errors } = await shop.visitor();
    const ready = () => page.waitForSelector('html[data-shop-ready]');

    await page.goto(shop.stack.shopUrl);
    await ready();
    const cards = page.locator('[data-testid=product-card]');
    const first = (await cards.nth(0).getAttribute('data-item-id'))!;
    const second = (await cards.nth(1).getAttribute('data-item-id'))!;

    await cards.nth(0).locator('a').first().click();
    await ready();
    await page.click('[data-testid=add-to-cart]');
    await page.goto(`${shop.stack.shopUrl}/product/${encodeURIComponent(second)}`);
    await ready();
    await page.click('[data-testid=add-to-cart]');

    await page.goto(`${shop.stack.shopUrl}/cart`);
    await ready();
    await page.click(`[data-testid=cart-line][data-item-id="${second}"] [data-testid=remove-from-cart]`);
    await page.click('[data-testid=checkout]');
    await ready();
    await page.fill('input[name=name]', 'Ada Lovelace');
    await page.fill('input[name=email]', 'ada@example.com');
    await page.fill('input[name=address]', '12 Analytical Row');
    await page.click('[data-testid=place-order]');
    const confirmation = await page.waitForSelector('[data-testid=order-confirmation]');
    const orderId = (await confirmation.getAttribute('data-order-id'))!;
    await ready();

    const vid = await visitorIdOf(page);
    const events = await shop.stack.waitForEvents(vid, (ev) => ev.some((e) => e.name === 'purchase'));
    await context.close(); // pagehide flushes whatever is left; then nothing more may arrive
    const final = await shop.stack.waitForEvents(vid, (ev) => ev.length >= events.length);

    // every event once: ids are unique and the purchase is there exactly once
    expect(new Set(final.map((e) => e.id)).size).toBe(final.length);
    const purchases = final.filter((e) => e.name === 'purchase');
    expect(purchases).toHaveLength(1);
    expect(purchases[0]!.params.transaction_id).toBe(orderId);
    expect(purchases[0]!.params.items?.map((i) => i.item_id)).toEqual([first]);

    // the journey, in order: product views of both products (from JSON-LD and the dataLayer, once per page),
    // two adds, one remove, the cart, the checkout, the purchase (list views, clicks and the recommendation
    // blocks' own reports left aside)
    const aside = new Set(['page_view', 'view_item_list', 'select_item', 'rec_impression', 'rec_click']);
    const journey = final.map((e) => e.name).filter((n) => !aside.has(n));
    expect(journey).toEqual(['view_item', 'add_to_cart', 'view_item', 'add_to_cart', 'view_cart', 'remove_from_cart', 'begin_checkout', 'purchase']);
    expect(ids(final, 'view_item')).toEqual([first, second]);
    expect(ids(final, 'add_to_cart')).toEqual([first, second]);
    expect(ids(final, 'remove_from_cart')).toEqual([second]);
    const pageViews = final.filter((e) => e.name === 'page_view').map((e) => new URL(e.url!).pathname);
    expect(pageViews).toEqual(['/', `/product/${first}`, `/product/${second}`, '/cart', '/checkout', `/order/${orderId}`]);
    // the product learned from the page carries the real name and price the shop showed
    const product = await shop.stack.admin<{ product: { name: string; price: number; currency: string } }>(`/admin/api/sites/${shop.stack.site.id}/products/${encodeURIComponent(first)}`);
    expect(product.product.currency).toBe('GBP');
    expect(product.product.price).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
