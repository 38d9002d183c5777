import { describe, expect, test } from 'vitest';
import { SHOP_ORIGIN, SITE_KEY } from '../../../test/helpers.ts';
import { HOUR, MINUTE, MUG, pushFixture } from '../testing/push-fixture.ts';
import type { CampaignReportRow } from './campaign-report.ts';

const NO_SUBSCRIPTION = 'no push subscription: the person unsubscribed';

// The manual clock starts on Monday 2026-11-23 12:00 UTC; visitors' zone is Europe/London (UTC+0).
describe('GET /admin/api/campaigns/report', () => {
  test('per campaign: sent, deferred and dropped with counts per reason, converted, revenue, the uplift flagged underpowered', async () => {
    const f = await pushFixture();
    await f.settings({ contact: { quietHours: { from: '13:00', to: '08:00' } } });
    await f.subscribe('a');
    const b = await f.subscribe('b');
    await f.subscribe('c');
    for (const vid of ['a', 'b', 'c']) await f.send(vid, f.event('add_to_cart', { items: [MUG] }));
    await f.advance(31 * MINUTE); // at_risk: two reminders each, the first due at 13:31, in the quiet hours
    // b's browser unsubscribes before the first reminder is due
    const gone = await f.app.request('/v1/push/subscriptions', { method: 'DELETE', headers: { origin: SHOP_ORIGIN, 'content-type': 'text/plain' }, body: JSON.stringify({ site: SITE_KEY, endpoint: b.endpoint }) });
    expect(gone.status).toBe(200);
    await f.advance(61 * MINUTE);
    const report = async () => {
      const { status, body } = await f.admin<{ currency: string; campaigns: CampaignReportRow[] }>(`/admin/api/campaigns/report?site=${f.site.id}&from=2026-11-23`);
      expect(status).toBe(200);
      expect(body.currency).toBe('EUR');
      expect(body.campaigns.map((c) => c.campaign)).toEqual(['abandoned_cart']);
      return body.campaigns[0]!;
    };

    // 13:32: a's and c's first reminders wait for the morning; b has no subscription: dropped
    const night = await report();
    const waiting = 'quiet hours until 08:00 Europe/London';
    expect(night).toMatchObject({
      eligible: 3,
      sent: 0,
      deferred: 2,
      dropped: 1,
      statuses: { scheduled: 3, deferred: 2, cancelled: 1, sent: 0, held_out: 0, expired: 0, failed: 0, clicked: 0 },
      reasons: { deferred: [{ status: 'deferred', reason: waiting, count: 2 }], dropped: [{ status: 'cancelled', reason: NO_SUBSCRIPTION, count: 1 }] },
      converted: 0,
      revenue: 0,
      underpowered: true,
    });

    // c buys at night: both of c's reminders are dropped, and c converted; in the morning a's first reminder goes
    await f.send('c', f.event('purchase', { transaction_id: 'o-c', value: 27.5, currency: 'EUR', items: [MUG] }));
    await f.advance(MINUTE);
    await f.advance(19 * HOUR);
    const morning = await report();
    expect(morning).toMatchObject({
      eligible: 3,
      sent: 1,
      heldOut: 0,
      clicked: 0,
      deferred: 0,
      dropped: 3,
      statuses: { scheduled: 2, deferred: 0, cancelled: 3, sent: 1 },
      reasons: {
        deferred: [],
        dropped: [
          { status: 'cancelled', reason: 'bought', count: 2 },
          { status: 'cancelled', reason: NO_SUBSCRIPTION, count: 1 },
        ],
      },
      converted: 1,
      revenue: 27.5,
      treatment: { people: 3, sent: 1, converted: 1, revenue: 27.5 },
      control: { people: 0, converted: 0 },
      underpowered: true,
      uplift: { enoughData: false },
    });
    expect((morning.uplift as { reason: string }).reason).toMatch(/^not enough data yet/);

    // a period before any decision: no campaign
    const before = await f.admin<{ campaigns: CampaignReportRow[] }>(`/admin/api/campaigns/report?site=${f.site.id}&from=2026-11-01&to=2026-11-23`);
    expect(before.body.campaigns).toEqual([]);
    expect((await f.admin(`/admin/api/campaigns/report?site=${f.site.id}&from=nope`)).status).toBe(400);
  });
});
