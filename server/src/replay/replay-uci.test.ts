import { describe, expect, test } from 'vitest';
import { importFeed } from '../catalog/trust/testing.ts';
import { createSite } from '../sites/sites.ts';
import { freshDb } from '../../test/helpers.ts';
import { replayUci } from './replay-uci.ts';
import { readReplayedPeople } from './report/replayed-people.ts';
import { uciCsv, writeUciFile, type TestLine } from './testing/uci-file.ts';

const DAY = 86_400_000;
const lastOrder = Date.UTC(2011, 11, 9, 12, 0);
const now = Date.UTC(2026, 10, 23, 12, 0);
const daysBefore = (days: number) => lastOrder - days * DAY;

/** A small year with one person per rule the replay should end in. */
const year: TestLine[] = [
  // repeat buyer, orders months apart, the last one recent → loyal
  { invoice: '500001', code: '85123A', quantity: 6, at: daysBefore(200), price: 2.55, customer: '10001' },
  { invoice: '500002', code: '71053', quantity: 2, at: daysBefore(100), price: 3.39, customer: '10001' },
  { invoice: '500003', code: '85123A', quantity: 4, at: daysBefore(5), price: 2.55, customer: '10001' },
  // one order 90 days before the end → dormant
  { invoice: '500004', code: '22633', quantity: 3, at: daysBefore(90), price: 1.85, customer: '10002' },
  // a guest's single order long ago → dormant
  { invoice: '500005', code: '22633', quantity: 1, at: daysBefore(300), price: 1.85 },
  // one order 20 days ago → still potential
  { invoice: '500006', code: '84029G', quantity: 1, at: daysBefore(20), price: 3.39, customer: '10003' },
  // two orders long ago → dormant (no model with this few buyers: no order for 180 days)
  { invoice: '500007', code: '84029G', quantity: 1, at: daysBefore(320), price: 3.39, customer: '10004' },
  { invoice: '500008', code: '84029G', quantity: 1, at: daysBefore(250), price: 3.39, customer: '10004' },
  // an order partly cancelled: revenue is what was kept
  { invoice: '500009', code: '22960', quantity: 2, at: daysBefore(30), price: 4.25, customer: '10005' },
  { invoice: '500009', code: '22961', quantity: 10, at: daysBefore(30), price: 1.45, customer: '10005' },
  { invoice: 'C500010', code: '22961', quantity: -10, at: daysBefore(29), price: 1.45, customer: '10005' },
  // an order cancelled in full: a visit, no purchase → potential with no orders
  { invoice: '500011', code: '22728', quantity: 1, at: daysBefore(40), price: 3.75, customer: '10006' },
  { invoice: 'C500012', code: '22728', quantity: -1, at: daysBefore(39), price: 3.75, customer: '10006' },
  // the last order of the file lands at now: a live session → here_and_now
  { invoice: '500013', code: '22727', quantity: 1, at: lastOrder, price: 3.75, customer: '10007' },
  // not products
  { invoice: '500013', code: 'POST', quantity: 1, at: lastOrder, price: 18, customer: '10007' },
  { invoice: '500014', code: '22727', quantity: 1, at: daysBefore(10), price: 0, customer: '10007' },
];

async function siteDb() {
  const db = await freshDb();
  await createSite(db, { id: 'site_uci', publicKey: 'pk_uci', name: 'UCI', origins: ['https://shop.example'] }, now);
  return db;
}

