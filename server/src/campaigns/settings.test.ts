import { describe, expect, test } from 'vitest';
import { ADMIN_TOKEN, testApp } from '../../test/helpers.ts';
import { campaignDefaults } from './settings.ts';

async function put(t: Awaited<ReturnType<typeof testApp>>, body: unknown) {
  const res = await t.app.request(`/admin/api/sites/${t.site.id}/settings`, { method: 'PUT', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('campaign and contact settings', () => {
  test('GET shows the defaults; PUT merges a subset and keeps the rest', async () => {
    const t = await testApp();
    const got = await t.admin<Record<string, any>>(`/admin/api/sites/${t.site.id}/settings`);
    expect(got.body.campaigns.abandoned_cart).toEqual(campaignDefaults.abandoned_cart);
    expect(got.body.contact).toEqual({ maxPerWeek: 2, maxPerDay: 1, quietHours: { from: '21:00', to: '09:00' } });
    const res = await put(t, { campaigns: { abandoned_cart: { firstDelayMinutes: 1 }, win_back: { enabled: false } }, contact: { quietHours: null } });
    expect(res.status).toBe(200);
    expect(res.body.campaigns.abandoned_cart).toEqual({ ...campaignDefaults.abandoned_cart, firstDelayMinutes: 1 });
    expect(res.body.campaigns.win_back.enabled).toBe(false);
    expect(res.body.contact).toEqual({ maxPerWeek: 2, maxPerDay: 1, quietHours: null });
    expect((await t.admin<Record<string, any>>(`/admin/api/sites/${t.site.id}/settings`)).body.campaigns.abandoned_cart.firstDelayMinutes).toBe(1);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['a delay under a minute', { campaigns: { abandoned_cart: { firstDelayMinutes: 0.5 } } }, /firstDelayMinutes/],
    ['a holdout over 50 %', { campaigns: { price_drop: { holdoutPercent: 80 } } }, /holdoutPercent/],
    ['an unknown campaign', { campaigns: { spam_blast: { enabled: true } } }, /spam_blast|unrecognized/i],
    ['an unknown field', { campaigns: { win_back: { sendTwice: true } } }, /sendTwice|unrecognized/i],
    ['an empty template', { campaigns: { win_back: { title: '   ' } } }, /title/],
    ['a daily cap above the weekly one', { contact: { maxPerDay: 5 } }, /maxPerDay/],
    ['quiet hours that are not a time', { contact: { quietHours: { from: '25:00', to: '09:00' } } }, /quietHours/],
    ['nothing to change', {}, /at least one/],
  ];
  test.each(bad)('refuses %s with a 400 and changes nothing', async (_, body, message) => {
    const t = await testApp();
    const before = (await t.admin(`/admin/api/sites/${t.site.id}/settings`)).body;
    const res = await put(t, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect((await t.admin(`/admin/api/sites/${t.site.id}/settings`)).body).toEqual(before);
  });
});
