import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Site } from '../server/src/db/schema/sites.ts';
import { createSite } from '../server/src/sites/sites.ts';
import { launchChromium, SHOPPER_UA } from './support/browser.ts';
import { visitorIdOf } from './support/fixture.ts';
import { siteEvents } from './support/site-events.ts';
import { startStack, type Stack } from './support/stack.ts';

/**
 * A hash-routed single-page shop, as older Angular/Vue/Backbone apps are built: one HTML document whose router
 * renders `#/products/<id>` and `#!/cart` on hashchange, writing the product's JSON-LD and the title. Only the tag
 * is pasted into it.
 */
const shopPage = (tag: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Hash shop</title>${tag}</head>
<body>
  <nav><a id="to-tee" href="#/products/tee">Tee</a> <a id="to-mug" href="#/products/mug">Mug</a> <a id="to-cart" href="#!/cart">Cart</a></nav>
  <main id="view"></main>
  <p><a id="to-reviews" href="#reviews">Reviews</a></p><h2 id="reviews">Reviews</h2>
  <script>
    const products = { tee: { name: 'Hash tee', price: '19.90' }, mug: { name: 'Hash mug', price: '8.50' } };
    function render() {
      document.querySelectorAll('script[type="application/ld+json"]').forEach((s) => s.remove());
      const route = location.hash.match(/^#!?\\/(\\w+)(?:\\/(\\w+))?/);
      if (!route) return; // an in-page anchor: nothing to render
      const [, section, id] = route;
      const product = section === 'products' && products[id];
      document.title = product ? product.name + ' – Hash shop' : section === 'cart' ? 'Cart – Hash shop' : 'Hash shop';
      document.getElementById('view').textContent = document.title;
      if (product) {
        const ld = document.createElement('script');
        ld.type = 'application/ld+json';
        ld.textContent = JSON.stringify({ '@type': 'Product', sku: id.toUpperCase(), name: product.name, offers: { price: product.price, priceCurrency: 'EUR' } });
        document.head.appendChild(ld);
      }
    }
    addEventListener('hashchange', render);
    render();
  </script>
</body></html>`;

describe('a hash-routed single-page shop', () => {
  let stack: Stack;
  let server: Server;
  let origin: string;
  let site: Site;
  let browser: Browser;
  let events: ReturnType<typeof siteEvents>;

  beforeAll(async () => {
    stack = await startStack();
    server = createServer((_req, res) => {
      const tag = `<script async src="${stack.serverUrl}/shoploop.js" data-site="${site.publicKey}"></script>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shopPage(tag));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    site = await createSite(stack.db, { name: 'Hash shop', origins: [origin] }, Date.now());
    events = siteEvents(stack.serverUrl, site.id);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await stack?.stop();
  });

  test('each #/route is a page view and its product a view_item; an in-page #anchor is not a page view; Back is', async () => {
    const context = await browser.newContext({ userAgent: SHOPPER_UA });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/shop.html`);
    await page.waitForFunction(() => localStorage.getItem('shoploop:id'));
    const vid = await visitorIdOf(page);
    const pageViews = async (count: number) =>
      (await events.waitFor(vid, (ev) => ev.filter((e) => e.name === 'page_view').length >= count))
        .filter((e) => e.name === 'page_view')
        .map((e) => new URL(e.url!).hash);

    await page.click('#to-reviews'); // an anchor on the landing page: no page view
    // each route is left only once its page view is on its way, as a person would: the tracker reports a route
    // after it settled (settleMs), so a route left sooner than that is rightly no page view of its own
    const sent = (count: number) => page.evaluate(() => dispatchEvent(new Event('pagehide'))).then(() => pageViews(count));
    await page.click('#to-tee');
    await page.waitForFunction(() => document.title.startsWith('Hash tee'));
    await sent(2);
    await page.click('#to-cart');
    await page.waitForFunction(() => document.title.startsWith('Cart'));
    await page.waitForTimeout(800);
    await sent(3);
    await page.goBack(); // back to the tee, through the browser's history of hash routes
    await page.waitForFunction(() => document.title.startsWith('Hash tee'));
    await page.waitForTimeout(800); // the tracker waits for a new route to render
    await page.evaluate(() => dispatchEvent(new Event('pagehide'))); // send what waits

    expect(await pageViews(4)).toEqual(['', '#/products/tee', '#!/cart', '#/products/tee']);
    const stored = await events.stored(vid);
    const viewItems = stored.filter((e) => e.name === 'view_item');
    // the tee once on each of its two page views; the cart shows no product
    expect(viewItems.map((e) => [new URL(e.url!).hash, e.params.items![0]!.item_id])).toEqual([
      ['#/products/tee', 'TEE'],
      ['#/products/tee', 'TEE'],
    ]);
    expect(viewItems[0]!.params.items![0]).toMatchObject({ item_name: 'Hash tee', price: 19.9, currency: 'EUR' });
    // the referrer of a route is the route before it
    const cart = stored.find((e) => e.name === 'page_view' && new URL(e.url!).hash === '#!/cart') as { referrer?: string | null };
    expect(cart.referrer).toBe(`${origin}/shop.html#/products/tee`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
