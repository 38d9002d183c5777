import { expect, test } from 'vitest';
import { HOUR, MINUTE, MUG, pushFixture } from './testing/push-fixture.ts';

const DAY = 24 * HOUR;

test('a product bought again every 10 days by other buyers is due for the subscriber 8 days after their purchase: one reminder per purchase', async () => {
  const f = await pushFixture();
  const buy = (vid: string, order: string) => f.send(vid, f.event('purchase', { transaction_id: order, value: MUG.price, items: [{ item_id: MUG.item_id, quantity: 1 }] }));
  // three buyers re-buy the mug after 10 days: the recommender learns a 10-day interval
  for (const vid of ['r1', 'r2', 'r3']) await buy(vid, `${vid}-a`);
  f.clock.advance(10 * DAY);
  for (const vid of ['r1', 'r2', 'r3']) await buy(vid, `${vid}-b`);

  const sub = await f.subscribe('me');
  await buy('me', 'me-1');
  await f.advance(MINUTE);
  await f.advance(7 * DAY); // 0.7 of the interval: not yet
  expect(await f.messages('&campaign=replenish')).toEqual([]);
  await f.advance(1 * DAY + 16 * MINUTE); // past 0.8 of it, and past the planner's next 15-minute run
  const [m] = await f.messages('&campaign=replenish');
  expect(m).toMatchObject({ status: 'sent', itemId: MUG.item_id, urgency: 'low' });
  // the buyer was also asked for a review of that purchase (reviews/): the replenish push is found by its id
  expect(JSON.parse(f.service.messagesFor(sub.endpoint).find((p) => JSON.parse(p.text).id === m!.id)!.text)).toMatchObject({ title: 'Time to restock Blue enamel mug?', body: 'Order it again at Test shop: €12.50.' });
  await f.advance(2 * DAY);
  expect(await f.messages('&campaign=replenish')).toHaveLength(1);
});
