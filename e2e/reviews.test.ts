import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { loadCatalog } from '../demo-shop/catalog.ts';
import { checkOut } from './support/checkout.ts';
import { useStack, visitorIdOf } from './support/fixture.ts';
import { E2E_ADMIN_TOKEN } from './support/stack.ts';

// Review prompts end to end on the demo shop, in Chromium: a purchase, the server's clock past the review delay,
// the returning buyer's review card, a review whose text and name are markup, the shop publishing it through the
// admin API, and the product page showing it: in the reviews block as text, in the listing's stars, and in the
// Product JSON-LD the shop's server put into the page's own HTML.

const HOUR = 3_600_000;
const SCRIPT_BODY = '<script>alert(1)</script>';
const IMG_AUTHOR = '<img src=x onerror=alert(1)>';

// the shop's server asks Shoploop for the rating on every render, so the published review shows at once
const shop = useStack(() => ({ DEMO_RATINGS_CACHE_MS: '0' }));
const [product] = loadCatalog()
  .filter((item) => item.availability == 'in_stock')
  .sort((a, b) => a.popularity - b.popularity); // on the home page's "Popular right now"

async function adminCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${shop.stack.serverUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The review request the server planned for this buyer's order, read from its database (no API lists them). */
async function requestOf(vid: string): Promise<{ orderId: string; purchasedAt: number; askAt: number } | undefined> {
  const rs = await shop.stack.db.client.execute({
    sql: 'SELECT order_id, purchased_at, ask_at FROM review_requests WHERE site_id = ? AND visitor_id = ?',
    args: [shop.stack.site.id, vid],
  });
  const row = rs.rows[0];
  return row && { orderId: String(row.order_id), purchasedAt: Number(row.purchased_at), askAt: Number(row.ask_at) };
}

const isRequestsCall = (url: string) => url.startsWith(`${shop.stack.serverUrl}/v1/reviews/requests?`);

/** Every answer the widget got to its checks for the visitor's review requests (one a visit: ask.ts). */
function reviewChecks(page: Page): unknown[] {
  const answers: unknown[] = [];
  page.on('response', (response) => {
    if (isRequestsCall(response.url())) void response.json().then((body) => answers.push(body));
  });
  return answers;
}

/** Loads a shop page and waits for the widget's check for review requests on it, returning its answer. */
async function openAndAskForReviews(page: Page, url: string): Promise<unknown> {
  const asked = page.waitForResponse((response) => isRequestsCall(response.url()), { timeout: 15_000 });
  await page.goto(url);
  await page.waitForSelector('html[data-shop-ready]');
  return (await asked).json();
}

function productJsonLd(html: string): Record<string, any> {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => m[1]!);
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]!);
}

