import { ManualClock } from '../server/src/clock.ts';
import type { Db } from '../server/src/db/client.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCatalogFile } from '../server/src/catalog/import/import-file.ts';
import { MessageDispatcher } from '../server/src/campaigns/outbox/dispatcher.ts';
import type { MessageContentSource } from '../server/src/campaigns/outbox/site-context.ts';
import { applyCampaignSettings } from '../server/src/campaigns/site-campaign-config.ts';
import { trustedProduct } from '../server/src/catalog/trust/index.ts';
import { setPushSubject } from '../server/src/push/keys/site-push-keys.ts';
import { createSite } from '../server/src/sites/sites.ts';
import { tempDb } from './support/temp-db.ts';

const NOW = Date.UTC(2026, 10, 23, 12); // noon in the people's zone (UTC)
const CHUNK = 500;

/** `n` people, each with a subscription and one cart reminder due now. */
async function seed(db: Db, dir: string, n: number) {
  await createSite(db, { id: 's', name: 'bench', origins: ['https://shop.example'], publicKey: 'pk' }, NOW);
  await setPushSubject(db, 's', 'mailto:bench@shop.example');
  const feed = join(dir, 'feed.json');
  writeFileSync(feed, JSON.stringify([{ item_id: 'mug', item_name: 'Mug', price: 9.5, currency: 'EUR', url: 'https://shop.example/p/mug' }]));
  await importCatalogFile(db, 's', feed, { now: NOW });
  for (let i = 0; i < n; i += CHUNK) {
    const ids = Array.from({ length: Math.min(CHUNK, n - i) }, (_, k) => i + k);
    await db.write.run([
      {
        sql: `INSERT INTO visitors (site_id, visitor_id, first_seen_at, last_seen_at, time_zone) VALUES ${ids.map(() => "('s', ?, ?, ?, 'Europe/London')").join(',')}`,
        args: ids.flatMap((k) => [`v${k}`, NOW, NOW]),
      },
      {
        sql: `INSERT INTO push_subscriptions (site_id, visitor_id, endpoint, p256dh, auth, created_at, updated_at) VALUES ${ids.map(() => "('s', ?, ?, 'k', 'a', ?, ?)").join(',')}`,
        args: ids.flatMap((k) => [`v${k}`, `https://fcm.googleapis.com/fcm/send/${k}`, NOW, NOW]),
      },
      {
        sql: `INSERT INTO messages (id, site_id, profile_id, campaign, trigger_key, status, created_at, due_at, expires_at, urgency, topic, item_id, context, updated_at)
              VALUES ${ids.map(() => "(?, 's', ?, 'abandoned_cart', 'b', 'scheduled', ?, ?, ?, 'normal', 'cart', 'mug', '{\"items\":[\"mug\"]}', ?)").join(',')}`,
        args: ids.flatMap((k) => [`msg_${k}`, `v:v${k}`, NOW, NOW, NOW + 86_400_000, NOW]),
      },
    ]);
  }
}

const content = (db: Db): MessageContentSource => ({ product: (site, itemId) => trustedProduct(db, site, itemId), picks: async () => [] });

/**
 * The campaign scheduler deciding for `n` people, with the database: claims, the contact policy, rendering and
 * every decision written. Two runs: all deferred (quiet hours), and all sent to a sender that discards (the
 * push services' cost is the push bench's), next to a baseline that only reads the same message rows.
 */
export async function campaignSchedulerRate(n: number) {
  const out: Record<string, number> = {};
  for (const mode of ['deferred', 'sent'] as const) {
    const t = await tempDb(`campaigns-${mode}`);
    await seed(t.db, t.dir, n);
    if (mode === 'deferred') await applyCampaignSettings(t.db, 's', { contact: { quietHours: { from: '11:00', to: '13:00' } } }, NOW);
    let started = performance.now();
    let rows = 0;
    for (let after = ''; ; ) {
      const rs = await t.db.client.execute({ sql: 'SELECT * FROM messages WHERE id > ? ORDER BY id LIMIT 500', args: [after] });
      rows += rs.rows.length;
      if (rs.rows.length < 500) break;
      after = String(rs.rows.at(-1)!.id);
    }
    out.readPerSecond = rows / ((performance.now() - started) / 1000);
    const discard = { send: async () => ({ kind: 'delivered' as const, status: 201 }) };
    const dispatcher = new MessageDispatcher(t.db, new ManualClock(NOW), discard, content(t.db), { batchSize: 500 });
    started = performance.now();
    const r = await dispatcher.runDue(1_000_000);
    out[mode] = (mode === 'sent' ? r.sent : r.deferred) / ((performance.now() - started) / 1000);
    t.remove();
  }
  return { people: n, deferredPerSecond: out.deferred!, sentPerSecond: out.sent!, readPerSecond: out.readPerSecond! };
}
