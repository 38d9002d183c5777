import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Site } from '../server/src/db/schema/sites.ts';
import { createSite } from '../server/src/sites/sites.ts';
import { launchChromium, SHOPPER_UA } from './support/browser.ts';
import { visitorIdOf } from './support/fixture.ts';
import { siteEvents } from './support/site-events.ts';
import { startStack, type Stack } from './support/stack.ts';
import { startStaticSite, type StaticSite } from './support/static-site.ts';

/**
 * What only the demo shop showed before, on small hand-written pages (e2e/pages/) served from an origin of their
 * own with nothing but the tag pasted: microdata, gtag('event', …), Global Privacy Control with
 * data-gpc="respect" in a Chromium that sends it, and a page restored from the back/forward cache.
 */
describe('the tag on plain shop pages of another origin', () => {
  let stack: Stack;
  let pages: StaticSite;
  let site: Site;
  let browser: Browser;
  let events: ReturnType<typeof siteEvents>;
  const extraBrowsers: Browser[] = [];

  beforeAll(async () => {
    stack = await startStack();
    // the tag as `site snippet` prints it; ?respect-gpc adds data-gpc="respect"
    pages = await startStaticSite(resolve('e2e/pages'), (url) => {
      if (url.pathname === '/sandboxed-frame.html') return '';
      if (url.pathname === '/sandboxed-pixel.html') return `<script>${sandboxedPurchase(stack.serverUrl, site.publicKey)}</script>`;
      const gpc = url.searchParams.has('respect-gpc') ? ' data-gpc="respect"' : '';
      return `<script async src="${stack.serverUrl}/shoploop.js" data-site="${site.publicKey}"${gpc}></script>`;
    });
    site = await createSite(stack.db, { name: 'Plain pages', origins: [pages.url] }, Date.now());
    events = siteEvents(stack.serverUrl, site.id);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const b of [browser, ...extraBrowsers]) await b?.close();
    await pages?.close();
    await stack?.stop();
  });

  async function visit(on: Browser = browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await on.newContext({ userAgent: SHOPPER_UA });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  }

  test('microdata: a product marked up with itemprop only is a product view with its id, name, price and stock', async () => {
    const { context, page, errors } = await visit();
    await page.goto(`${pages.url}/microdata-product.html`);
    const vid = await waitForVisitor(page);
    const stored = await events.waitFor(vid, (ev) => ev.some((e) => e.name === 'view_item'));
    const views = stored.filter((e) => e.name === 'view_item');
    expect(views).toHaveLength(1);
    expect(views[0]!.params.items).toEqual([
      expect.objectContaining({ item_id: 'MD-MUG-1', item_name: 'Enamel camping mug', price: 24.5, currency: 'EUR', availability: 'in_stock' }),
    ]);
    expect(views[0]!.url).toBe(`${pages.url}/microdata-product.html`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('gtag(\'event\', …): calls made before and after the tag loaded are mirrored, config and js calls are not', async () => {
    const { context, page, errors } = await visit();
    await page.goto(`${pages.url}/gtag-checkout.html`);
    const vid = await waitForVisitor(page);
    await events.waitFor(vid, (ev) => ev.some((e) => e.name === 'view_item_list'));
    await page.click('#add');
    await page.click('#buy');
    const stored = await events.waitFor(vid, (ev) => ev.some((e) => e.name === 'purchase'));
    expect(stored.map((e) => e.name)).toEqual(['page_view', 'view_item_list', 'add_to_cart', 'purchase']);
    const byName = (name: string) => stored.find((e) => e.name === name)!.params;
    expect(byName('view_item_list').items?.map((i) => i.item_id)).toEqual(['GT-TIN', 'GT-GLASS']);
    expect(byName('add_to_cart')).toMatchObject({ currency: 'GBP', value: 18, items: [{ item_id: 'GT-TIN', price: 9, quantity: 2 }] });
    expect(byName('purchase')).toMatchObject({ transaction_id: 'GT-ORDER-1', currency: 'GBP', value: 18, items: [{ item_id: 'GT-TIN', quantity: 2 }] });
    expect(errors).toEqual([]);
    await context.close();
  });

  test('Global Privacy Control with data-gpc="respect": nothing sent, stored or kept, no blocks; without the attribute GPC is not acted on', async () => {
    // Chromium's own GPC, as a user who turned it on has it: navigator.globalPrivacyControl and Sec-GPC: 1
    const gpcBrowser = await launchChromium({ args: ['--enable-features=GlobalPrivacyControlForce'] });
    extraBrowsers.push(gpcBrowser);
    const visitorCount = async () => (await stack.admin<{ visitors: unknown[] }>(`/admin/api/visitors?limit=1000&site=${site.id}`)).visitors.length;
    const before = await visitorCount();

    const { context, page, errors } = await visit(gpcBrowser);
    const toShoploop: string[] = [];
    page.on('request', (r) => r.url().startsWith(stack.serverUrl) && toShoploop.push(new URL(r.url()).pathname));
    const tagLoaded = page.waitForResponse((r) => r.url() === `${stack.serverUrl}/shoploop.js`);
    await page.goto(`${pages.url}/gpc-product.html?respect-gpc`);
    expect(await page.evaluate(() => (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl)).toBe(true);
    await tagLoaded;
    await page.waitForFunction(() => typeof (window as { shoploop?: { v?: string } }).shoploop?.v === 'string'); // the tag ran
    await page.waitForTimeout(3000); // past the tracker's batch delay
    expect(await page.evaluate(() => localStorage.getItem('shoploop:id') ?? '')).toBe(''); // no visitor id kept
    expect(await page.locator('[data-shoploop] >> css=*').count()).toBe(0); // the block stayed empty: no UI loaded
    await page.goto('about:blank'); // leaving the page is when a tracker flushes what it holds
    await new Promise((r) => setTimeout(r, 1500));
    expect(toShoploop).toEqual(['/shoploop.js']);
    expect(await visitorCount()).toBe(before);
    expect(errors).toEqual([]);
    await context.close();

    // the same browser, the same page, the tag without data-gpc="respect": tracked as usual
    const plain = await visit(gpcBrowser);
    await plain.page.goto(`${pages.url}/gpc-product.html`);
    const vid = await waitForVisitor(plain.page);
    const stored = await events.waitFor(vid, (ev) => ev.some((e) => e.name === 'view_item'));
    expect(stored.find((e) => e.name === 'view_item')!.params.items?.[0]).toMatchObject({ item_id: 'GPC-BLANKET', price: 59, currency: 'GBP' });
    await plain.context.close();
  });

  test('a frame sandboxed without allow-same-origin is refused, even on the shop\'s own origin (how Shopify runs custom pixels)', async () => {
    // Its requests say Origin: null and carry no Referer, as a sandboxed frame on any other site would: accepting
    // them would let every page send events for the site (docs/install/shopify.md says what this means there).
    const { context, page } = await visit();
    const answer = page.waitForResponse((r) => r.url() === `${stack.serverUrl}/v1/collect`);
    await page.goto(`${pages.url}/sandboxed-frame.html`);
    const response = await answer;
    const headers = await response.request().allHeaders();
    expect({ status: response.status(), origin: headers.origin, referer: headers.referer }).toEqual({ status: 403, origin: 'null', referer: undefined });
    expect(await events.stored('v-sandboxed')).toEqual([]);
    await context.close();
  });

  test('a page restored from the back/forward cache is a page view again', async () => {
    // playwright turns the back/forward cache off by default; a shopper's browser has it on
    const bfBrowser = await launchChromium({ ignoreDefaultArgs: ['--disable-back-forward-cache'] });
    extraBrowsers.push(bfBrowser);
    const { context, page, errors } = await visit(bfBrowser);
    await page.addInitScript(() => {
      addEventListener('pageshow', (e) => {
        if (e.persisted) (window as unknown as { __restored: number }).__restored = ((window as unknown as { __restored?: number }).__restored ?? 0) + 1;
      });
    });
    const first = `${pages.url}/bfcache-first.html`;
    const second = `${pages.url}/bfcache-second.html`;
    await page.goto(first);
    const vid = await waitForVisitor(page);
    await events.waitFor(vid, (ev) => ev.some((e) => e.name === 'page_view'));
    await page.click('#next');
    await page.waitForURL(second);
    await events.waitFor(vid, (ev) => ev.filter((e) => e.name === 'page_view').length >= 2);
    await page.goBack({ waitUntil: 'commit' }); // a page restored from the cache fires pageshow, not load
    await page.waitForURL(first, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.readyState === 'complete');
    const restored = await page.evaluate(() => ({
      count: (window as unknown as { __restored?: number }).__restored ?? 0,
      why: JSON.stringify((performance.getEntriesByType('navigation')[0] as unknown as { notRestoredReasons?: unknown })?.notRestoredReasons ?? null),
    }));
    expect(restored.count, `not restored from the back/forward cache: ${restored.why}`).toBe(1);
    const stored = await events.waitFor(vid, (ev) => ev.filter((e) => e.name === 'page_view').length >= 3);
    const views = stored.filter((e) => e.name === 'page_view');
    expect(views.map((e) => e.url)).toEqual([first, second, first]);
    expect(views[2]!.params.page_title).toBe('Home – Plain Shop');
    await page.waitForTimeout(1500);
    expect((await events.stored(vid)).filter((e) => e.name === 'page_view')).toHaveLength(3); // once, not twice
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** A purchase posted as a Shopify custom pixel would post it, for a visitor of its own. */
function sandboxedPurchase(serverUrl: string, siteKey: string): string {
  const batch = { site: siteKey, vid: 'v-sandboxed', events: [{ id: 'sandboxed-purchase-1', name: 'purchase', ts: 1, sid: 's1', params: { transaction_id: 'T-1', value: 10, currency: 'EUR' } }] };
  return `fetch(${JSON.stringify(`${serverUrl}/v1/collect`)}, { method: 'POST', keepalive: true, body: ${JSON.stringify(JSON.stringify(batch))} });`;
}

/** The visitor id the tag stored, once it has run (it is written on the first event). */
async function waitForVisitor(page: Page): Promise<string> {
  await page.waitForFunction(() => !!localStorage.getItem('shoploop:id'), undefined, { timeout: 20_000 });
  return visitorIdOf(page);
}
