import { describe, expect, test } from 'vitest';
import { ADMIN_TOKEN, SHOP_ORIGIN, SITE_KEY } from '../../../test/helpers.ts';
import { importFeed } from '../../catalog/trust/testing.ts';
import { HOUR, MINUTE, MUG, pushFixture } from '../../campaigns/testing/push-fixture.ts';
import { devicesStatement, timelineStatements, type PersonTimeline } from './person-timeline.ts';
import { searchStatements, type PersonMatch } from './search-people.ts';

const IMG = '<img src=x onerror=alert(1)>';
const CUSTOMER = '<b onmouseover=alert(1)>cust</b>';
const XSS = { item_id: 'xss-1', item_name: IMG, price: 5, currency: 'EUR', url: `${SHOP_ORIGIN}/p/xss-1`, image: 'https://cdn.shop.example/x.jpg', availability: 'in_stock' };
const DAY = 24 * HOUR;

/**
 * A shop where one customer used two devices: the phone subscribed to push, viewed and clicked a recommended
 * product, left a cart (the reminder went), identified, bought, and reviewed the mug; the laptop identified
 * later. A stranger's data must survive every erasure.
 */
async function shop() {
  const f = await pushFixture();
  await importFeed(f.db, f.site.id, [MUG, XSS], f.clock.now());
  await f.settings({ reviews: { requestAfterDays: 1 } });
  await f.subscribe('phone');
  await f.subscribe('stranger');
  await f.send('stranger', f.event('page_view'), f.event('add_to_cart', { items: [MUG] }));
  await f.send('phone', f.event('page_view'), f.event('view_item', { items: [XSS] }), f.event('rec_click', { rec_id: 'r1', scenario: 'similar', items: [{ item_id: 'xss-1' }] }));
  await f.send('phone', f.event('add_to_cart', { items: [MUG] }));
  await f.advance(31 * MINUTE); // the session ends with a cart: at_risk, two reminders planned
  await f.advance(61 * MINUTE); // the first reminder goes
  await f.send('phone', f.event('identify', { customer_id: CUSTOMER }), f.event('purchase', { transaction_id: 'o-1', value: 17.5, currency: 'EUR', items: [MUG, XSS] }));
  await f.advance(MINUTE);
  await f.advance(DAY); // the review request comes due
  const requests = (await (await f.app.request(`/v1/reviews/requests?site=${SITE_KEY}&visitor=phone`, { headers: { origin: SHOP_ORIGIN } })).json()) as { requests: Array<{ token: string }> };
  const review = await f.app.request('/v1/reviews', {
    method: 'POST',
    headers: { origin: SHOP_ORIGIN, 'content-type': 'text/plain' },
    body: JSON.stringify({ site: SITE_KEY, token: requests.requests[0]!.token, item_id: 'mug-1', rating: 4, title: 'Nice', body: IMG }),
  });
  expect(review.status).toBe(201);
  await f.advance(MINUTE);
  await f.send('laptop', f.event('identify', { customer_id: CUSTOMER }), f.event('page_view'));
  await f.advance(MINUTE);

  const call = async <T = Record<string, any>>(method: string, path: string) => {
    const res = await f.app.request(path, { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    return { status: res.status, body: (await res.json()) as T, type: res.headers.get('content-type') };
  };
  return { ...f, call };
}

/** Rows naming these devices or profiles in every table that has a visitor, profile, reporter or customer column. */
async function rowsOf(db: Awaited<ReturnType<typeof shop>>['db'], devices: string[], profiles: string[], customer?: string) {
  const tables = await db.client.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`);
  const out: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const columns = (await db.client.execute(`PRAGMA table_info(${String(name)})`)).rows.map((r) => String(r.name));
    const where: string[] = [];
    const args: string[] = [];
    for (const column of ['visitor_id', 'reporter']) if (columns.includes(column)) where.push(`${column} IN (${devices.map(() => '?').join(',')})`) && args.push(...devices);
    if (columns.includes('profile_id')) where.push(`profile_id IN (${profiles.map(() => '?').join(',')})`) && args.push(...profiles);
    if (customer && columns.includes('customer_id')) where.push('customer_id = ?') && args.push(customer);
    if (where.length === 0) continue;
    out[String(name)] = Number((await db.client.execute({ sql: `SELECT count(*) AS n FROM ${String(name)} WHERE ${where.join(' OR ')}`, args })).rows[0]!.n);
  }
  return out;
}

const profile = `c:${CUSTOMER}`;
const path = (id: string) => `/admin/api/people/${encodeURIComponent(id)}`;

describe('GET /admin/api/people/:profileId', () => {
  test("a customer's timeline spans both devices, newest first, with markup as plain strings", async () => {
    const f = await shop();
    const { status, body, type } = await f.call<PersonTimeline>('GET', path(profile));
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    expect(body.person).toMatchObject({ profileId: profile, customerId: CUSTOMER, visitorIds: ['laptop', 'phone'], orders: 1, revenue: 17.5, clv: null, alive: null });
    expect(body.person.stage).toBe((await f.db.client.execute({ sql: 'SELECT stage FROM profiles WHERE profile_id = ?', args: [profile] })).rows[0]!.stage);
    expect(body.events.map((e) => [e.visitorId, e.name])).toEqual([
      ['laptop', 'page_view'],
      ['laptop', 'identify'],
      ['phone', 'review_submitted'],
      ['phone', 'purchase'],
      ['phone', 'identify'],
      ['phone', 'add_to_cart'],
      ['phone', 'rec_click'],
      ['phone', 'view_item'],
      ['phone', 'page_view'],
    ]);
    const purchase = body.events.find((e) => e.name === 'purchase')!;
    expect(purchase.value).toBe(17.5);
    expect(purchase.items.map((i) => i.name)).toEqual(['Blue enamel mug', IMG]); // the page's names, as given
    expect(body.recClicks).toEqual([{ at: body.events[6]!.at, itemId: 'xss-1', scenario: 'similar' }]);
    expect(body.reviews).toEqual([{ at: expect.any(String), itemId: 'mug-1', rating: 4, status: 'pending', title: 'Nice', text: IMG }]);
    // the reminders: the first sent, the second cancelled by the purchase; then the review request
    expect(body.messages.map((m) => [m.campaign, m.status, m.reason])).toEqual(
      (await f.db.client.execute({ sql: `SELECT campaign, status, reason FROM messages WHERE profile_id IN (?, 'v:phone', 'v:laptop') ORDER BY created_at DESC, id DESC`, args: [profile] })).rows.map((r) => [r.campaign, r.status, r.reason]),
    );
    expect(body.messages.slice(1).map((m) => [m.campaign, m.status, m.reason]).sort()).toEqual([
      ['abandoned_cart', 'cancelled', 'bought'],
      ['abandoned_cart', 'sent', null],
    ]);
    // stage changes: phone's own before it was identified, then the customer's; each with its rule and reason
    const stored = await f.db.client.execute({ sql: `SELECT to_stage, rule FROM stage_transitions WHERE profile_id IN (?, 'v:phone', 'v:laptop') ORDER BY at DESC, id DESC`, args: [profile] });
    expect(body.transitions.map((t) => [t.to, t.rule])).toEqual(stored.rows.map((r) => [r.to_stage, r.rule]));
    // by hand: the cart left (at_risk), the buying session (here_and_now), a quiet day (potential), the review visit
    expect(body.transitions.map((t) => [t.from, t.to, t.rule])).toEqual([
      ['potential', 'here_and_now', 'live_interest'],
      ['here_and_now', 'potential', 'everyone_else'],
      ['at_risk', 'here_and_now', 'live_interest'],
      [null, 'at_risk', 'unfinished_cart'],
    ]);
    expect(body.messages[0]).toMatchObject({ campaign: 'review_request', status: 'sent', reason: null, holdout: false, title: 'How do you like your Blue enamel mug?' });
    expect(body.transitions.every((t) => t.reason.length > 0)).toBe(true);
    const times = body.events.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  test('a visitor of a customer is that customer; unknown people 404, malformed ids 400', async () => {
    const f = await shop();
    expect((await f.call<PersonTimeline>('GET', path('v:phone'))).body.person.profileId).toBe(profile);
    const stranger = await f.call<PersonTimeline>('GET', path('v:stranger'));
    expect(stranger.body.person).toMatchObject({ profileId: 'v:stranger', customerId: null, visitorIds: ['stranger'], orders: 0 });
    expect(stranger.body.events.map((e) => e.name)).toEqual(['add_to_cart', 'page_view']);
    expect((await f.call('GET', path('v:nobody'))).status).toBe(404);
    expect((await f.call('GET', path('c:nobody'))).status).toBe(404);
    for (const bad of ['x:1', 'phone', 'v:', 'v:bad id', `v:${'a'.repeat(65)}`, `c:${'a'.repeat(129)}`, 'c:a\u0001b']) {
      expect((await f.call('GET', path(bad))).status, bad).toBe(400);
    }
    expect((await f.call('GET', `${path('v:stranger')}?site=nope`)).status).toBe(404);
    expect((await f.call('GET', `${path('v:stranger')}?sort=x`)).status).toBe(400);
  });
});

describe('GET /admin/api/people?q=', () => {
  test('finds by visitor id, customer id or a prefix of either; a device finds its customer once', async () => {
    const f = await shop();
    const search = async (q: string) => (await f.call<{ people: PersonMatch[] }>('GET', `/admin/api/people?q=${encodeURIComponent(q)}`)).body.people;
    const customer = { profileId: profile, customerId: CUSTOMER, visitorIds: ['laptop', 'phone'], stage: expect.any(String), lastSeenAt: new Date(f.clock.now() - MINUTE).toISOString() };
    expect(await search('pho')).toEqual([customer]);
    expect(await search('<b on')).toEqual([customer]);
    expect(await search(CUSTOMER)).toEqual([customer]);
    expect(await search(profile)).toEqual([customer]);
    expect(await search('v:pho')).toEqual([customer]);
    expect(await search('stranger')).toEqual([{ profileId: 'v:stranger', customerId: null, visitorIds: ['stranger'], stage: expect.any(String), lastSeenAt: expect.any(String) }]);
    expect((await search('l')).map((p) => p.profileId)).toEqual([profile]); // laptop
    expect(await search('zzz')).toEqual([]);
    expect((await f.call('GET', '/admin/api/people')).status).toBe(400);
    expect((await f.call('GET', `/admin/api/people?q=${'a'.repeat(129)}`)).status).toBe(400);
  });

  test('at most 50 people, exact match first', async () => {
    const f = await pushFixture();
    for (let i = 0; i < 60; i++) await f.send(`p${String(i).padStart(2, '0')}`, f.event('page_view'));
    await f.send('p', f.event('page_view'));
    const { body } = await (async () => {
      const res = await f.app.request('/admin/api/people?q=p', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      return { body: (await res.json()) as { people: PersonMatch[] } };
    })();
    expect(body.people).toHaveLength(50);
    expect(body.people[0]!.profileId).toBe('v:p');
    expect(body.people[1]!.profileId).toBe('v:p00');
  });
});

describe('DELETE /admin/api/people/:profileId', () => {
  test('a customer: nothing of either device is left in any table; the stranger keeps everything', async () => {
    const f = await shop();
    const devices = ['phone', 'laptop'];
    const profiles = [profile, 'v:phone', 'v:laptop'];
    const before = await rowsOf(f.db, devices, profiles, CUSTOMER);
    expect(before).toMatchObject({ events: 9, visitors: 2, push_subscriptions: 1, reviews: 1, review_requests: 1 });
    const strangerBefore = await rowsOf(f.db, ['stranger'], ['v:stranger']);
    expect((await f.call('DELETE', path('v:phone'))).status).toBe(409); // a device goes with its customer
    const res = await f.call<{ erased: Record<string, number> }>('DELETE', path(profile));
    expect(res.status).toBe(200);
    expect(res.body.erased).toMatchObject({ visitors: 2, events: before.events, subscriptions: 1, reviews: 1, reviewRequests: 1, messages: before.messages });
    expect(Object.values(await rowsOf(f.db, devices, profiles, CUSTOMER)).every((n) => n === 0)).toBe(true);
    expect(await rowsOf(f.db, ['stranger'], ['v:stranger'])).toEqual(strangerBefore);
    const audit = await f.db.client.execute('SELECT * FROM erasures');
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0])).not.toContain('cust');
    expect((await f.call('GET', path(profile))).status).toBe(404);
    expect((await f.call('DELETE', path(profile))).status).toBe(404);
  });

  test('a lone visitor: events, profile, history, messages, subscription and catalog reports go; nobody else’s', async () => {
    const f = await shop();
    // the stranger's page reports another price for the mug: kept per visitor until enough visitors agree
    await f.send('stranger', f.event('view_item', { items: [{ ...MUG, price: 99 }] }));
    await f.advance(2 * HOUR); // the stranger's cart reminder goes
    const before = await rowsOf(f.db, ['stranger'], ['v:stranger']);
    expect(before).toMatchObject({ events: 3, visitors: 1, push_subscriptions: 1, catalog_reports: 1, profiles: 1 });
    expect(before.messages).toBeGreaterThan(0);
    const customerBefore = await rowsOf(f.db, ['phone', 'laptop'], [profile, 'v:phone', 'v:laptop'], CUSTOMER);
    const res = await f.call<{ erased: Record<string, number> }>('DELETE', path('v:stranger'));
    expect(res.status).toBe(200);
    expect(res.body.erased).toEqual({
      visitors: 1,
      events: 3,
      profiles: 1,
      transitions: before.stage_transitions,
      messages: before.messages,
      subscriptions: 1,
      reviews: 0,
      reviewRequests: 0,
      catalogReports: 1,
      reportRows: before.report_people! + (before.report_orders ?? 0) + (before.report_buyers ?? 0),
    });
    expect(Object.values(await rowsOf(f.db, ['stranger'], ['v:stranger'])).every((n) => n === 0)).toBe(true);
    expect(await rowsOf(f.db, ['phone', 'laptop'], [profile, 'v:phone', 'v:laptop'], CUSTOMER)).toEqual(customerBefore);
  });
});

describe('query plans', () => {
  test("every read of a search and a timeline is a range of an index: the cost is the person's, not the shop's", async () => {
    const f = await pushFixture();
    const reads = [...searchStatements(f.site.id, 'ph'), devicesStatement(f.site.id, profile), devicesStatement(f.site.id, 'v:phone'), ...timelineStatements(f.site.id, profile, ['phone', 'laptop'])];
    for (const statement of reads) {
      const plan = await f.db.client.execute({ sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.args ?? [] });
      const steps = plan.rows.map((r) => String(r.detail));
      // a full scan of a table reads "SCAN <table>" with no index; a range reads "SEARCH <table> USING … INDEX"
      expect(steps.filter((d) => /^SCAN (events|visitors|messages|stage_transitions|reviews)\b(?!.*INDEX)/.test(d)), `${statement.sql}\n${steps.join('\n')}`).toEqual([]);
      expect(steps.some((d) => /^SEARCH \w+ USING (COVERING )?INDEX|^SEARCH \w+ USING PRIMARY KEY/.test(d)), steps.join('\n')).toBe(true);
    }
    const plans = await Promise.all(reads.map(async (s) => (await f.db.client.execute({ sql: `EXPLAIN QUERY PLAN ${s.sql}`, args: s.args ?? [] })).rows.map((r) => String(r.detail)).join(' | ')));
    expect(plans.find((p) => p.includes('events'))).toMatch(/events_site_visitor_idx/);
    expect(plans.find((p) => p.includes('stage_transitions'))).toMatch(/stage_transitions_profile_idx/);
    expect(plans.find((p) => p.includes('messages'))).toMatch(/messages_person_idx/);
    expect(plans.find((p) => p.includes('reviews'))).toMatch(/reviews_visitor_idx/);
    expect(plans[1]).toMatch(/visitors_site_customer_idx/);
    expect(plans[2]).toMatch(/visitors_site_customer_idx \(site_id=\? AND customer_id=\?\)/);
  });
});
