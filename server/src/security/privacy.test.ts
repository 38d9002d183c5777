import { randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { ADMIN_TOKEN, batch, event, postCollect, SHOP_ORIGIN, SITE_KEY } from '../../test/helpers.ts';
import { addUser } from '../admin/accounts/users.ts';
import { setPushSubject } from '../push/keys/site-push-keys.ts';
import type { Db } from '../db/client.ts';
import { DAY, MUG, reviewFixture } from '../reviews/testing/review-fixture.ts';
import { browserKeys } from './browser-subscription.ts';

/**
 * The privacy promises of docs/security.md, checked against every table rather than the ones a feature is
 * expected to touch: no raw client address is stored anywhere, and erasing a customer leaves none of their ids
 * (visitor ids, customer id, push endpoint, review text) in any row.
 */

/** Every row of every table, as text: what a leak would have to hide in. */
async function everything(db: Db): Promise<string> {
  const tables = await db.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  const out: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await db.client.execute(`SELECT * FROM "${String(name)}"`);
    out.push(`${String(name)}: ${JSON.stringify(rows.rows)}`);
  }
  return out.join('\n');
}

const b64 = (b: Buffer) => b.toString('base64url');
const ADDRESS = '203.0.113.77';
const ADDRESS_V6 = '2001:db8:77::77';

test('no raw client address is stored by any public route, nor by a failed admin login', async () => {
  const f = await reviewFixture({ requestAfterDays: 1 });
  // behind one trusted proxy, so the address each route keys its limits on is the one below
  f.deps.config.trustProxy = 1;
  await setPushSubject(f.db, f.site.id, 'mailto:owner@shop.example');
  await addUser(f.db, 'owner@shop.example', 'a long enough password', f.clock.now());
  for (const forwardedFor of [ADDRESS, ADDRESS_V6]) {
    const from = { 'x-forwarded-for': forwardedFor, 'x-real-ip': forwardedFor };
    const vid = forwardedFor === ADDRESS ? 'v1' : 'v2';
    expect((await postCollect(f.app, batch([event('purchase', { transaction_id: `o-${vid}`, value: 10, currency: 'EUR', items: [MUG] })], { vid }), from)).status).toBe(200);
    await f.scheduler.runDue();
    await f.advance(DAY);
    const page = { origin: SHOP_ORIGIN, 'content-type': 'text/plain', ...from };
    const subscription = { endpoint: `https://fcm.googleapis.com/fcm/send/${b64(randomBytes(16))}`, keys: browserKeys() };
    expect((await f.app.request('/v1/push/subscriptions', { method: 'POST', headers: page, body: JSON.stringify({ site: SITE_KEY, vid, subscription }) })).status).toBe(201);
    const [request] = await f.requests(vid);
    expect((await f.app.request('/v1/reviews', { method: 'POST', headers: page, body: JSON.stringify({ site: SITE_KEY, token: request!.token, item_id: MUG.item_id, rating: 5 }) })).status).toBe(201);
    expect((await f.app.request(`/v1/recommendations?site=${SITE_KEY}&visitor=${vid}`, { headers: { origin: SHOP_ORIGIN, ...from } })).status).toBe(200);
    expect((await f.app.request('/admin/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...from }, body: JSON.stringify({ email: 'owner@shop.example', password: 'wrong password!' }) })).status).toBe(401);
  }
  const dump = await everything(f.db);
  expect(dump).toContain('v1'); // the dump does hold what was stored
  expect(dump).not.toContain(ADDRESS);
  expect(dump).not.toContain('203.0.113');
  expect(dump.toLowerCase()).not.toContain(ADDRESS_V6);
  expect(dump.toLowerCase()).not.toContain('2001:db8:77');
});

test('erasing a customer leaves none of their ids, their subscription or their review text in any table', async () => {
  const f = await reviewFixture({ requestAfterDays: 1 });
  await setPushSubject(f.db, f.site.id, 'mailto:owner@shop.example');
  const CUSTOMER = 'cust-erase-4711';
  const TEXT = 'Unmistakable review text 9f3a';
  const endpoint = `https://fcm.googleapis.com/fcm/send/erase-${b64(randomBytes(16))}`;
  for (const vid of ['phone-erase-1', 'laptop-erase-2']) await f.send(vid, event('identify', { customer_id: CUSTOMER }));
  await f.buy('phone-erase-1', 'order-erase-1');
  await f.advance(DAY);
  const subscribe = await f.page('POST', '/v1/push/subscriptions', { site: SITE_KEY, vid: 'laptop-erase-2', subscription: { endpoint, keys: browserKeys() } });
  expect(subscribe.status).toBe(201);
  const [request] = await f.requests('phone-erase-1');
  expect((await f.review({ token: request!.token, item_id: MUG.item_id, rating: 4, body: TEXT, author: 'Erin Erasable' })).status).toBe(201);
  await f.send('bystander', event('page_view'));
  const before = await everything(f.db);
  for (const trace of [CUSTOMER, 'phone-erase-1', 'laptop-erase-2', endpoint, TEXT, 'Erin Erasable', 'order-erase-1']) expect(before, trace).toContain(trace);

  const erased = await f.app.request(`/admin/api/customers/${CUSTOMER}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(erased.status).toBe(200);
  const after = await everything(f.db);
  for (const trace of [CUSTOMER, 'phone-erase-1', 'laptop-erase-2', endpoint, TEXT, 'Erin Erasable', 'order-erase-1']) expect(after, trace).not.toContain(trace);
  expect(after).toContain('bystander'); // another visitor is untouched
});
