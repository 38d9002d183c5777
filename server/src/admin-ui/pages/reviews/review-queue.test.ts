import { expect, test } from 'vitest';
import { afterModeration, stars } from './review-queue.ts';
import type { AdminReview } from './types.ts';

const review = (id: string, status: AdminReview['status'], reply: AdminReview['reply'] = null): AdminReview => ({
  id,
  siteId: 'site_demo',
  itemId: 'sku-1',
  orderId: 'o-1',
  visitorId: 'v-1',
  rating: 4,
  title: null,
  body: 'fine',
  author: null,
  createdAt: '2026-11-30T10:00:00.000Z',
  helpful: 0,
  reply,
  status,
  heldReason: null,
  publishedAt: null,
  moderatedAt: null,
});

test('a published or rejected review leaves the pending queue; the others keep their order', () => {
  const list = [review('rev_a', 'pending'), review('rev_b', 'pending'), review('rev_c', 'pending')];
  expect(afterModeration(list, 'pending', review('rev_b', 'published')).map((r) => r.id)).toEqual(['rev_a', 'rev_c']);
  expect(afterModeration(list, 'pending', review('rev_a', 'rejected')).map((r) => r.id)).toEqual(['rev_b', 'rev_c']);
});

test('a reply keeps the review in its place with the reply shown', () => {
  const list = [review('rev_a', 'published'), review('rev_b', 'published')];
  const replied = review('rev_b', 'published', { body: 'Thanks!', createdAt: '2026-12-01T09:00:00.000Z' });
  const next = afterModeration(list, 'published', replied);
  expect(next.map((r) => r.id)).toEqual(['rev_a', 'rev_b']);
  expect(next[1]!.reply?.body).toBe('Thanks!');
});

test('stars: five slots, clamped', () => {
  expect(stars(4)).toBe('★★★★☆');
  expect(stars(1)).toBe('★☆☆☆☆');
  expect(stars(9)).toBe('★★★★★');
  expect(stars(0)).toBe('☆☆☆☆☆');
});
