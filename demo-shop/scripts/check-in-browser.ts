// Walks a shopper through the demo shop in headless Chromium and checks the dataLayer pushes on the way:
// home -> category (load more, sort, back) -> product -> basket -> checkout -> order (reload: no 2nd purchase).
// Run from the repository root: npx tsx demo-shop/scripts/check-in-browser.ts  (needs /usr/bin/chromium or CHROMIUM_PATH;
// SCREENSHOT_DIR=/tmp/shots also saves a picture after each step).
import assert from 'node:assert/strict';
import { chromium, type Page } from 'playwright-core';
import { startDemoShop } from '../server.ts';

interface Push {
  event?: string;
  ecommerce?: { items?: { item_id: string; quantity: number }[]; transaction_id?: string; value?: number } | null;
  search_term?: string;
}

const shop = await startDemoShop({ port: 0, snippet: '<!-- shoploop snippet -->' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const pushes: Push[] = [];

function eventsSince(start: number): string[] {
  return pushes.slice(start).flatMap((p) => (p.event ? [p.event] : []));
}

/** Runs an action and checks the events it pushed. A new page is awaited unless the action stays on the page. */
async function step(name: string, page: Page, action: () => Promise<unknown>, expected: string[], samePage = false): Promise<Push[]> {
  const start = pushes.length;
  if (!samePage && page.url() !== 'about:blank') await page.evaluate(() => delete document.documentElement.dataset.shopReady);
  await action();
  await page.waitForSelector('html[data-shop-ready]', { state: 'attached' });
  await page.waitForSelector('[aria-busy]', { state: 'detached' }); // a category grid fetching more
  const events = eventsSince(start);
  console.log(`${name}: ${events.join(', ') || '(no events)'}  ${page.url().replace(shop.url, '')}`);
  assert.deepEqual(events, expected, name);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name.replace(/\W+/g, '-')}.png` });
  return pushes.slice(start).filter((p) => p.event);
}

try {
  const page = await browser.newPage();
  await page.exposeFunction('__recordPush', (push: Push) => pushes.push(push));
  // Record every push without changing the array the shop (and a tag manager) sees.
  await page.addInitScript(() => {
    const dataLayer: unknown[] = [];
    const push = dataLayer.push.bind(dataLayer);
    dataLayer.push = (...args: unknown[]) => {
      for (const arg of args) (window as unknown as { __recordPush(p: unknown): void }).__recordPush(arg);
      return push(...args);
    };
    (window as unknown as { dataLayer: unknown[] }).dataLayer = dataLayer;
  });
  const cards = () => page.locator('[data-testid=product-card]').count();

  await step('home', page, () => page.goto(shop.url), ['view_item_list']);
  await step('category', page, () => page.click('nav.category-nav a >> text=Bags & Storage'), ['view_item_list']);
  assert.equal(await cards(), 24);

  await step('load more', page, () => page.click('[data-testid=load-more]'), ['view_item_list'], true);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=product-card]').length === 48);
  assert.match(page.url(), /\?page=2$/);

  await step('sort', page, () => page.selectOption('[data-testid=sort]', 'price-asc'), ['view_item_list'], true);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=product-card]').length === 24);
  assert.match(page.url(), /\?sort=price-asc$/);

  await step('back', page, () => page.goBack(), ['view_item_list'], true);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=product-card]').length === 48);
  assert.match(page.url(), /\?page=2$/);
  assert.equal(await page.inputValue('[data-testid=sort]'), 'popular');

  const firstId = await page.locator('[data-testid=product-card]').first().getAttribute('data-item-id');
  await step('select product', page, () => page.locator('[data-testid=product-card] a').first().click(), ['select_item', 'view_item', 'view_item_list']);
  await page.fill('[data-testid=product-quantity]', '2');
  const [added] = await step('add to cart', page, () => page.click('[data-testid=add-to-cart]'), ['add_to_cart'], true);
  assert.deepEqual(added?.ecommerce?.items?.map((i) => [i.item_id, i.quantity]), [[firstId, 2]]);
  assert.equal(await page.textContent('[data-testid=cart-count]'), '2');

  await step('second product', page, () => page.goto(`${shop.url}/product/85123A`), ['view_item', 'view_item_list']);
  await step('add second', page, () => page.click('[data-testid=add-to-cart]'), ['add_to_cart'], true);

  await step('cart', page, () => page.click('a[href="/cart"]'), ['view_cart']);
  assert.equal(await page.locator('[data-testid=cart-line]').count(), 2);
  const quantity = page.locator(`[data-testid=cart-line][data-item-id="${firstId}"] [data-testid=quantity]`);
  const [more] = await step('quantity up', page, async () => { await quantity.fill('5'); await quantity.dispatchEvent('change'); }, ['add_to_cart'], true);
  assert.equal(more?.ecommerce?.items?.[0]?.quantity, 3);
  const [fewer] = await step('quantity down', page, async () => { await quantity.fill('4'); await quantity.dispatchEvent('change'); }, ['remove_from_cart'], true);
  assert.equal(fewer?.ecommerce?.items?.[0]?.quantity, 1);
  const [removed] = await step('remove', page, () => page.click('[data-testid=cart-line][data-item-id="85123A"] [data-testid=remove-from-cart]'), ['remove_from_cart'], true);
  assert.equal(removed?.ecommerce?.items?.[0]?.item_id, '85123A');
  assert.equal(await page.textContent('[data-testid=cart-count]'), '4');

  await step('checkout', page, () => page.click('[data-testid=checkout]'), ['begin_checkout']);
  await page.fill('input[name=name]', 'Ada Lovelace');
  await page.fill('input[name=email]', 'ada@example.com');
  await page.fill('input[name=address]', '12 St James’s Square');
  const [purchase] = await step('place order', page, () => page.click('[data-testid=place-order]'), ['purchase']);
  const orderId = await page.getAttribute('[data-testid=order-confirmation]', 'data-order-id');
  assert.equal(purchase?.ecommerce?.transaction_id, orderId);
  assert.equal(purchase?.ecommerce?.items?.[0]?.quantity, 4);
  assert.equal(await page.textContent('[data-testid=cart-count]'), '0');
  await step('reload order', page, () => page.reload(), []);

  const [search] = await step('search', page, () => page.goto(`${shop.url}/search?q=heart`), ['search', 'view_item_list']);
  assert.equal(search?.search_term, 'heart');
  console.log('all checks passed');
} finally {
  await browser.close();
  await shop.close();
}
