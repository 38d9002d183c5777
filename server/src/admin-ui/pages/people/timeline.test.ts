import { expect, test } from 'vitest';
import type { PersonTimeline } from '../../api/types.ts';
import { makeFormat } from '../../format/format.ts';
import { timelineOf } from './timeline.ts';

const detail: PersonTimeline = {
  person: { profileId: 'c:1', customerId: '1', visitorIds: ['v1'], stage: 'loyal', stageSince: null, rule: null, reason: null, firstSeenAt: null, lastEventAt: null, orders: 2, revenue: 50, clv: null, alive: null },
  events: [{ at: '2026-11-03T10:00:00.000Z', name: 'purchase', url: 'https://shop.example/thanks', items: [{ itemId: 'a', name: '<img src=x>', price: 5, quantity: 2 }], value: 10, visitorId: 'v1' }],
  transitions: [{ at: '2026-11-03T10:00:01.000Z', from: null, to: 'potential', rule: 'first_seen', reason: 'new visitor' }],
  messages: [{ at: '2026-11-01T00:00:00.000Z', campaign: 'win_back', status: 'dropped', reason: 'contact policy', holdout: true, title: null }],
  reviews: [{ at: '2026-11-05T00:00:00.000Z', itemId: 'a', rating: 4, status: 'pending', title: null, text: 'good' }],
  recClicks: [{ at: '2026-11-02T00:00:00.000Z', itemId: 'b', scenario: null }],
};

test('every list becomes one timeline, newest first, with its reasons', () => {
  const t = timelineOf(detail, makeFormat('EUR', 'en-GB'));
  expect(t.map((e) => e.kind)).toEqual(['review', 'stage', 'event', 'click', 'message']);
  expect(t[0]).toMatchObject({ what: '★★★★ a (pending)', detail: 'good' });
  expect(t[1]).toMatchObject({ what: 'New → Potential', detail: 'first_seen · new visitor' });
  expect(t[2]).toMatchObject({ what: 'purchase', detail: '<img src=x> ×2 · €10.00 · https://shop.example/thanks' });
  expect(t[4]).toMatchObject({ what: 'win_back: dropped (holdout)', detail: 'contact policy' });
});
