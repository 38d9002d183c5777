import { describe, expect, test } from 'vitest';
import { endpointPolicy } from '../push/endpoints/endpoint-policy.ts';
import { PushSender } from '../push/send/push-sender.ts';
import { catalogContent } from './outbox/content-source.ts';
import { MessageDispatcher } from './outbox/dispatcher.ts';
import { HOUR, MINUTE, MUG, pushFixture } from './testing/push-fixture.ts';

/** A subscribed visitor with a cart left behind; the first reminder is due one minute after `ready()`. */
async function cartLeft(campaigns = {}) {
  const f = await pushFixture({ abandoned_cart: { firstDelayMinutes: 1, secondEnabled: false }, ...campaigns });
  const sub = await f.subscribe('v1');
  await f.send('v1', f.event('add_to_cart', { items: [MUG] }));
  await f.advance(31 * MINUTE);
  return { f, sub };
}

describe('delivery', () => {
  test('a 429 is retried after the push service\'s Retry-After, then delivered once', async () => {
    const { f, sub } = await cartLeft();
    f.service.failNext(1, { status: 429, retryAfter: '120' });
    await f.advance(MINUTE);
    let [m] = await f.messages();
    expect(m).toMatchObject({ status: 'deferred', attempts: 1, sentAt: null });
    expect(m!.reason).toMatch(/429/);
    expect(Date.parse(m!.dueAt!) - f.clock.now()).toBeGreaterThanOrEqual(120_000);
    await f.advance(60_000);
    expect(f.service.messagesFor(sub.endpoint)).toHaveLength(0);
    await f.advance(61_000);
    [m] = await f.messages();
    expect(m).toMatchObject({ status: 'sent', attempts: 2 });
    expect(f.service.messagesFor(sub.endpoint)).toHaveLength(1);
  });

  test('a 5xx backs off and gives up as failed after the last attempt', async () => {
    const { f, sub } = await cartLeft();
    f.service.failFor(sub.endpoint, { status: 500 });
    await f.advance(MINUTE);
    for (let i = 0; i < 10; i++) await f.advance(HOUR);
    const [m] = await f.messages();
    expect(m).toMatchObject({ status: 'failed', attempts: 6 });
    expect(m!.reason).toMatch(/500/);
    expect(f.service.messages).toHaveLength(0);
  });

  test('a 410 removes the subscription and fails the message', async () => {
    const { f, sub } = await cartLeft();
    f.service.failFor(sub.endpoint, { status: 410 });
    await f.advance(MINUTE);
    const [m] = await f.messages();
    expect(m).toMatchObject({ status: 'failed' });
    expect(m!.reason).toMatch(/gone \(410\)/);
    expect((await f.db.client.execute('SELECT count(*) AS n FROM push_subscriptions')).rows[0]!.n).toBe(0);
  });

  test('the dispatcher of a second instance never sends a message the first one claimed', async () => {
    const { f, sub } = await cartLeft();
    f.clock.advance(MINUTE);
    // a second instance: its own dispatcher and sender over the same database
    const sender = new PushSender({ endpoints: endpointPolicy(f.service.origin), agent: f.service.agent });
    const other = new MessageDispatcher(f.db, f.clock, sender, catalogContent(f.db, f.deps.recommendations));
    const [a, b] = await Promise.all([f.deps.dispatcher.runDue(), other.runDue()]);
    expect(a.sent + b.sent).toBe(1);
    expect(f.service.messagesFor(sub.endpoint)).toHaveLength(1);
  });
});