describe('replayUci', () => {
  test('replays a small year through the collector and ends each person in the stage the rules imply', async () => {
    const db = await siteDb();
    const report = await replayUci(db, { file: writeUciFile(year), siteId: 'site_uci', now });

    const stageOf = new Map((await readReplayedPeople(db, 'site_uci', ['c:uci-10001', 'c:uci-10002', 'v:uci-guest-500005', 'c:uci-10003', 'c:uci-10004', 'c:uci-10005', 'c:uci-10006', 'c:uci-10007'])).map((p) => [p.profileId, p]));
    expect(Object.fromEntries([...stageOf].map(([id, p]) => [id, p.stage]))).toEqual({
      'c:uci-10001': 'loyal',
      'c:uci-10002': 'dormant',
      'v:uci-guest-500005': 'dormant',
      'c:uci-10003': 'potential',
      'c:uci-10004': 'dormant',
      'c:uci-10005': 'potential',
      'c:uci-10006': 'potential',
      'c:uci-10007': 'here_and_now',
    });
    expect(stageOf.get('c:uci-10001')!.facts!.orders).toHaveLength(3);
    expect(stageOf.get('c:uci-10005')!.facts!.revenue).toBe(8.5); // 2 × 4.25; the 10 × 1.45 were cancelled
    expect(stageOf.get('c:uci-10006')!.facts!.orders).toHaveLength(0);
    expect(report.stages).toEqual({ counts: { potential: 3, here_and_now: 1, at_risk: 0, dormant: 3, loyal: 1 }, total: 8, unevaluated: 0 });
    expect(report.lines.skipped).toMatchObject({ service_code: 1, zero_price: 1, unmatched_cancellation: 0 });
    expect(report.cancellations).toMatchObject({ invoices: 2, linesMatched: 2, ordersCancelledInFull: 1, ordersCancelledInPart: 1 });
    expect(report.slice).toEqual({ people: 8, customers: 7, guests: 1, orders: 11, ordersAlreadyStored: 0 });
    expect(report.events.stored).toBe(report.events.sent);
    expect(report.clv.note).toMatch(/not fitted/);

    // receipt times follow the data, moved so that the last order lands at now
    const purchases = await db.client.execute(`SELECT event_id, received_at FROM events WHERE name = 'purchase' ORDER BY received_at`);
    expect(Number(purchases.rows.at(-1)!.received_at)).toBe(now);
    expect(purchases.rows.find((r) => r.event_id === 'uci-500001-purchase')!.received_at).toBe(now - 200 * DAY);
    // daily stage counts were written along the way
    const days = await db.client.execute(`SELECT count(DISTINCT day) AS n FROM stage_daily WHERE site_id = 'site_uci'`);
    expect(Number(days.rows[0]!.n)).toBeGreaterThan(300);
  }, 60_000);

  test('a second replay stores nothing new and changes no stage', async () => {
    const db = await siteDb();
    const file = writeUciFile(year);
    const first = await replayUci(db, { file, siteId: 'site_uci', now });
    const count = async (table: string) => Number((await db.client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    const daily = async () => (await db.client.execute('SELECT day, stage, count FROM stage_daily ORDER BY day, stage')).rows.map((r) => Object.values(r).join(' '));
    const before = { events: await count('events'), transitions: await count('stage_transitions'), products: await count('products'), daily: await daily() };

    const second = await replayUci(db, { file, siteId: 'site_uci', now });
    expect(second.events).toMatchObject({ sent: first.events.sent, stored: 0, duplicates: first.events.sent });
    expect(second.slice.ordersAlreadyStored).toBe(11);
    expect({ events: await count('events'), transitions: await count('stage_transitions'), products: await count('products'), daily: await daily() }).toEqual(before);
    expect(second.stages).toEqual(first.stages);
  }, 60_000);

  test('--keep-dates replays the original dates and ends a day after the last order', async () => {
    const db = await siteDb();
    const report = await replayUci(db, { file: writeUciFile(year), siteId: 'site_uci', now, keepDates: true });
    expect(report.endsAt).toBe(lastOrder + DAY);
    const rs = await db.client.execute(`SELECT received_at FROM events WHERE event_id = 'uci-500004-purchase'`);
    expect(rs.rows[0]!.received_at).toBe(daysBefore(90));
    expect(report.stages.counts.here_and_now).toBe(0); // a day later the last session is over
  }, 60_000);

  test('a slice: people spread over the year, or the orders since a date', async () => {
    const db = await siteDb();
    const sample = await replayUci(db, { file: writeUciFile(year), siteId: 'site_uci', now, limitCustomers: 4 });
    // 8 people by first order: 10004, guest, 10001, 10002, 10006, 10005, 10003, 10007 → every second one
    expect(sample.slice).toMatchObject({ people: 4, customers: 4, guests: 0, orders: 7 }); // 10004, 10001, 10006, 10003
    expect(sample.stages.counts).toEqual({ dormant: 1, loyal: 1, potential: 2, here_and_now: 0, at_risk: 0 });
    const since = await replayUci(await siteDb(), { file: writeUciFile(uciCsv(year)), siteId: 'site_uci', now, since: daysBefore(25) });
    expect(since.slice).toMatchObject({ orders: 3, people: 3 }); // 10003, 10001's last order, 10007
  }, 60_000);

  test("with the shop's products: only their lines are replayed, described as the shop describes them", async () => {
    const db = await siteDb();
    const heart = { item_id: '85123A', item_name: 'White Hanging Heart T-Light Holder', price: 2.95, currency: 'GBP', item_category: 'Candles & Lights', item_brand: 'Loop & Co.', url: 'https://shop.example/product/85123A', image: 'https://shop.example/images/85123A.svg' };
    // as the demo does: the shop's feed first (one replayed customer's events alone never make a field trusted)
    await importFeed(db, 'site_uci', [heart], now);
    const report = await replayUci(db, { file: writeUciFile(year), siteId: 'site_uci', now, products: new Map([[heart.item_id, heart]]) });
    expect(report.slice).toMatchObject({ orders: 2, people: 1 }); // 10001's two orders of the heart; 500002 has none of it
    const items = await db.client.execute(`SELECT DISTINCT json_extract(value, '$.item_id') AS id FROM events, json_each(events.params, '$.items')`);
    expect(items.rows.map((r) => r.id)).toEqual(['85123A']);
    const product = await db.client.execute(`SELECT name, price, category, brand, url, image FROM products WHERE site_id = 'site_uci'`);
    expect(product.rows.map((r) => ({ ...r }))).toEqual([{ name: heart.item_name, price: 2.95, category: heart.item_category, brand: heart.item_brand, url: heart.url, image: heart.image }]);
    const views = await db.client.execute(`SELECT DISTINCT url FROM events WHERE name = 'view_item'`);
    expect(views.rows.map((r) => r.url)).toEqual([heart.url]);
    const names = await db.client.execute(`SELECT DISTINCT json_extract(value, '$.item_name') AS name FROM events, json_each(events.params, '$.items')`);
    expect(names.rows.map((r) => r.name)).toEqual([heart.item_name]);
  }, 60_000);

  test('refuses a site that does not exist', async () => {
    const db = await siteDb();
    await expect(replayUci(db, { file: writeUciFile(year), siteId: 'site_nope', now })).rejects.toThrow(/no site "site_nope"/);
  });
});
