import { describe, expect, test } from 'vitest';
import { importFeed } from '../catalog/trust/testing.ts';
import { trustedProduct } from '../catalog/trust/index.ts';
import { endpointPolicy } from '../push/endpoints/endpoint-policy.ts';
import { PushSender } from '../push/send/push-sender.ts';
import { catalogContent } from './outbox/content-source.ts';
import { MessageDispatcher } from './outbox/dispatcher.ts';
import { HOUR, MINUTE, MUG, pushFixture } from './testing/push-fixture.ts';

describe('the outbox never acts on a message it no longer holds', () => {
  test('a reminder cancelled by a purchase while a round is deciding stays cancelled and is not sent', async () => {
    const f = await pushFixture({ abandoned_cart: { firstDelayMinutes: 1, secondEnabled: false } });
    await f.subscribe('v1');
    await f.send('v1', f.event('add_to_cart', { items: [MUG] }));
    await f.advance(31 * MINUTE);
    f.clock.advance(MINUTE);
    // the round reads the product to render the reminder; at that moment the buyer's purchase cancels it
    const content = catalogContent(f.db, f.deps.recommendations);
    const racing = new MessageDispatcher(f.db, f.clock, new PushSender({ endpoints: endpointPolicy(f.service.origin), agent: f.service.agent }), {
      ...content,
      product: async (site, itemId) => {
        await f.db.write.run([{ sql: "UPDATE messages SET status = 'cancelled', reason = 'bought', due_at = NULL", args: [] }]);
        return trustedProduct(f.db, site, itemId);
      },
    });
    await racing.runDue();
    expect((await f.messages()).map((m) => [m.status, m.reason])).toEqual([['cancelled', 'bought']]);
    expect(f.service.messages).toHaveLength(0);
  });

  test('switching a campaign off cancels what it had planned', async () => {
    const f = await pushFixture();
    await f.subscribe('v1');
    await f.send('v1', f.event('add_to_cart', { items: [MUG] }));
    await f.advance(31 * MINUTE);
    await f.settings({ campaigns: { abandoned_cart: { enabled: false } } });
    await f.advance(2 * HOUR);
    await f.advance(25 * HOUR);
    expect((await f.messages()).map((m) => [m.status, m.reason])).toEqual([
      ['cancelled', 'the campaign was switched off'],
      ['cancelled', 'the campaign was switched off'],
    ]);
    expect(f.service.messages).toHaveLength(0);
  });

  test('a price drop deferred past the end of the sale, and a restock sold out again, are not sent', async () => {
    const f = await pushFixture({ price_drop: { delayMinutes: 60 }, back_in_stock: { delayMinutes: 60 } });
    await f.subscribe('v1');
    await f.send('v1', f.event('view_item', { items: [{ item_id: MUG.item_id }] }));
    await f.advance(MINUTE);
    await importFeed(f.db, f.site.id, [{ ...MUG, price: 9 }], f.clock.now());
    await f.advance(2 * MINUTE);
    await importFeed(f.db, f.site.id, [{ ...MUG, price: 12.5 }], f.clock.now()); // back up before it went out
    await f.advance(HOUR);
    expect((await f.messages('&campaign=price_drop'))[0]).toMatchObject({ status: 'cancelled', reason: 'the price drop is over: the price is no longer below the old one' });
    expect(f.service.messages).toHaveLength(0);
  });

  test('a message too large for one push record goes without its image; the round carries on', async () => {
    const f = await pushFixture({ abandoned_cart: { firstDelayMinutes: 1, secondEnabled: false } });
    await importFeed(f.db, f.site.id, [{ ...MUG, image: `https://cdn.shop.example/${'i'.repeat(1900)}.jpg` }], f.clock.now());
    const sub = await f.subscribe('v1');
    await f.send('v1', f.event('add_to_cart', { items: [MUG] }));
    await f.advance(31 * MINUTE);
    await f.advance(MINUTE);
    const [pushed] = f.service.messagesFor(sub.endpoint);
    expect(JSON.parse(pushed!.text)).not.toHaveProperty('image');
    expect((await f.messages())[0]).toMatchObject({ status: 'sent' });
  });

  test('a confirm write that fails after the push went out fails the round, never the process; the next write takes it', async () => {
    const f = await pushFixture({ abandoned_cart: { firstDelayMinutes: 1, secondEnabled: false } });
    const people = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'];
    for (const vid of people) {
      await f.subscribe(vid);
      await f.send(vid, f.event('add_to_cart', { items: [MUG] }));
    }
    await f.advance(31 * MINUTE);
    f.clock.advance(MINUTE);
    // the database refuses every write once the push service has a message: the first outcome write fails while
    // other sends of the round are still in flight
    const run = f.db.write.run.bind(f.db.write);
    f.db.write.run = async (statements) => {
      if (f.service.messages.length > 0) throw new Error('database is locked');
      return run(statements);
    };
    const dispatcher = new MessageDispatcher(f.db, f.clock, new PushSender({ endpoints: endpointPolicy(f.service.origin), agent: f.service.agent }), catalogContent(f.db, f.deps.recommendations));
    try {
      await expect(dispatcher.runDue()).rejects.toThrow('database is locked'); // an unhandled rejection would fail this test
    } finally {
      f.db.write.run = run;
    }
    expect(f.service.messages).toHaveLength(people.length);
  });
});
