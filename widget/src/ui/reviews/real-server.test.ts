import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { SHOP_ORIGIN, SITE_KEY } from '../../../../server/test/helpers.ts';
import { DAY, MUG, reviewFixture } from '../../../../server/src/reviews/testing/review-fixture.ts';
import type { BlockConfig } from '../../tracker/blocks.ts';
import { showBlocks } from '../shoploop-ui.ts';
import { fakeTracker, settle, stubIntersectionObserver } from '../testing.ts';
import { forgetItemReviews } from './item-reviews.ts';
import { buttonIn, card, shadowOfKind } from './testing.ts';

// The widget against the real server instead of the fake: the real app (Hono, the real migrations on a libSQL file,
// the lifecycle scheduler on a manual clock), each fetch the widget makes answered by app.request() with the
// shop's Origin, as a browser on https://shop.example would send it. A buyer buys, the server's clock passes the
// delay, the returning buyer's card sends a review, the shop publishes it, and the product page shows it.

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const config: BlockConfig = { site: SITE_KEY, api: 'https://api.example' };

let server: Awaited<ReturnType<typeof reviewFixture>>;
/** every request the widget made, as "METHOD /path → status" */
let seen: string[];
const bridge = () => {
  seen = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    const response = await server.app.request(url.pathname + url.search, { ...init, headers: { origin: SHOP_ORIGIN } });
    seen.push(`${init.method ?? 'GET'} ${url.pathname} → ${response.status}`);
    return response;
  });
};
const click = async (label: string) => {
  act(() => buttonIn(card(), label)!.click());
  await vi.waitFor(() => expect(seen.at(-1)).toMatch(/→/));
  await settle();
};

/**
 * happy-dom's Request drops the headers a browser sets by itself (Origin, Referer), which the server checks on
 * every browser route: this one keeps the headers it is given, as the request the browser would send has them.
 */
class BrowserSentRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    Object.defineProperty(this, 'headers', { value: headers });
  }
}

beforeEach(async () => {
  localStorage.clear();
  forgetItemReviews();
  document.body.innerHTML = '';
  vi.stubGlobal('Request', BrowserSentRequest);
  server = await reviewFixture({ requestAfterDays: 1 });
  bridge();
});
afterEach(async () => {
  document.body.innerHTML = '';
  await settle();
  vi.unstubAllGlobals();
});

