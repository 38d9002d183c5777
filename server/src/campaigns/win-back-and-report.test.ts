import { describe, expect, test } from 'vitest';
import { importFeed } from '../catalog/trust/testing.ts';
import { HOUR, MINUTE, MUG, pushFixture } from './testing/push-fixture.ts';
import type { CampaignReportRow } from './report/campaign-report.ts';

const DAY = 24 * HOUR;
const TEAPOT = { ...MUG, item_id: 'teapot-1', item_name: 'Stoneware teapot', price: 30, url: 'https://shop.example/p/teapot-1', image: 'https://cdn.shop.example/teapot.jpg' };

describe('win-back', () => {
  test('a one-time buyer gone dormant gets personal picks, once', async () => {
    const f = await pushFixture();
    await f.settings({ lifecycle: { oneTimeBuyerDormantDays: 2 } });
    await importFeed(f.db, f.site.id, [MUG, TEAPOT], f.clock.now());
    for (const vid of ['a', 'b', 'c']) await f.send(vid, f.event('view_item', { items: [{ item_id: TEAPOT.item_id }] }));
    const sub = await f.subscribe('buyer');
    await f.send('buyer', f.event('purchase', { transaction_id: 'o1', value: 12.5, items: [{ item_id: MUG.item_id }] }));
    await f.advance(MINUTE);
    await f.advance(2 * DAY);
    const [m] = await f.messages('&campaign=win_back');
    expect(m).toMatchObject({ status: 'sent', person: 'v:buyer', topic: 'winback' });
    const payload = JSON.parse(f.service.messagesFor(sub.endpoint)[0]!.text) as { title: string; body: string; url: string };
    expect(payload.title).toBe('New picks for you at Test shop');
    expect(payload.body).toBe('Stoneware teapot and more, chosen for you.'); // never what they already bought
    expect(payload.url).toMatch(/^https:\/\/shop\.example\/p\/teapot-1\?sl_push=msg_/);
    await f.advance(7 * DAY);
    expect(await f.messages('&campaign=win_back')).toHaveLength(1);
  });
});

describe('clicks, conversions and the holdout report', () => {
  test('push_click marks the person\'s own message clicked; a purchase within 7 days converts both groups', async () => {
    const f = await pushFixture({ abandoned_cart: { holdoutPercent: 50, firstDelayMinutes: 1, secondEnabled: false } });
    const vids = Array.from({ length: 16 }, (_, i) => `p${i}`);
    for (const vid of vids) {
      await f.subscribe(vid);
      await f.send(vid, f.event('add_to_cart', { items: [MUG] }));
    }
    await f.advance(31 * MINUTE);
    await f.advance(MINUTE);
    const all = await f.messages();
    const sent = all.filter((m) => m.status === 'sent');
    const held = all.filter((m) => m.status === 'held_out');
    expect(sent.length + held.length).toBe(16);
    expect(sent.length).toBeGreaterThan(1);
    expect(held.length).toBeGreaterThan(1);
    const vidOf = (person: string) => person.slice(2);

    // one treated person clicks and buys; another treated person's page claims that message too; one held-out person buys
    const clicker = sent[0]!;
    await f.send(vidOf(clicker.person), f.event('push_click', { message_id: clicker.id }));
    await f.send(vidOf(sent[1]!.person), f.event('push_click', { message_id: clicker.id }));
    await f.send(vidOf(clicker.person), f.event('purchase', { transaction_id: 'o-t', value: 40, items: [MUG] }));
    await f.send(vidOf(held[0]!.person), f.event('purchase', { transaction_id: 'o-c', value: 15, items: [MUG] }));
    await f.advance(MINUTE);
    // a purchase 8 days later is not the campaign's
    await f.advance(8 * DAY);
    await f.send(vidOf(held[1]!.person), f.event('purchase', { transaction_id: 'o-late', value: 99, items: [MUG] }));
    await f.advance(MINUTE);

    const after = await f.messages();
    expect(after.find((m) => m.id === clicker.id)).toMatchObject({ status: 'clicked', orderId: 'o-t', revenue: 40 });
    expect(after.find((m) => m.id === sent[1]!.id)).toMatchObject({ status: 'sent', clickedAt: null });
    expect(after.find((m) => m.id === held[1]!.id)).toMatchObject({ convertedAt: null });

    const { status, body } = await f.admin<{ campaigns: CampaignReportRow[] }>(`/admin/api/campaigns/report?site=${f.site.id}&from=2026-11-01`);
    expect(status).toBe(200);
    const [cart] = body.campaigns;
    expect(cart).toMatchObject({
      campaign: 'abandoned_cart',
      eligible: 16,
      sent: sent.length,
      heldOut: held.length,
      clicked: 1,
      treatment: { people: sent.length, converted: 1, revenue: 40, clicked: 1 },
      control: { people: held.length, converted: 1, revenue: 15, sent: 0 },
    });
    expect(cart!.treatment.conversionRate).toBeCloseTo(1 / sent.length);
    expect(cart!.uplift).toMatchObject({ enoughData: false });
    expect((cart!.uplift as { reason: string }).reason).toMatch(/not enough data yet/);
  });

  test('the messages list filters, pages and refuses bad queries', async () => {
    const f = await pushFixture({ abandoned_cart: { firstDelayMinutes: 1 } });
    for (const vid of ['x1', 'x2', 'x3']) {
      await f.subscribe(vid);
      await f.send(vid, f.event('add_to_cart', { items: [MUG] }));
    }
    await f.advance(31 * MINUTE);
    expect(await f.messages('&visitor=x2')).toHaveLength(2);
    expect((await f.messages('&status=scheduled')).length).toBe(6);
    const page1 = await f.admin<{ messages: Array<{ id: string }>; next: string }>(`/admin/api/messages?site=${f.site.id}&limit=4`);
    const page2 = await f.admin<{ messages: Array<{ id: string }>; next: string | null }>(`/admin/api/messages?site=${f.site.id}&limit=4&before=${page1.body.next}`);
    expect(page1.body.messages).toHaveLength(4);
    expect(page2.body.messages).toHaveLength(2);
    expect(new Set([...page1.body.messages, ...page2.body.messages].map((m) => m.id)).size).toBe(6);
    for (const bad of ['&status=nope', '&campaign=spam', '&limit=0', '&before=x', '&visitor=' + 'a'.repeat(200)]) {
      expect((await f.admin(`/admin/api/messages?site=${f.site.id}${bad}`)).status, bad).toBe(400);
    }
    expect((await f.app.request(`/admin/api/messages?site=${f.site.id}`)).status).toBe(401);
  });
});
