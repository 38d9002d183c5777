import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { checkOut } from './support/checkout.ts';
import { useStack, visitorIdOf } from './support/fixture.ts';

const MIN = 60_000;

describe('a shopper moving through the lifecycle on the demo shop', () => {
  const shop = useStack();

  async function buyFirstProduct(page: Page, base: string, name: string) {
    await page.goto(`${base}/product/${encodeURIComponent(name)}`);
    await page.waitForSelector('html[data-shop-ready]');
    await page.click('[data-testid=add-to-cart]');
    await checkOut(page, base, { name: 'Grace Hopper', email: 'grace@example.com', address: '1 Compiler Lane' });
  }

  test('browse → here_and_now; leave with a cart → at_risk after the session timeout; two purchases → loyal', async () => {
    const { page, context } = await shop.visitor();
    const base = shop.stack.shopUrl;
    await page.goto(base);
    await page.waitForSelector('html[data-shop-ready]');
    const card = page.locator('[data-testid=product-card]').first();
    const itemId = (await card.getAttribute('data-item-id'))!;
    await card.locator('a').first().click();
    await page.waitForSelector('html[data-shop-ready]');
    const vid = await visitorIdOf(page);
    expect((await shop.stack.waitForStage(vid, 'here_and_now')).rule).toBe('live_interest');

    // leave with something in the cart; the server's clock moves past the 30-minute session timeout
    await page.click('[data-testid=add-to-cart]');
    await shop.stack.waitForEvents(vid, (ev) => ev.some((e) => e.name === 'add_to_cart'));
    await page.goto('about:blank');
    shop.stack.clock.advance(31 * MIN);
    const atRisk = await shop.stack.waitForStage(vid, 'at_risk');
    expect(atRisk.reason).toMatch(/^cart with 1 item\(s\) left at .*, no purchase$/);

    // back for the purchase, then once more
    await buyFirstProduct(page, base, itemId);
    await shop.stack.waitForEvents(vid, (ev) => ev.filter((e) => e.name === 'purchase').length === 1);
    await buyFirstProduct(page, base, itemId);
    await shop.stack.waitForEvents(vid, (ev) => ev.filter((e) => e.name === 'purchase').length === 2);
    await page.goto('about:blank');
    shop.stack.clock.advance(31 * MIN);
    const loyal = await shop.stack.waitForStage(vid, 'loyal');
    expect(loyal.rule).toBe('repeat_buyer_recent');

    const { history } = await shop.stack.admin<{ history: Array<{ from: string | null; to: string }> }>(`/admin/api/visitors/${vid}?site=${shop.stack.site.id}`);
    // the home page's batch may be judged on its own first (potential) before the product view arrives
    const path = history.map((h) => h.to).join(' → ');
    expect(path).toMatch(/^(potential → )?here_and_now → (.+ → )?at_risk → (.+ → )?loyal$/);
    await context.close();
  });
});