test('buy, the delay passes, the card sends a review, the shop publishes it, the block and the stars show it as text', async () => {
  await server.buy('V1', 'o-1', [MUG, { item_id: 'sofa-1', item_name: 'Linen sofa', price: 899 }]);
  await server.advance(DAY);
  localStorage.setItem('shoploop:reviews', String(-Date.now())); // what the tracker wrote at the purchase

  await act(() => showBlocks(config, fakeTracker('V1')));
  await vi.waitFor(() => expect(card()).toBeDefined(), { timeout: 5000 });
  await settle();
  expect(seen).toEqual(['GET /v1/reviews/requests → 200']);
  const root = card()!;
  expect(root.querySelector('.name')!.textContent).toBe('Blue enamel mug'); // the trusted catalog's name
  expect(root.querySelector('.item img')!.getAttribute('src')).toBe('https://cdn.shop.example/mug.jpg');
  expect(root.querySelector('.step')!.textContent).toBe('1 of 2');

  act(() => root.querySelector<HTMLInputElement>('input[value="4"]')!.click());
  for (const [label, value] of [['Your review', SCRIPT], ['Your name', IMG]] as const) {
    const field = [...root.querySelectorAll('label')].find((l) => l.textContent!.startsWith(label))!.querySelector<HTMLInputElement>('input, textarea')!;
    act(() => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
  await click('Send review');
  expect(seen.at(-1)).toBe('POST /v1/reviews → 201');
  expect(root.querySelector('.notice')!.textContent).toBe('Thank you! Your review will appear once the shop has checked it.');
  expect(root.querySelector('.name')!.textContent).toBe('Linen sofa');

  await click('Not now');
  expect(seen.at(-1)).toBe('POST /v1/reviews/dismissals → 200');
  expect(card()).toBeUndefined();
  expect(await server.requests('V1')).toEqual([]); // put off until the reminder

  const pending = (await server.admin('GET', `/admin/api/reviews?site=${server.site.id}&status=pending`)).body.reviews;
  expect(pending).toHaveLength(1);
  expect(pending[0]).toMatchObject({ rating: 4, body: SCRIPT, author: IMG, title: null });
  expect((await server.admin('POST', `/admin/api/reviews/${pending[0].id}/publish`)).status).toBe(200);

  // the product page
  const viewport = stubIntersectionObserver();
  document.body.innerHTML = '<div data-shoploop="rating" data-item="mug-1"></div><div data-shoploop="reviews" data-item="mug-1"></div>';
  await act(() => showBlocks(config, fakeTracker('V2')));
  await vi.waitFor(() => expect(viewport.watched()).toHaveLength(2), { timeout: 5000 });
  for (const element of viewport.watched()) act(() => viewport.show(element, 1));
  await vi.waitFor(() => expect(shadowOfKind('reviews').querySelector('.review')).not.toBeNull());
  expect(seen.filter((line) => line.includes('/items/'))).toEqual(['GET /v1/items/mug-1/reviews → 200']); // one for both
  expect(shadowOfKind('rating').querySelector('.rating')!.textContent).toBe('★★★★★4.0(1 review)');
  const review = shadowOfKind('reviews').querySelector('.review')!;
  expect(review.querySelector('.body')!.textContent).toBe(SCRIPT);
  expect(review.querySelector('.author')!.textContent).toBe(IMG);
  expect(shadowOfKind('reviews').querySelectorAll('script, img')).toHaveLength(0);

  act(() => review.querySelector<HTMLButtonElement>('.helpful')!.click());
  await vi.waitFor(() => expect(review.querySelector('.helpful')!.textContent).toBe('Helpful (1)'));
  expect(seen.at(-1)).toMatch(/^POST \/v1\/reviews\/rev_\w+\/helpful → 200$/);
});

test('the real server’s refusals reach the card in words: a second review of an item is 409, a token not of this site 403', async () => {
  await server.buy('V1', 'o-1', [MUG, { item_id: 'sofa-1', item_name: 'Linen sofa', price: 899 }]);
  await server.advance(DAY);
  const [request] = await server.requests('V1');
  expect((await server.review({ token: request!.token, item_id: 'mug-1', rating: 5 })).status).toBe(201); // another tab
  // the card still lists the mug (fetched before), then hears 409 for it
  localStorage.setItem('shoploop:reviews', String(-Date.now()));
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    if (url.pathname == '/v1/reviews/requests') {
      const forged = { ...request!, token: request!.token.slice(0, -2) + (request!.token.endsWith('xx') ? 'yy' : 'xx'), items: [{ itemId: 'lamp-9', name: 'Lamp', image: null }] };
      return Response.json({ requests: [request, forged] });
    }
    const response = await server.app.request(url.pathname + url.search, { ...init, headers: { origin: SHOP_ORIGIN } });
    seen.push(`${init.method ?? 'GET'} ${url.pathname} → ${response.status}`);
    return response;
  });
  await act(() => showBlocks(config, fakeTracker('V1')));
  await vi.waitFor(() => expect(card()).toBeDefined(), { timeout: 5000 });
  await settle();
  act(() => card()!.querySelector<HTMLInputElement>('input[value="5"]')!.click());
  await click('Send review');
  expect(seen.at(-1)).toBe('POST /v1/reviews → 409');
  expect(card()!.querySelector('.notice')!.textContent).toBe('You have already reviewed this product.');
  expect(card()!.querySelector('.name')!.textContent).toBe('Linen sofa');

  act(() => card()!.querySelector<HTMLInputElement>('input[value="3"]')!.click());
  await click('Send review');
  expect(seen.at(-1)).toBe('POST /v1/reviews → 201');
  expect(card()!.querySelector('.name')!.textContent).toBe('Lamp');
  act(() => card()!.querySelector<HTMLInputElement>('input[value="5"]')!.click());
  await click('Send review');
  expect(seen.at(-1)).toBe('POST /v1/reviews → 403');
  expect(card()!.querySelector('.notice')!.textContent).toBe('This review link has expired, so this order can no longer be reviewed.');
  expect(card()!.querySelector('form')).toBeNull();
  expect((await server.stored()).reviews).toBe(2); // the other tab's and the sofa's; nothing from the refusals
});
