import type { InStatement } from '@libsql/client';
import type { Db } from '../../db/client.ts';
import { trustedChangesSince, trustedProduct, type TrustedChange } from '../../catalog/trust/index.ts';
import type { CampaignSettings } from '../settings.ts';
import { MINUTE, planMessage, productTopic } from './new-message.ts';
import { subscribersInterestedIn } from './subscribers.ts';
import { sellableAvailabilities } from '../../db/schema/catalog.ts';

const DAY = 24 * 60 * MINUTE;
const RESTOCKED_FROM = new Set(['out_of_stock', 'discontinued']);
const CHANGES_PER_RUN = 200;

/** What a trusted catalog change is news of: a restock, a price drop, or nothing. */
export function newsOf(change: TrustedChange, settings: CampaignSettings): { campaign: 'back_in_stock' | 'price_drop'; oldPrice: number | null; newPrice: number | null } | null {
  if (change.field === 'availability') {
    return settings.back_in_stock.enabled && change.oldValue !== null && RESTOCKED_FROM.has(change.oldValue) && change.newValue !== null && sellableAvailabilities.has(change.newValue)
      ? { campaign: 'back_in_stock', oldPrice: null, newPrice: null }
      : null;
  }
  const before = Number(change.oldValue);
  const after = Number(change.newValue);
  if (!settings.price_drop.enabled || change.oldValue === null || change.newValue === null || !(before > 0) || !(after >= 0)) return null;
  return after <= before * (1 - settings.price_drop.minDropPercent / 100) && after < before ? { campaign: 'price_drop', oldPrice: before, newPrice: after } : null;
}

/**
 * Plans back-in-stock and price-drop messages for the trusted catalog changes after `afterId`: each goes to the
 * subscribed people who viewed or carted that product within the campaign's look-back. A change a single forged
 * event made is not trusted (catalog/trust), so it never reaches here. Returns the new position.
 */
export async function planCatalogMessages(db: Db, site: { id: string; allowedOrigins: string[] }, afterId: number, settings: CampaignSettings, now: number): Promise<number> {
  const siteId = site.id;
  const changes = await trustedChangesSince(db, siteId, afterId, CHANGES_PER_RUN);
  const statements: InStatement[] = [];
  for (const change of changes) {
    const news = newsOf(change, settings);
    if (!news) continue;
    const s = settings[news.campaign];
    // a sale ending in 6 hours gets a message that lives 6 hours; an offer already over is no news
    const endsAt = news.campaign === 'price_drop' ? ((await trustedProduct(db, site, change.itemId))?.saleEndsAt ?? null) : null;
    if (endsAt !== null && endsAt <= now + s.delayMinutes * MINUTE) continue;
    for (const person of await subscribersInterestedIn(db, siteId, change.itemId, now - s.lookbackDays * DAY)) {
      statements.push(
        planMessage({
          siteId,
          profileId: person.profileId,
          campaign: news.campaign,
          triggerKey: `change#${change.id}`,
          createdAt: now,
          sendAt: now + s.delayMinutes * MINUTE,
          ttlHours: s.ttlHours,
          endsAt,
          holdoutPercent: s.holdoutPercent,
          urgency: 'normal',
          topic: productTopic(news.campaign === 'price_drop' ? 'price' : 'stock', change.itemId),
          itemId: change.itemId,
          context: news.campaign === 'price_drop' ? { oldPrice: news.oldPrice, newPrice: news.newPrice } : null,
        }),
      );
    }
  }
  if (statements.length > 0) await db.write.run(statements);
  return changes.at(-1)?.id ?? afterId;
}
