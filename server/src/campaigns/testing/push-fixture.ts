import { afterEach } from 'vitest';
import { batch, event, postCollect, SHOP_ORIGIN, SITE_KEY, testApp } from '../../../test/helpers.ts';
import { importFeed } from '../../catalog/trust/testing.ts';
import { setPushSubject } from '../../push/keys/site-push-keys.ts';
import { LocalPushService, type LocalSubscription } from '../../push/testing/local-push-service.ts';
import type { CampaignSettingsPatch } from '../settings.ts';
import type { MessageView } from '../report/messages-list.ts';

const services: LocalPushService[] = [];
afterEach(async () => {
  while (services.length) await services.pop()!.close();
});

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const MUG = { item_id: 'mug-1', item_name: 'Blue enamel mug', price: 12.5, currency: 'EUR', url: `${SHOP_ORIGIN}/p/mug-1`, image: 'https://cdn.shop.example/mug.jpg', availability: 'in_stock' };

/**
 * The whole push path for clock-driven tests: the app on a manual clock with the local push service (real
 * HTTPS, real web-push encryption, decrypted on arrival) as the only allowed push service, the site's push
 * contact set, holdouts off unless a test sets them, and the demo product imported from a feed (trusted).
 */
export async function pushFixture(campaigns: CampaignSettingsPatch = {}) {
  const service = await LocalPushService.start();
  services.push(service);
  const t = await testApp({ pushEndpoints: service.origin, campaignIntervalMs: 0 }, { pushAgent: service.agent });
  await setPushSubject(t.db, t.site.id, 'mailto:owner@shop.example');
  await importFeed(t.db, t.site.id, [MUG], t.clock.now());
  const noHoldout = Object.fromEntries(['abandoned_cart', 'back_in_stock', 'price_drop', 'win_back', 'replenish'].map((c) => [c, { holdoutPercent: 0 }]));
  await settings({ campaigns: deepMerge(noHoldout, campaigns) });

  async function settings(body: unknown) {
    const res = await t.app.request(`/admin/api/sites/${t.site.id}/settings`, {
      method: 'PUT',
      headers: { authorization: 'Bearer test-admin-token', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`settings → ${res.status} ${await res.text()}`);
    return res.json();
  }

  /** The visitor's browser subscribes, as the widget does. */
  async function subscribe(vid: string): Promise<LocalSubscription> {
    const key = (await (await t.app.request(`/v1/push/key?site=${SITE_KEY}`, { headers: { origin: SHOP_ORIGIN } })).json()) as { publicKey: string };
    const subscription = service.subscribe({ applicationServerKey: key.publicKey });
    const res = await t.app.request('/v1/push/subscriptions', {
      method: 'POST',
      headers: { origin: SHOP_ORIGIN, 'content-type': 'text/plain' },
      body: JSON.stringify({ site: SITE_KEY, vid, subscription }),
    });
    if (res.status !== 201) throw new Error(`subscribe → ${res.status} ${await res.text()}`);
    return subscription;
  }

  /** Events from one visitor's page, through the collector. */
  async function send(vid: string, ...events: ReturnType<typeof event>[]) {
    const res = await postCollect(t.app, batch(events, { vid }));
    if (res.status !== 200) throw new Error(`collect → ${res.status} ${await res.text()}`);
  }

  /** Moves the clock and lets the lifecycle and the campaigns do what is due. */
  async function advance(ms: number) {
    t.clock.advance(ms);
    await t.deps.scheduler.runDue();
    await t.deps.campaigns.tick();
  }

  async function messages(query = ''): Promise<MessageView[]> {
    const { status, body } = await t.admin<{ messages: MessageView[] }>(`/admin/api/messages?site=${t.site.id}${query}`);
    if (status !== 200) throw new Error(`messages → ${status} ${JSON.stringify(body)}`);
    return body.messages;
  }

  return { ...t, service, settings, subscribe, send, advance, messages, event };
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = v && typeof v === 'object' && !Array.isArray(v) ? { ...(a[k] as object), ...(v as object) } : v;
  return out;
}