test('buy → past the delay the returning buyer is asked → a review with markup in it → published → shown as text on the product page, in its stars and in its JSON-LD', async () => {
  const { shopUrl, site } = shop.stack;
  await adminCall('PUT', `/admin/api/sites/${site.id}/settings`, { reviews: { requestAfterDays: 1 / 24, autoPublish: false } });
  const { context, page, errors } = await shop.visitor();
  const checks = reviewChecks(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  // the purchase; the server plans one request, an hour after it
  await page.goto(`${shopUrl}/product/${product!.item_id}`);
  await page.waitForSelector('html[data-shop-ready]');
  await page.click('[data-testid=add-to-cart]');
  await checkOut(page, shopUrl);
  const vid = await visitorIdOf(page);
  const orderId = await page.getAttribute('[data-testid=order-confirmation]', 'data-order-id');
  await shop.stack.waitForEvents(vid, (events) => events.some((event) => event.name == 'purchase'));
  await expect.poll(() => requestOf(vid), { timeout: 15_000 }).toBeDefined();
  const request = (await requestOf(vid))!;
  expect(request.orderId).toBe(orderId);
  expect(request.askAt - request.purchasedAt).toBe(HOUR);

  // within the hour (the confirmation page, then the home page): the buyer's browser asks once a visit, nothing is
  // due yet, no card
  await page.goto(`${shopUrl}/`);
  await page.waitForSelector('html[data-shop-ready]');
  await expect.poll(() => checks.length).toBe(1);
  expect(checks).toEqual([{ requests: [] }]);
  await page.waitForTimeout(300);
  expect(await page.locator('[data-shoploop-review-card]').count()).toBe(0);

  // two hours later, on the server and in the buyer's browser: the returning buyer gets the card
  await page.goto('about:blank');
  shop.stack.clock.advance(2 * HOUR);
  await context.clock.setSystemTime(Date.now() + 2 * HOUR);
  const answer = (await openAndAskForReviews(page, `${shopUrl}/`)) as { requests: Array<{ orderId: string; items: Array<{ itemId: string }> }> };
  expect(answer.requests.map((r) => ({ orderId: r.orderId, items: r.items.map((i) => i.itemId) }))).toEqual([{ orderId, items: [product!.item_id] }]);
  const card = page.locator('[data-shoploop-review-card]').getByRole('dialog');
  await expect.poll(() => card.count()).toBe(1);
  await expect(card.textContent()).resolves.toContain('How do you like your purchase?');
  await expect(card.locator('.name').textContent()).resolves.toBe(product!.item_name);

  // four stars, a title, and a text and a name that are markup
  await card.locator('label', { hasText: '4 stars' }).click();
  await card.getByRole('textbox', { name: 'Title (optional)' }).fill('Lovely, really');
  await card.getByRole('textbox', { name: 'Your review (optional)' }).fill(SCRIPT_BODY);
  await card.getByRole('textbox', { name: /^Your name/ }).fill(IMG_AUTHOR);
  await card.getByRole('button', { name: 'Send review' }).click();
  await expect.poll(() => card.locator('.notice').textContent(), { timeout: 10_000 }).toBe('Thank you! Your review will appear once the shop has checked it.');

  // stored as given, waiting for the shop; the buyer's review_submitted event
  const pending = await adminCall<{ reviews: Array<Record<string, any>> }>('GET', `/admin/api/reviews?site=${site.id}&status=pending`);
  expect(pending.reviews).toHaveLength(1);
  const review = pending.reviews[0]!;
  expect(review).toMatchObject({ itemId: product!.item_id, rating: 4, title: 'Lovely, really', body: SCRIPT_BODY, author: IMG_AUTHOR, status: 'pending' });
  const events = await shop.stack.waitForEvents(vid, (stored) => stored.some((event) => event.name == 'review_submitted'));
  expect(events.find((event) => event.name == 'review_submitted')!.params).toMatchObject({ rating: 4, transaction_id: orderId, review_id: review.id });

  // not shown before the shop publishes it
  const before = await fetch(`${shopUrl}/product/${product!.item_id}`).then((response) => response.text());
  expect(productJsonLd(before)).not.toHaveProperty('aggregateRating');
  const published = await adminCall<{ review: { id: string; status: string; publishedAt: string } }>('POST', `/admin/api/reviews/${review.id}/publish`);
  expect(published.review).toMatchObject({ id: review.id, status: 'published' });
  expect(errors).toEqual([]);
  await context.close();

  // anyone's product page: the rating and the review, in the page's own HTML and in the reviews block
  const visitor = await shop.visitor();
  visitor.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await visitor.page.goto(`${shopUrl}/product/${product!.item_id}`);
  const html = await response!.text();
  await visitor.page.waitForSelector('html[data-shop-ready]');
  const jsonLd = productJsonLd(html);
  expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'Product', sku: product!.item_id, name: product!.item_name, offers: { price: product!.price, priceCurrency: 'GBP' } });
  expect(jsonLd.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 4, ratingCount: 1, reviewCount: 1, bestRating: 5, worstRating: 1 });
  expect(jsonLd.review).toEqual([
    {
      '@type': 'Review',
      author: { '@type': 'Person', name: IMG_AUTHOR },
      datePublished: published.review.publishedAt.slice(0, 10),
      name: 'Lovely, really',
      reviewBody: SCRIPT_BODY,
      reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 },
    },
  ]);
  const withoutSnippet = html.replace(shop.stack.snippet, '');
  expect(withoutSnippet).not.toContain('<script>alert');
  expect(withoutSnippet).not.toContain('<img src=x');
  await expect(visitor.page.getByTestId('product-rating').textContent()).resolves.toBe('★★★★☆ 4.0 out of 5 · 1 review');

  const block = visitor.page.locator(`[data-shoploop=reviews][data-item="${product!.item_id}"]`);
  await block.scrollIntoViewIfNeeded();
  const shown = block.locator('li.review');
  await expect.poll(() => shown.count(), { timeout: 10_000 }).toBe(1);
  await expect(block.locator('.summary .count').textContent()).resolves.toBe('1 review');
  await expect(shown.locator('.body').textContent()).resolves.toBe(SCRIPT_BODY);
  await expect(shown.locator('.author').textContent()).resolves.toBe(IMG_AUTHOR);
  await expect(shown.locator('.review-title').textContent()).resolves.toBe('Lovely, really');
  // text nodes, not elements: no <script> or <img> inside the block's shadow root
  const elements = await block.evaluate((host) => [...host.shadowRoot!.querySelectorAll('script, img')].map((element) => element.outerHTML));
  expect(elements).toEqual([]);

  // the listing's compact stars for it, on the home page
  await visitor.page.goto(shopUrl);
  await visitor.page.waitForSelector('html[data-shop-ready]');
  const stars = visitor.page.locator(`[data-testid=product-card][data-item-id="${product!.item_id}"] [data-shoploop=rating]`);
  await expect.poll(() => stars.locator('.count').textContent(), { timeout: 10_000 }).toBe('(1 review)');
  await expect(stars.locator('.average').textContent()).resolves.toBe('4.0');

  expect(visitor.errors).toEqual([]);
  expect(dialogs).toEqual([]);
  await visitor.context.close();
});
