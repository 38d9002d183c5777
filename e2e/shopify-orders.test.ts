import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Site } from '../server/src/db/schema/sites.ts';
import { sampleOrderBody } from '../server/src/integrations/shopify/testing/sample-order.ts';
import { shopifySignature } from '../server/src/integrations/shopify/verify-signature.ts';
import { setShopifySecret } from '../server/src/integrations/shopify/webhook-secret.ts';
import { createSite } from '../server/src/sites/sites.ts';
import { launchChromium, SHOPPER_UA } from './support/browser.ts';
import { visitorIdOf } from './support/fixture.ts';
import { siteEvents } from './support/site-events.ts';
import { startStack, type Stack } from './support/stack.ts';

const SECRET = 'f3a9c1e07b5d42e8a6c3b1d9e7f5a3c1e9b7d5f3a1c9e7b5d3f1a9c7e5b3d1f9';

/** The theme lines of docs/install/shopify.md section 4.1, as the guide prints them. */
function guideCartSnippet(): string {
  const guide = readFileSync(resolve('docs/install/shopify.md'), 'utf8');
  const section = guide.slice(guide.indexOf('### 4.1'));
  const block = /```liquid\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block?.includes('cart/update.js')) throw new Error('docs/install/shopify.md section 4.1 has no theme snippet');
  return block;
}

/**
 * A stand-in for a Shopify storefront, on an origin of its own: a product page as Shopify renders one (what
 * `content_for_header` puts there: `Shopify.routes`, `ShopifyAnalytics.meta`; the `structured_data` JSON-LD of
 * Shopify's own example, with no sku), the Shoploop tag and the guide's snippet with its Liquid rendered from
 * the cart, and the Ajax Cart API's `POST /cart/update.js`, which keeps the cart's attributes.
 */
function startShopifyStandIn(tag: () => string) {
  const cart = { attributes: {} as Record<string, string> };
  const updates: unknown[] = [];
  const snippet = guideCartSnippet();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/cart/update.js') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8'))).on('end', () => {
        const update = JSON.parse(body) as { attributes?: Record<string, string> };
        updates.push(update);
        Object.assign(cart.attributes, update.attributes);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(cart));
      });
      return;
    }
    if (url.pathname !== '/products/crocodile-tears') return void res.writeHead(404).end();
    const liquid = snippet.replace('{{ cart.attributes.shoploop_vid | json }}', JSON.stringify(cart.attributes.shoploop_vid ?? null));
    const html = `<!doctype html><html><head><title>Crocodile tears</title>
<script>window.Shopify = { routes: { root: '/' } }; window.ShopifyAnalytics = { meta: { currency: 'CAD', product: { id: 6792602320961, vendor: "Polina's Potent Potions", type: '', variants: [{ id: 39888242344001, price: 5600, name: 'Crocodile tears', sku: '' }] } } };</script>
<script type="application/ld+json">{"@context":"http:\\/\\/schema.org\\/","@id":"\\/products\\/crocodile-tears#product","@type":"Product","brand":{"@type":"Brand","name":"Polina's Potent Potions"},"category":"","description":"","name":"Crocodile tears","offers":{"@id":"\\/products\\/crocodile-tears?variant=39888242344001#offer","@type":"Offer","availability":"http:\\/\\/schema.org\\/InStock","price":"56.00","priceCurrency":"CAD","url":"\\/products\\/crocodile-tears?variant=39888242344001"},"url":"\\/products\\/crocodile-tears"}</script>
${tag()}
${liquid}
</head><body><h1>Crocodile tears</h1></body></html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  return {
    cart,
    updates,
    listen: () => new Promise<string>((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

describe('a Shopify order reaches Shoploop server to server, on the visitor who browsed', () => {
  let stack: Stack;
  let shop: ReturnType<typeof startShopifyStandIn>;
  let shopUrl: string;
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    shop = startShopifyStandIn(() => `<script async src="${stack.serverUrl}/shoploop.js" data-site="${site.publicKey}"></script>`);
    shopUrl = await shop.listen();
    site = await createSite(stack.db, { name: 'Shopify stand-in', origins: [shopUrl] }, Date.now());
    await setShopifySecret(stack.db, site.id, SECRET, Date.now());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await stack?.stop();
  });

  test('the guide’s theme lines put the visitor id in the cart once; the signed orders/create webhook then lands on that visitor, with the item id its product view had', async () => {
    const context = await browser.newContext({ userAgent: SHOPPER_UA });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${shopUrl}/products/crocodile-tears`);
    await page.waitForFunction(() => !!localStorage.getItem('shoploop:id'), undefined, { timeout: 20_000 });
    const vid = await visitorIdOf(page);
    await expect.poll(() => shop.updates, { timeout: 10_000 }).toEqual([{ attributes: { shoploop_vid: vid } }]);
    await page.reload({ waitUntil: 'networkidle' }); // the cart now holds the id: Liquid renders it, nothing is sent
    expect(shop.updates).toHaveLength(1);
    expect(errors).toEqual([]);

    const events = siteEvents(stack.serverUrl, site.id);
    const viewed = await events.waitFor(vid, (ev) => ev.some((e) => e.name === 'view_item'));
    const viewedId = viewed.find((e) => e.name === 'view_item')!.params.items![0]!.item_id;
    expect(viewedId).toBe('6792602320961');

    // Shopify, after checkout: the order carries the cart's attributes as note_attributes
    const body = sampleOrderBody({
      id: '5940139491234',
      totalPrice: '66.00',
      currency: 'CAD',
      lines: [{ productId: '6792602320961', variantId: '39888242344001', sku: '', title: 'Crocodile tears', price: '56.00', quantity: 1 }],
      noteAttributes: Object.entries(shop.cart.attributes).map(([name, value]) => ({ name, value })),
    });
    const deliver = () =>
      fetch(`${stack.serverUrl}/integrations/shopify/orders?site=${site.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-hmac-sha256': shopifySignature(body, SECRET), 'x-shopify-webhook-id': 'e2e-1' },
        body,
      });
    const first = await deliver();
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ order: '5940139491234', stored: 2 });
    expect(await (await deliver()).json()).toMatchObject({ stored: 0, duplicates: 2 }); // Shopify's retry

    const stored = await events.waitFor(vid, (ev) => ev.some((e) => e.name === 'purchase'));
    const purchase = stored.find((e) => e.name === 'purchase')!;
    expect(purchase.params).toMatchObject({ transaction_id: '5940139491234', value: 66, currency: 'CAD', items: [{ item_id: viewedId, quantity: 1 }] });
    expect(stored.filter((e) => e.name === 'purchase')).toHaveLength(1);
    await context.close();
  });
});
