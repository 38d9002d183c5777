import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { showBlocks } from '../shoploop-ui.ts';
import { config, fakeTracker, settle } from '../testing.ts';
import { visitMs } from './ask.ts';
import { buttonIn, card, fakeReviewsApi, type FakeApiOptions, type FakeRequest } from './testing.ts';

// The review card for a buyer who comes back: each test is a page view of a browser that bought 8 days ago (the
// tracker left `shoploop:reviews` = −purchase time), through the UI bundle's entry as the tracker calls it, against
// the fake server, which holds the contract, keeps used tokens and dismissals, and refuses as the real one does.

const day = 864e5;
const order: FakeRequest = {
  token: 'tok-1',
  orderId: 'ORD-1',
  items: [
    { itemId: 'TEE-1', name: 'Linen tee', image: 'https://img.example/tee.jpg' },
    { itemId: 'MUG-2', name: 'Blue mug', image: null },
  ],
};
const secondOrder: FakeRequest = { token: 'tok-2', orderId: 'ORD-2', items: [{ itemId: 'CAP-3', name: 'Cap', image: null }] };

let api: ReturnType<typeof fakeReviewsApi>;
const bought = (daysAgo = 8) => localStorage.setItem('shoploop:reviews', String(-(Date.now() - daysAgo * day)));
/** a page view of the buyer: the tracker calls the UI */
const pageView = async (tracker = fakeTracker()) => {
  await act(() => showBlocks(config, tracker));
  await settle();
};
/** a page view that brings the card */
const comeBack = async (options: FakeApiOptions = { requests: [order] }) => {
  api = fakeReviewsApi(options);
  bought();
  await act(() => showBlocks(config, fakeTracker()));
  await vi.waitFor(() => expect(card()).toBeDefined(), { timeout: 5000 });
  await settle();
};
const $ = <T extends Element = HTMLElement>(selector: string) => card()!.querySelector<T>(selector);
const text = (selector: string) => $(selector)?.textContent ?? undefined;
const click = async (label: string) => {
  const button = buttonIn(card(), label);
  expect(button, `a "${label}" button`).toBeDefined();
  act(() => button!.click());
  await settle();
};
const rate = (stars: number) => act(() => $<HTMLInputElement>(`input[type=radio][value="${stars}"]`)!.click());
const type = (label: string, value: string) => {
  const field = [...card()!.querySelectorAll('label')].find((l) => l.textContent!.startsWith(label))!.querySelector<HTMLInputElement>('input, textarea')!;
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
const posts = (path: string) => api.calls.filter(({ method, url }) => method == 'POST' && url.pathname == path).map(({ body }) => body);

beforeEach(() => {
  localStorage.clear();
  document.documentElement.lang = 'en';
  document.body.innerHTML = '<main><button id="shop-button">Shop</button></main>';
});
afterEach(async () => {
  document.body.innerHTML = '';
  await settle();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

test('a buyer who comes back is asked for the visitor’s requests and sees the card: the items, stars, texts, not now, don’t ask again', async () => {
  document.getElementById('shop-button')!.focus();
  await comeBack();
  expect(api.routes()).toEqual(['GET /v1/reviews/requests?site=pk_ui&visitor=V1']);
  expect(text('h2')).toBe('How do you like your purchase?');
  expect($('.card')!.getAttribute('role')).toBe('dialog');
  expect($('.card')!.getAttribute('aria-labelledby')).toBe('shoploop-review-heading');
  expect(text('.item .name')).toBe('Linen tee');
  expect($('.item img')!.getAttribute('src')).toBe('https://img.example/tee.jpg');
  expect(text('.step')).toBe('1 of 2');
  expect([...card()!.querySelectorAll('label')].map((label) => label.textContent)).toEqual([
    '★1 star',
    '★2 stars',
    '★3 stars',
    '★4 stars',
    '★5 stars',
    'Title (optional)',
    'Your review (optional)',
    'Your name (optional, shown with your review)',
  ]);
  for (const label of ['Send review', 'Skip this product', 'Not now', 'Don’t ask again', 'Close']) expect(buttonIn(card(), label), label).toBeDefined();
  expect([...card()!.querySelectorAll<HTMLInputElement>('input[type=text], textarea')].map((field) => field.maxLength)).toEqual([120, 5000, 60]);
  expect(card()!.querySelector('style')!.textContent).toContain('var(--shoploop-prompt-bg, #fff)');
  // it came by itself: the shop keeps the keyboard focus
  expect(document.activeElement!.id).toBe('shop-button');
});

test('the stars are a radio group: one name, in a fieldset with a legend, focusable, one checked at a time', async () => {
  await comeBack();
  const radios = [...card()!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
  expect(radios.map((radio) => [radio.name, radio.value, radio.tabIndex >= 0, radio.disabled])).toEqual(
    [1, 2, 3, 4, 5].map((n) => ['shoploop-rating', String(n), true, false]),
  );
  expect(radios[0]!.closest('fieldset')!.querySelector('legend')!.textContent).toBe('Your rating');
  // the keyboard moves and selects with the arrows natively; a focused radio chosen with Space is a click
  radios[3]!.focus();
  expect(card()!.activeElement).toBe(radios[3]);
  rate(4);
  await settle();
  expect(radios.map((radio) => radio.checked)).toEqual([false, false, false, true, false]);
  expect([...card()!.querySelectorAll('.star-input label')].map((label) => label.className)).toEqual(['on', 'on', 'on', 'on', '']);
  rate(2);
  await settle();
  expect(radios.map((radio) => radio.checked)).toEqual([false, true, false, false, false]);
});

test('without a rating nothing is sent and the card says what is missing', async () => {
  await comeBack();
  await click('Send review');
  expect(text('.error')).toBe('Please choose a rating from 1 to 5 stars.');
  expect($('.error')!.getAttribute('role')).toBe('alert');
  expect($('fieldset')!.getAttribute('aria-describedby')).toBe('shoploop-review-error');
  expect(posts('/v1/reviews')).toEqual([]);
});

test('each item is sent with the order’s token as the contract says, then the next; the name is kept for the next', async () => {
  await comeBack();
  rate(4);
  type('Title', 'Soft');
  type('Your review', 'Fits well.');
  type('Your name', 'Ana');
  await click('Send review');
  expect(posts('/v1/reviews')).toEqual([{ site: 'pk_ui', token: 'tok-1', item_id: 'TEE-1', rating: 4, title: 'Soft', body: 'Fits well.', author: 'Ana' }]);
  expect(text('.notice')).toBe('Thank you! Your review will appear once the shop has checked it.');
  expect(text('.item .name')).toBe('Blue mug');
  expect(text('.step')).toBe('2 of 2');
  expect(card()!.querySelectorAll('.item img')).toHaveLength(0);
  expect(card()!.querySelector<HTMLInputElement>('input[type=radio]:checked')).toBeNull();
  expect([...card()!.querySelectorAll<HTMLInputElement>('input[type=text], textarea')].map((field) => field.value)).toEqual(['', '', 'Ana']);
  expect(buttonIn(card(), 'Skip this product')).toBeUndefined(); // the last one

  type('Your name', '  ');
  rate(5);
  await click('Send review');
  // empty texts are left out
  expect(posts('/v1/reviews')[1]).toEqual({ site: 'pk_ui', token: 'tok-1', item_id: 'MUG-2', rating: 5 });
  expect(text('h2')).toBe('Thank you');
  expect(card()!.querySelector('form')).toBeNull();
  await click('Close');
  expect(card()).toBeUndefined();
  expect(api.dismissals).toEqual([]); // reviewed: nothing to put off
  expect(api.reviews.map(({ item, status }) => [item, status])).toEqual([
    ['TEE-1', 'pending'],
    ['MUG-2', 'pending'],
  ]);
});

test('a shop with auto-publish: the card says the review is on the product page', async () => {
  await comeBack({ requests: [{ ...order, items: order.items.slice(0, 1) }], autoPublish: true });
  rate(5);
  await click('Send review');
  expect(text('.notice')).toBe('Thank you! Your review is now on the product page.');
});

test('409: an item reviewed meanwhile (another tab) says so and moves on', async () => {
  await comeBack();
  await fetch('https://api.example/v1/reviews', { method: 'POST', body: JSON.stringify({ site: 'pk_ui', token: 'tok-1', item_id: 'TEE-1', rating: 3 }) });
  rate(4);
  await click('Send review');
  expect(text('.notice')).toBe('You have already reviewed this product.');
  expect(text('.item .name')).toBe('Blue mug');
  expect(api.reviews).toHaveLength(1); // nothing stored on a refusal
});

test('403: an expired link says so, and the rest of that order is skipped; the next order still works', async () => {
  await comeBack({ requests: [order, secondOrder], expired: ['tok-1'] });
  expect(text('.step')).toBe('1 of 3');
  rate(4);
  await click('Send review');
  expect(text('.notice')).toBe('This review link has expired, so this order can no longer be reviewed.');
  expect(text('.item .name')).toBe('Cap');
  expect(text('.step')).toBe('3 of 3');
  rate(3);
  await click('Send review');
  expect(posts('/v1/reviews').map((body) => body!.token)).toEqual(['tok-1', 'tok-2']);
  expect(text('h2')).toBe('Thank you');
});

test('403 on the only order: nothing left, the card says why and offers to close', async () => {
  await comeBack({ requests: [secondOrder], expired: ['tok-2'] });
  rate(4);
  await click('Send review');
  expect(text('h2')).toBe('Your review');
  expect(text('.notice')).toBe('This review link has expired, so this order can no longer be reviewed.');
  expect(buttonIn(card(), 'Close')).toBeDefined();
});

test('429 and a failed network keep the review on screen to send again; 400 shows the server’s reason', async () => {
  await comeBack({ requests: [order], reviewStatus: 429 });
  rate(4);
  type('Your review', 'Good');
  await click('Send review');
  expect(text('.error')).toBe('Too many reviews in a short time. Please try again in a few minutes.');
  expect(text('.item .name')).toBe('Linen tee');
  expect(card()!.querySelector<HTMLTextAreaElement>('textarea')!.value).toBe('Good');

  api.options.reviewStatus = undefined;
  api.options.fail = [[/POST \/v1\/reviews$/, 'network']];
  await click('Send review');
  expect(text('.error')).toBe('Your review could not be sent. Please check your connection and try again.');

  api.options.fail = [];
  type('Your review', 'x'.repeat(5001)); // past the cap (the field's maxLength stops typing; a paste script may not)
  await click('Send review');
  expect(text('.error')).toMatch(/^Your review could not be accepted\. Please check it and try again\. \(body: .*5000/);
  expect(api.reviews).toEqual([]);

  type('Your review', 'Good');
  await click('Send review');
  expect(text('.error')).toBe('');
  expect(text('.item .name')).toBe('Blue mug');
});

test('the buttons wait while a review is on its way: no double send', async () => {
  await comeBack();
  rate(4);
  const send = buttonIn(card(), 'Send review')!;
  act(() => {
    send.click();
    send.click();
  });
  expect(buttonIn(card(), 'Sending…')!.disabled).toBe(true);
  await settle();
  expect(posts('/v1/reviews')).toHaveLength(1);
});

test('"Not now" puts off every order shown, then the card is gone; the next check is a visit later', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  await comeBack({ requests: [order, secondOrder] });
  await click('Not now');
  expect(card()).toBeUndefined();
  await settle();
  expect(posts('/v1/reviews/dismissals')).toEqual([
    { site: 'pk_ui', token: 'tok-1', scope: 'request' },
    { site: 'pk_ui', token: 'tok-2', scope: 'request' },
  ]);
  await pageView();
  expect(api.routes().filter((route) => route.startsWith('GET'))).toHaveLength(1);
  vi.setSystemTime(Date.now() + visitMs + 1);
  await pageView();
  expect(api.routes().filter((route) => route.startsWith('GET'))).toHaveLength(2);
  expect(card()).toBeUndefined(); // the server has put them off
});

test('the close button and Escape are a "not now"; after a review, only the orders left are put off', async () => {
  await comeBack({ requests: [order, secondOrder] });
  rate(4);
  await click('Send review');
  await click('Skip this product');
  expect(text('.item .name')).toBe('Cap');
  act(() => void $('.card')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
  await settle();
  expect(card()).toBeUndefined();
  expect(posts('/v1/reviews/dismissals')).toEqual([{ site: 'pk_ui', token: 'tok-2', scope: 'request' }]);

  document.body.innerHTML = '';
  localStorage.clear();
  await comeBack({ requests: [secondOrder] });
  await click('Close');
  expect(card()).toBeUndefined();
  expect(posts('/v1/reviews/dismissals')).toEqual([{ site: 'pk_ui', token: 'tok-2', scope: 'request' }]);
});

test('"Don’t ask again" tells the server once for the person, and this browser stops checking', async () => {
  await comeBack({ requests: [order, secondOrder] });
  await click('Don’t ask again');
  expect(card()).toBeUndefined();
  expect(posts('/v1/reviews/dismissals')).toEqual([{ site: 'pk_ui', token: 'tok-1', scope: 'always' }]);
  expect(localStorage.getItem('shoploop:reviews')).toBeNull();
  expect(localStorage.getItem('shoploop:reviews-until')).toBeNull();
});

test('item names are text: an <img onerror> name renders as text; only http(s) images are shown', async () => {
  const alert = vi.fn();
  vi.stubGlobal('alert', alert);
  await comeBack({ requests: [{ token: 't', orderId: 'o', items: [{ itemId: 'X', name: '<img src=x onerror=alert(1)>', image: 'javascript:alert(1)' }] }] });
  expect(text('.item .name')).toBe('<img src=x onerror=alert(1)>');
  expect(card()!.querySelectorAll('img')).toHaveLength(0);
  await settle();
  expect(alert).not.toHaveBeenCalled();
});

test('no card: while collection is denied, for a browser that bought nothing, with no requests, or when the server fails', async () => {
  api = fakeReviewsApi({ requests: [order] });
  bought();
  await pageView(fakeTracker(false));
  localStorage.clear();
  await pageView();
  expect(api.calls).toEqual([]);
  expect(card()).toBeUndefined();

  api = fakeReviewsApi({ requests: [] });
  bought();
  await pageView();
  expect(api.calls).toHaveLength(1);
  expect(card()).toBeUndefined();

  localStorage.clear();
  api = fakeReviewsApi({ requests: [order], fail: [[/requests/, 500]] });
  bought();
  await pageView();
  expect(card()).toBeUndefined();

  localStorage.clear();
  vi.stubGlobal('fetch', async () => Response.json({ requests: [{ token: 7 }, { token: 't', items: [{ name: 'no id' }] }] }));
  bought();
  await pageView();
  expect(card()).toBeUndefined();
});

test('one card at a time: a page view while it is open does not ask again', async () => {
  await comeBack();
  localStorage.setItem('shoploop:reviews', '0'); // due again
  await pageView();
  expect(document.querySelectorAll('[data-shoploop-review-card]')).toHaveLength(1);
  expect(api.calls).toHaveLength(1);
});
