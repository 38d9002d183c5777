import { expect } from 'vitest';
import { batch, event, postCollect, testApp } from '../../../test/helpers.ts';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

const item = { item_id: 'SKU-1', item_name: 'Mug', price: 5, currency: 'GBP', quantity: 1 };
export const view = () => event('view_item', { items: [item] });
export const pageView = () => event('page_view');
export const addToCart = () => event('add_to_cart', { items: [item] });
export const purchase = (id: string, value: number) => event('purchase', { transaction_id: id, value, currency: 'GBP', items: [item] });
export const identify = (customerId: string) => event('identify', { customer_id: customerId });

/**
 * A test app with helpers for hand-checked report data: events go in through the real collector (a new
 * session id per call unless given), the real scheduler evaluates, the real maintenance snapshots the day.
 */
export async function reportsApp() {
  const t = await testApp();
  let session = 0;
  const send = async (vid: string, events: ReturnType<typeof event>[], sid = `s${++session}`) => {
    const res = await postCollect(t.app, batch(events.map((e) => ({ ...e, sid })), { vid }));
    expect(res.status).toBe(200);
    return sid;
  };
  /** moves the clock and lets the scheduler catch up, as its timer would */
  const advance = async (ms: number) => {
    t.clock.advance(ms);
    await t.scheduler.runDue();
  };
  const report = async <T>(path: string) => {
    const res = await t.admin<T>(path);
    expect(res.status).toBe(200);
    return res.body;
  };
  /** a refund as the shop's signed webhooks write it (server-only: never through the browser's collector) */
  const refund = async (vid: string, orderId: string, value?: number) => {
    const params = value === undefined ? { transaction_id: orderId } : { transaction_id: orderId, value };
    await t.deps.writer.write(t.site.id, { site: t.site.publicKey, vid, v: 'test', events: [{ id: `refund-${++session}`, name: 'refund', ts: t.clock.now(), sid: 'srv', params }] });
  };
  return { ...t, send, advance, report, refund };
}
