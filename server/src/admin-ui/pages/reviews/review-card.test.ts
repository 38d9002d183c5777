// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, expect, test } from 'vitest';
import type { Api } from '../../api/client.ts';
import { makeFormat } from '../../format/format.ts';
import { ReviewCard } from './review-card.tsx';
import type { AdminReview } from './types.ts';

const hostile = '<img src=x onerror=alert(1)>';
const review: AdminReview = {
  id: 'rev_abc1',
  siteId: 'site_demo',
  itemId: 'sku-1',
  orderId: 'o-1',
  visitorId: 'v-1',
  rating: 2,
  title: hostile,
  body: `Broke. ${hostile}`,
  author: '<script>alert(1)</script>',
  createdAt: '2026-11-30T10:00:00.000Z',
  helpful: 0,
  reply: { body: `<b>sorry</b>`, createdAt: '2026-12-01T10:00:00.000Z' },
  status: 'pending',
  heldReason: 'auto-publish is off',
  publishedAt: null,
  moderatedAt: null,
};

afterEach(() => render(null, document.body));

/** the one call the card makes: POST /admin/api/reviews/:id/<action>, answered as the server would */
function recordingApi(calls: string[]): Api {
  return { post: async (path: string) => (calls.push(path), { review: { ...review, status: 'published' } }) } as unknown as Api;
}

test('what the buyer wrote is text, never markup; the e2e hooks are there', () => {
  render(h(ReviewCard, { api: recordingApi([]), review, productName: hostile, f: makeFormat('EUR', 'en'), onChanged: () => {} }), document.body);
  const card = document.querySelector('[data-review-id=rev_abc1]')!;
  expect(card.querySelector('img, script, b')).toBeNull();
  expect(card.querySelector('.review-title')!.textContent).toBe(hostile);
  expect(card.querySelector('.review-product')!.textContent).toBe(hostile);
  expect(card.textContent).toContain('<script>alert(1)</script>');
  expect(card.querySelector('.review-reply p')!.textContent).toBe('<b>sorry</b>');
  expect(card.querySelector('[data-action=publish]')).not.toBeNull();
});

test('publish posts to the review and hands back the published review', async () => {
  const calls: string[] = [];
  const changed: AdminReview[] = [];
  render(h(ReviewCard, { api: recordingApi(calls), review, productName: null, f: makeFormat('EUR', 'en'), onChanged: (r: AdminReview) => changed.push(r) }), document.body);
  (document.querySelector('[data-action=publish]') as HTMLButtonElement).click();
  await new Promise((r) => setTimeout(r, 0));
  expect(calls).toEqual(['/reviews/rev_abc1/publish']);
  expect(changed.map((r) => r.status)).toEqual(['published']);
});
