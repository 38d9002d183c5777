import { afterEach, describe, expect, test } from 'vitest';
import { createApp } from '../app.ts';
import { ManualClock } from '../clock.ts';
import { sha256 } from '../sites/keys.ts';
import { createSite } from '../sites/sites.ts';
import { ADMIN_TOKEN, batch, event, freshDb, postCollect, SHOP_ORIGIN, SITE_KEY } from '../../test/helpers.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.UTC(2026, 10, 23, 12);
const item = { item_id: 'SKU-1', item_name: 'Mug', price: 5, currency: 'GBP', quantity: 1 };

// response bodies, read loosely: each test states the exact shape it expects
type Json = Record<string, any>;

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** The app as createApp builds it (these routes included). */
async function setup() {
  const db = await freshDb();
  const clock = new ManualClock(T0);
  const site = await createSite(db, { name: 'Test shop', origins: [SHOP_ORIGIN], id: 'site_test', publicKey: SITE_KEY }, clock.now());
  const shoploop = createApp({ db, clock, adminTokenHash: sha256(ADMIN_TOKEN) });
  closers.push(() => shoploop.close());
  const { app } = shoploop;
  const scheduler = shoploop.deps.scheduler;

  const call = async (method: string, path: string, body?: unknown, token: string | null = ADMIN_TOKEN) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const res = await app.request(path, { method, headers, ...(body === undefined || method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const send = async (vid: string, ...events: ReturnType<typeof event>[]) => {
    expect((await postCollect(app, batch(events, { vid }))).status).toBe(200);
  };
  const after = async (ms: number) => {
    clock.advance(ms);
    await scheduler.runDue();
  };
  const stageOf = async (profileId: string) =>
    (await db.client.execute({ sql: 'SELECT stage FROM profiles WHERE profile_id = ?', args: [profileId] })).rows[0]?.stage;
  return { db, clock, site, app, scheduler, maintenance: shoploop.deps.maintenance, call, send, after, stageOf };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** v1 looks at a product, v2 leaves a cart, v3 only browses; at T0 + 31 min: v1 potential, v2 at_risk, v3 potential. */
async function threeVisitors(t: Setup) {
  await t.send('v1', event('view_item', { items: [item] }));
  await t.send('v2', event('view_item', { items: [item] }), event('add_to_cart', { items: [item] }));
  await t.send('v3', event('page_view'));
  await t.after(0);
  await t.after(31 * MIN);
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('GET /admin/api/funnel', () => {
  test('counts people per stage now and the stage changes in the period, first classifications as from: null', async () => {
    const t = await setup();
    await threeVisitors(t);
    t.clock.advance(MIN); // `to` (now) is exclusive: a change at this very ms would not count
    const { status, body } = await t.call('GET', '/admin/api/funnel');
    expect(status).toBe(200);
    expect(body).toMatchObject({ site: 'site_test', from: iso(T0 + 32 * MIN - 30 * DAY), to: iso(T0 + 32 * MIN) });
    expect(body.stages).toEqual({ potential: 2, here_and_now: 0, at_risk: 1, dormant: 0, loyal: 0 });
    expect(body.transitions).toEqual([
      { from: null, to: 'here_and_now', count: 2 },
      { from: null, to: 'potential', count: 1 },
      { from: 'here_and_now', to: 'at_risk', count: 1 },
      { from: 'here_and_now', to: 'potential', count: 1 },
    ]);
  });

  test('the period is half-open: [from, to)', async () => {
    const t = await setup();
    await threeVisitors(t);
    // the session ends at T0 + 30 min, evaluated at T0 + 31 min: those two changes are at T0 + 31 min
    const before = await t.call('GET', `/admin/api/funnel?from=${iso(T0 + MIN)}&to=${iso(T0 + 31 * MIN)}`);
    expect(before.body.transitions).toEqual([]);
    const during = await t.call('GET', `/admin/api/funnel?from=${iso(T0 + 31 * MIN)}&to=${iso(T0 + 32 * MIN)}`);
    expect(during.body.transitions).toEqual([
      { from: 'here_and_now', to: 'at_risk', count: 1 },
      { from: 'here_and_now', to: 'potential', count: 1 },
    ]);
    // a date is midnight UTC: the whole of 23 November
    const day = await t.call('GET', '/admin/api/funnel?from=2026-11-23&to=2026-11-24');
    expect(day.body).toMatchObject({ from: '2026-11-23T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z' });
    expect(day.body.transitions.reduce((n: number, x: Json) => n + x.count, 0)).toBe(5);
    const dayBefore = await t.call('GET', '/admin/api/funnel?from=2026-11-22&to=2026-11-23');
    expect(dayBefore.body.transitions).toEqual([]);
    expect(dayBefore.body.stages.at_risk).toBe(1); // stages are always now
  });

  test.each([
    ['from=2026-13-01', /from/],
    ['to=yesterday', /to/],
    ['from=2026-11-23T10:00:00', /from/], // no offset: the server's zone would decide
    ['from=2026-11-24&to=2026-11-23', /from must be before to/],
    ['from=2026-11-23&to=2026-11-23', /from must be before to/],
  ])('a bad period is a 400 naming the field: %s', async (query, message) => {
    const t = await setup();
    for (const path of ['/admin/api/funnel', '/admin/api/stages/daily']) {
      const { status, body } = await t.call('GET', `${path}?${query}`);
      expect(status).toBe(400);
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toMatch(message);
    }
  });
});

describe('GET /admin/api/stages/daily', () => {
  test('reads back the stored days of the period, missing stages as 0, days without a row left out', async () => {
    const t = await setup();
    const other = await createSite(t.db, { name: 'Other', origins: ['https://other.example'], id: 'site_other', publicKey: 'pk_other' }, T0);
    const rows: Array<[string, string, string, number]> = [
      ['site_test', '2026-10-31', 'potential', 99], // before the period
      ['site_test', '2026-11-01', 'potential', 10],
      ['site_test', '2026-11-01', 'loyal', 2],
      ['site_test', '2026-11-03', 'at_risk', 4],
      ['site_test', '2026-11-03', 'dormant', 1],
      ['site_test', '2026-11-04', 'potential', 77], // `to` is midnight of the 4th: excluded
      [other.id, '2026-11-02', 'potential', 5],
    ];
    for (const args of rows) await t.db.client.execute({ sql: 'INSERT INTO stage_daily (site_id, day, stage, count) VALUES (?, ?, ?, ?)', args });
    const { status, body } = await t.call('GET', '/admin/api/stages/daily?site=site_test&from=2026-11-01&to=2026-11-04');
    expect(status).toBe(200);
    expect(body).toEqual({
      site: 'site_test',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-04T00:00:00.000Z',
      days: [
        { day: '2026-11-01', potential: 10, here_and_now: 0, at_risk: 0, dormant: 0, loyal: 2 },
        { day: '2026-11-03', potential: 0, here_and_now: 0, at_risk: 4, dormant: 1, loyal: 0 },
      ],
    });
  });

  test('by default the last 30 days up to now, today included (the maintenance snapshot)', async () => {
    const t = await setup();
    await threeVisitors(t);
    await t.db.client.execute(`INSERT INTO stage_daily (site_id, day, stage, count) VALUES
      ('site_test', '2026-10-23', 'potential', 1), ('site_test', '2026-10-24', 'potential', 2), ('site_test', '2026-10-25', 'potential', 3)`);
    await t.maintenance.snapshotDaily('site_test', t.clock.now()); // today's counts, as the timer writes them
    const { body } = await t.call('GET', '/admin/api/stages/daily');
    // from = 2026-10-24T12:31Z: the 24th is touched, the 23rd of October is not
    expect(body.days).toEqual([
      { day: '2026-10-24', potential: 2, here_and_now: 0, at_risk: 0, dormant: 0, loyal: 0 },
      { day: '2026-10-25', potential: 3, here_and_now: 0, at_risk: 0, dormant: 0, loyal: 0 },
      { day: '2026-11-23', potential: 2, here_and_now: 0, at_risk: 1, dormant: 0, loyal: 0 },
    ]);
  });
});

describe('POST /admin/api/stages/preview', () => {
  test('a longer session timeout keeps a visitor here_and_now, in the preview only', async () => {
    const t = await setup();
    await threeVisitors(t);
    const { status, body } = await t.call('POST', '/admin/api/stages/preview', { settings: { sessionTimeoutMinutes: 60 } });
    expect(status).toBe(200);
    expect(body.site).toBe('site_test');
    expect(body.current).toEqual({ potential: 2, here_and_now: 0, at_risk: 1, dormant: 0, loyal: 0 });
    // v1 (product interest) and v2 (cart) are still in a live session under 60 minutes
    expect(body.preview).toEqual({ potential: 1, here_and_now: 2, at_risk: 0, dormant: 0, loyal: 0 });
    expect(await t.stageOf('v:v1')).toBe('potential');
  });

  test('a shorter at-risk window moves an at-risk visitor to dormant in the preview; stored stages are unchanged', async () => {
    const t = await setup();
    await threeVisitors(t);
    await t.after(2 * DAY);
    expect(await t.stageOf('v:v2')).toBe('at_risk');
    const { body } = await t.call('POST', '/admin/api/stages/preview', { settings: { atRiskDays: 1 } });
    expect(body.current.at_risk).toBe(1);
    expect(body.preview).toMatchObject({ at_risk: 0, dormant: 1, potential: 2 });
    expect(await t.stageOf('v:v2')).toBe('at_risk');
    const unchanged = await t.call('GET', '/admin/api/funnel');
    expect(unchanged.body.stages).toMatchObject({ at_risk: 1, dormant: 0 });
    expect((await t.call('GET', '/admin/api/sites/site_test/settings')).body.lifecycle.atRiskDays).toBe(7);
  });

  test('answers the full candidate: the given fields over the stored settings, not over the defaults', async () => {
    const t = await setup();
    await t.call('PUT', '/admin/api/sites/site_test/settings', { lifecycle: { loyalRecencyDays: 90 } });
    const { body } = await t.call('POST', '/admin/api/stages/preview', { site: SITE_KEY, settings: { atRiskDays: 2 } });
    expect(body.settings).toEqual({
      sessionTimeoutMinutes: 30,
      atRiskDays: 2,
      oneTimeBuyerDormantDays: 60,
      loyalMinPurchases: 2,
      loyalRecencyDays: 90,
      pAliveThreshold: 0.5,
      minRepeatBuyersForModel: 30,
    });
  });

  test.each([
    [{ settings: { atRiskDayz: 3 } }, /atRiskDayz/],
    [{ settings: { atRiskDays: 0 } }, /settings\.atRiskDays/],
    [{ settings: { loyalMinPurchases: 2.5 } }, /settings\.loyalMinPurchases/],
    [{ settings: {}, extra: 1 }, /extra/],
    ['{not json', /not valid JSON/],
  ])('refuses a bad body with a 400 naming the field: %j', async (body, message) => {
    const t = await setup();
    const res = await t.call('POST', '/admin/api/stages/preview', body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  test('counts every person of the site across many pages, and only that site', async () => {
    const t = await setup();
    await createSite(t.db, { name: 'Other', origins: ['https://other.example'], id: 'site_other', publicKey: 'pk_other' }, T0);
    // 12,001 people who last looked at a product 45 minutes ago, stored as potential
    const facts = JSON.stringify({ firstSeenAt: T0 - 45 * MIN, lastEventAt: T0 - 45 * MIN, sessionId: 's', sessionInterest: true, cart: {}, checkoutOpen: false, cartChangedAt: null, orders: [], firstPurchaseAt: null, lastPurchaseAt: null, revenue: 0 });
    const people = 12_001;
    await t.db.client.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO profiles (site_id, profile_id, stage, facts, updated_at) SELECT 'site_test', 'v:p' || i, 'potential', ?, ? FROM n`,
      args: [people, facts, T0],
    });
    await t.db.client.execute({ sql: `INSERT INTO profiles (site_id, profile_id, stage, facts, updated_at) VALUES ('site_other', 'v:x', 'potential', ?, ?)`, args: [facts, T0] });
    const { body } = await t.call('POST', '/admin/api/stages/preview', { site: 'site_test', settings: { sessionTimeoutMinutes: 60 } });
    expect(body.current).toEqual({ potential: people, here_and_now: 0, at_risk: 0, dormant: 0, loyal: 0 });
    expect(body.preview).toEqual({ potential: 0, here_and_now: people, at_risk: 0, dormant: 0, loyal: 0 });
  });
});

describe('/admin/api/sites/:siteId/settings', () => {
  test('GET answers the defaults; PUT merges a subset over the stored settings and answers them; GET reads them back', async () => {
    const t = await setup();
    const initial = await t.call('GET', '/admin/api/sites/site_test/settings');
    // the other parts of the settings (campaigns, contact, catalog) have tests of their own
    expect(initial.body.site).toBe('site_test');
    expect(initial.body.lifecycle).toEqual({ sessionTimeoutMinutes: 30, atRiskDays: 7, oneTimeBuyerDormantDays: 60, loyalMinPurchases: 2, loyalRecencyDays: 180, pAliveThreshold: 0.5, minRepeatBuyersForModel: 30 });
    const first = await t.call('PUT', '/admin/api/sites/site_test/settings', { lifecycle: { atRiskDays: 3 } });
    expect(first.status).toBe(200);
    const second = await t.call('PUT', `/admin/api/sites/${SITE_KEY}/settings`, { lifecycle: { sessionTimeoutMinutes: 45 } });
    expect(second.body).toEqual({ ...initial.body, lifecycle: { ...initial.body.lifecycle, atRiskDays: 3, sessionTimeoutMinutes: 45 } });
    expect((await t.call('GET', '/admin/api/sites/site_test/settings')).body).toEqual(second.body);
  });

  test.each([
    [{ lifecycle: { atRiskDays: 3, colour: 'red' } }, /colour/],
    [{ lifecycle: { atRiskDays: 400 } }, /lifecycle\.atRiskDays/],
    [{ lifecycle: { sessionTimeoutMinutes: 0 } }, /lifecycle\.sessionTimeoutMinutes/],
    [{ lifecycle: { pAliveThreshold: '0.6' } }, /lifecycle\.pAliveThreshold/],
    [{ atRiskDays: 3 }, /atRiskDays|lifecycle/],
  ])('PUT refuses %j with a 400 naming the field, and stores nothing', async (body, message) => {
    const t = await setup();
    await t.send('v1', event('page_view'));
    await t.after(0);
    const res = await t.call('PUT', '/admin/api/sites/site_test/settings', body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect((await t.db.client.execute('SELECT count(*) AS n FROM site_settings')).rows[0]?.n).toBe(0);
    expect((await t.db.client.execute('SELECT due_at FROM profiles')).rows[0]?.due_at).toBeNull(); // nobody made due
  });

  test('PUT makes every person of the site due now, and the next scheduler round applies the new thresholds', async () => {
    const t = await setup();
    await threeVisitors(t);
    await t.after(2 * DAY);
    expect((await t.scheduler.runDue()).evaluated).toBe(0); // v2 is not due before its 7 days are up
    expect(await t.stageOf('v:v2')).toBe('at_risk');

    await t.call('PUT', '/admin/api/sites/site_test/settings', { lifecycle: { atRiskDays: 1 } });
    const due = await t.db.client.execute('SELECT DISTINCT due_at FROM profiles');
    expect(due.rows.map((r) => r.due_at)).toEqual([t.clock.now()]);

    expect((await t.scheduler.runDue()).evaluated).toBe(3);
    expect(await t.stageOf('v:v2')).toBe('dormant');
    const funnel = await t.call('GET', `/admin/api/funnel?from=${iso(t.clock.now())}&to=${iso(t.clock.now() + 1)}`);
    expect(funnel.body.transitions).toEqual([{ from: 'at_risk', to: 'dormant', count: 1 }]);
  });

  test('a scheduler round already running with the old settings does not clear the due mark PUT set', async () => {
    const t = await setup();
    await threeVisitors(t);
    await t.after(2 * DAY);
    await t.call('PUT', '/admin/api/sites/site_test/settings', { lifecycle: {} }); // everyone due, same settings
    // the PUT lands between the round reading the settings (atRiskDays 7) and the round writing its results
    const write = t.db.write.run.bind(t.db.write);
    let racing = true;
    t.db.write.run = async (statements) => {
      if (racing) {
        racing = false;
        expect((await t.call('PUT', '/admin/api/sites/site_test/settings', { lifecycle: { atRiskDays: 1 } })).status).toBe(200);
      }
      return write(statements);
    };
    expect((await t.scheduler.round()).evaluated).toBe(3);
    expect(await t.stageOf('v:v2')).toBe('at_risk'); // decided with the old settings
    expect((await t.scheduler.runDue()).evaluated).toBe(3); // still due: the new settings apply on the next round
    expect(await t.stageOf('v:v2')).toBe('dormant');
  });

  test('an unknown site is a 404', async () => {
    const t = await setup();
    for (const method of ['GET', 'PUT']) {
      const res = await t.call(method, '/admin/api/sites/nope/settings', { lifecycle: {} });
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual({ code: 'not_found', message: 'no site "nope"' });
    }
  });
});

describe('site selection and auth', () => {
  const endpoints: Array<[string, string, unknown?]> = [
    ['GET', '/admin/api/funnel'],
    ['GET', '/admin/api/stages/daily'],
    ['POST', '/admin/api/stages/preview', { settings: {} }],
    ['GET', '/admin/api/sites/site_test/settings'],
    ['PUT', '/admin/api/sites/site_test/settings', { lifecycle: { atRiskDays: 1 } }],
  ];

  test.each(endpoints)('%s %s needs the admin token', async (method, path, body) => {
    const t = await setup();
    for (const token of [null, 'wrong-token']) {
      const res = await t.call(method, path, body, token);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    expect((await t.call(method, path, body)).status).toBe(200);
    expect((await t.db.client.execute('SELECT count(*) AS n FROM site_settings')).rows[0]?.n).toBe(method === 'PUT' ? 1 : 0);
  });

  test('with several sites, a site must be named (id or public key); an unknown one is a 404', async () => {
    const t = await setup();
    await createSite(t.db, { name: 'Other', origins: ['https://other.example'], id: 'site_other', publicKey: 'pk_other' }, T0);
    await threeVisitors(t);
    for (const [method, path, body] of endpoints.slice(0, 3)) {
      const res = await t.call(method, path, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/2 sites exist; pass site=/);
    }
    const other = await t.call('GET', '/admin/api/funnel?site=pk_other');
    expect(other.body).toMatchObject({ site: 'site_other', stages: { potential: 0, at_risk: 0 }, transitions: [] });
    const mine = await t.call('POST', '/admin/api/stages/preview', { site: 'site_test', settings: {} });
    expect(mine.body.current.at_risk).toBe(1);
    const missing = await t.call('GET', '/admin/api/stages/daily?site=site_nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('no site "site_nope"');
  });

  test('with no site at all, the answer says how to create one', async () => {
    const t = await setup();
    await t.db.client.execute("DELETE FROM sites WHERE id = 'site_test'");
    const res = await t.call('GET', '/admin/api/funnel');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/no site exists yet/);
  });
});
