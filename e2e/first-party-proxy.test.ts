import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, SHOPPER_UA } from './support/browser.ts';
import { visitorIdOf } from './support/fixture.ts';
import { startProxiedStack } from './support/proxied-stack.ts';

type Stack = Awaited<ReturnType<typeof startProxiedStack>>;

/** Every answer the page got from Shoploop's API through the proxy, by path, with what its request carried. */
function watchApi(page: Page) {
  const seen: Array<{ path: string; status: number; headers: Record<string, string> }> = [];
  page.on('requestfinished', (request: Request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/sl/v1/')) return;
    void Promise.all([request.response(), request.allHeaders()]).then(([response, headers]) => {
      if (response) seen.push({ path: url.pathname, status: response.status(), headers });
    });
  });
  return seen;
}

describe('Shoploop served from the shop\'s own origin behind nginx (the README\'s lines)', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startProxiedStack();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  test('the tag from /sl/ sends its events, /v1/me answers, and the recommendation blocks render', async () => {
    const base = stack.shopUrl;
    const seeder = await browser.newContext({ userAgent: SHOPPER_UA });
    const seedPage = await seeder.newPage();
    await seedPage.goto(base);
    await seedPage.waitForSelector('html[data-shop-ready]');
    const cards = seedPage.locator('[data-testid=product-card]');
    const [a, b] = [(await cards.nth(0).getAttribute('data-item-id'))!, (await cards.nth(1).getAttribute('data-item-id'))!];
    // history: four shoppers bought a and b together, posted on the shop's own origin as the tracker posts
    const statuses = await seedPage.evaluate(
      async ({ site, a, b }) => {
        const out: number[] = [];
        for (let n = 0; n < 4; n++) {
          const items = [{ item_id: a, quantity: 1 }, { item_id: b, quantity: 1 }];
          const events = [
            { id: `seed-${n}-1`, name: 'add_to_cart', ts: Date.now(), sid: `s${n}`, params: { items } },
            { id: `seed-${n}-2`, name: 'purchase', ts: Date.now(), sid: `s${n}`, params: { transaction_id: `SEED-${n}`, currency: 'GBP', items } },
          ];
          out.push((await fetch('/sl/v1/collect', { method: 'POST', body: JSON.stringify({ site, vid: `seed-${n}`, events }) })).status);
        }
        return out;
      },
      { site: stack.site.publicKey, a, b },
    );
    expect(statuses).toEqual([200, 200, 200, 200]);
    await seeder.close();

    const context = await browser.newContext({ userAgent: SHOPPER_UA });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const api = watchApi(page);
    await page.goto(`${base}/product/${encodeURIComponent(a)}`);
    await page.waitForSelector('html[data-shop-ready]');

    // the blocks: shoploop-ui.js came from /sl/ too, and the list links to the shop's own pages
    const alsoBought = page.locator('[data-shoploop="also-bought"] a.link');
    await alsoBought.first().waitFor({ timeout: 30_000 });
    expect(await alsoBought.first().getAttribute('href')).toBe(`${base}/product/${encodeURIComponent(b)}`);

    // the events: the product view is stored, sent through the proxy
    const vid = await visitorIdOf(page);
    const events = await stack.events.waitFor(vid, (ev) => ev.some((e) => e.name === 'view_item'));
    expect(events.find((e) => e.name === 'view_item')!.params.items?.[0]).toMatchObject({ item_id: a });
    expect(events.find((e) => e.name === 'page_view')!.url).toBe(`${base}/product/${encodeURIComponent(a)}`);

    // /v1/me from the page, the way the widget asks it: same-origin, so without an Origin header; once more
    // with the Referer stripped (a shop's Referrer-Policy may do that), so only Sec-Fetch-Site and the Host
    // nginx passed on tell where the page is
    const askMe = () =>
      page.evaluate(async ({ site, vid }) => {
        const ask = async (init: RequestInit) => {
          const res = await fetch(`/sl/v1/me?site=${site}&visitor=${vid}`, init);
          return { status: res.status, body: (await res.json()) as { visitor?: string; stage?: string } };
        };
        return [await ask({}), await ask({ referrerPolicy: 'no-referrer' })];
      }, { site: stack.site.publicKey, vid });
    // the stage follows the stored events within a scheduler round (200 ms here): ask until it has
    await expect.poll(async () => (await askMe()).map((answer) => answer.body.stage), { timeout: 15_000 }).toEqual(['here_and_now', 'here_and_now']);
    const me = await askMe();
    for (const answer of me) {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ visitor: vid, stage: 'here_and_now' });
    }

    // what made this the same-origin path: the GETs carried no Origin, only Sec-Fetch-Site; the POSTs an Origin
    // each ask is a pair: one with a Referer, one without
    await expect.poll(() => api.filter((r) => r.path === '/sl/v1/me').length % 2).toBe(0);
    const meAsks = api.filter((r) => r.path === '/sl/v1/me');
    expect(meAsks.length).toBeGreaterThanOrEqual(2);
    expect(meAsks.filter((r) => r.headers.referer === undefined)).toHaveLength(meAsks.length / 2);
    const gets = api.filter((r) => r.path === '/sl/v1/recommendations' || r.path === '/sl/v1/me');
    expect(gets.length).toBeGreaterThanOrEqual(3);
    for (const r of gets) {
      expect(r).toMatchObject({ status: 200, headers: { 'sec-fetch-site': 'same-origin' } });
      expect(r.headers.origin).toBeUndefined();
    }
    const posts = api.filter((r) => r.path === '/sl/v1/collect');
    expect(posts.length).toBeGreaterThanOrEqual(1);
    for (const r of posts) expect(r).toMatchObject({ status: 200, headers: { origin: base } });
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a page on another origin is refused: through the shop\'s proxy, cross-origin, without CORS, and directly', async () => {
    // localhost is another origin than 127.0.0.1 for the browser, though nginx serves both the same shop
    const elsewhere = stack.shopUrl.replace('127.0.0.1', 'localhost');
    const context = await browser.newContext({ userAgent: SHOPPER_UA });
    const page = await context.newPage();
    const api = watchApi(page);
    await page.goto(`${elsewhere}/`);
    await page.waitForSelector('html[data-shop-ready]');
    // the pasted tag works there just as well, and every one of its requests is refused
    await expect.poll(() => api.filter((r) => r.path === '/sl/v1/collect').length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    for (const r of api) expect(r.status, r.path).toBe(403);

    const site = stack.site.publicKey;
    const query = `site=${site}&visitor=someone`;
    const answers = await page.evaluate(
      async ({ shop, server, query }) => {
        const status = (url: string, init?: RequestInit) => fetch(url, init).then((r) => r.status, (e: Error) => `failed: ${e.message}`);
        return {
          sameOriginOnItsOwnProxy: await status(`/sl/v1/me?${query}`),
          crossOriginViaShopProxy: await status(`${shop}/sl/v1/me?${query}`),
          crossOriginRecommendations: await status(`${shop}/sl/v1/recommendations?${query}`),
          crossOriginDirect: await status(`${server}/v1/me?${query}`),
        };
      },
      { shop: stack.shopUrl, server: stack.serverUrl, query },
    );
    expect(answers).toEqual({ sameOriginOnItsOwnProxy: 403, crossOriginViaShopProxy: 403, crossOriginRecommendations: 403, crossOriginDirect: 403 });

    // a no-CORS request (as an <img> or <script> makes) carries no Origin: the page cannot read it, but it is refused too
    const noCors = page.waitForResponse((r) => r.url().includes('/sl/v1/recommendations') && r.url().startsWith(stack.shopUrl));
    await page.evaluate((url) => void fetch(url, { mode: 'no-cors', referrerPolicy: 'no-referrer' }).catch(() => {}), `${stack.shopUrl}/sl/v1/recommendations?${query}`);
    const response = await noCors;
    expect(response.status()).toBe(403);
    expect((await response.request().allHeaders()).origin).toBeUndefined();
    await context.close();
  });
});
