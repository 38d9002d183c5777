import { describe, expect, test } from 'vitest';
import type { RfmCell, RfmPerson } from './rfm.ts';
import { DAY, identify, MIN, purchase, reportsApp, view } from './test-support.ts';

const XSS = '<img src=x onerror=alert(1)>';

type Grid = { recency: string[]; frequency: string[]; cells: RfmCell[]; currency: string };
type Page = { people: RfmPerson[]; next: string | null };

async function shop() {
  const t = await reportsApp(); // 2026-11-23 12:00 UTC
  await t.send('one', [view(), purchase('O1', 10)]);
  await t.send('also-one', [view(), purchase('Q1', 15)]);
  await t.send('two', [view(), purchase('T1', 20)]);
  await t.send('hostile', [identify(XSS), view(), purchase('H1', 5), purchase('H2', 5), purchase('H3', 7.5)]);
  await t.advance(MIN);
  await t.advance(DAY);
  await t.send('two', [view(), purchase('T2', 30)]);
  await t.advance(MIN);
  await t.advance(39 * DAY); // 2027-01-02: 40 days after the first orders
  await t.send('new', [view(), purchase('N1', 99)]);
  await t.advance(MIN);
  return t;
}

describe('GET /admin/api/reports/rfm', () => {
  test('recency × frequency: buyers and revenue in each of the 25 cells', async () => {
    const t = await shop();
    const r = await t.report<Grid>('/admin/api/reports/rfm');
    expect(r.recency).toEqual(['0–30 days', '31–90 days', '91–180 days', '181–365 days', 'over 365 days']);
    expect(r.frequency).toEqual(['1 order', '2 orders', '3–4 orders', '5–9 orders', '10+ orders']);
    expect(r.cells).toHaveLength(25);
    expect(r.cells.filter((c) => c.people > 0)).toEqual([
      { r: 0, f: 0, people: 1, revenue: 99 }, // new, today
      { r: 1, f: 0, people: 2, revenue: 25 }, // one and also-one, 40 days ago
      { r: 1, f: 1, people: 1, revenue: 50 }, // two, last 39 days ago
      { r: 1, f: 2, people: 1, revenue: 17.5 }, // the customer with three orders
    ]);
  });

  test("a cell's people, a page at a time; ids come back as the strings they are", async () => {
    const t = await shop();
    const first = await t.report<Page>('/admin/api/reports/rfm/people?r=1&f=0&limit=1');
    expect(first.people).toHaveLength(1);
    expect(first.next).toEqual(expect.any(String));
    const second = await t.report<Page>(`/admin/api/reports/rfm/people?r=1&f=0&limit=1&after=${first.next}`);
    expect(second.next).toBeNull();
    expect([...first.people, ...second.people].map((p) => p.profileId).sort()).toEqual(['v:also-one', 'v:one']);
    expect(second.people[0]).toMatchObject({ customerId: null, orders: 1, lastOrderAt: '2026-11-23T12:00:00.000Z' });

    const res = await t.app.request('/admin/api/reports/rfm/people?r=1&f=2', { headers: { authorization: 'Bearer test-admin-token' } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Page;
    expect(body).toEqual({ people: [{ profileId: `c:${XSS}`, customerId: XSS, lastOrderAt: '2026-11-23T12:00:00.000Z', orders: 3, revenue: 17.5 }], next: null });
  });

  test('bad queries are refused with 400', async () => {
    const t = await shop();
    for (const q of ['', 'r=1', 'r=5&f=0', 'r=-1&f=0', 'r=a&f=0', 'r=0&f=0&limit=0', 'r=0&f=0&limit=501', 'r=0&f=0&after=nonsense', 'r=0&f=0&extra=1']) {
      expect((await t.admin(`/admin/api/reports/rfm/people?${q}`)).status, q).toBe(400);
    }
  });
});
