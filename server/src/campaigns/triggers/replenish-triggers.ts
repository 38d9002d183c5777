import type { InStatement } from '@libsql/client';
import type { Db } from '../../db/client.ts';
import type { Recommender } from '../../recommend/serve/recommender.ts';
import { readPersonContext } from '../../recommend/serve/person-context.ts';
import type { CampaignSettings } from '../settings.ts';
import { MINUTE, planMessage, productTopic } from './new-message.ts';
import { allSubscribers } from './subscribers.ts';

/**
 * Plans a replenish message for each product a subscribed person bought that is now due again (the
 * recommender's `replenish` list: its typical re-buy interval has come round). One message per purchase of the
 * product: the trigger key is the item and when it was last bought.
 */
export async function planReplenishMessages(db: Db, siteId: string, recommendations: Recommender, settings: CampaignSettings, now: number): Promise<number> {
  const s = settings.replenish;
  if (!s.enabled) return 0;
  const statements: InStatement[] = [];
  for (const person of await allSubscribers(db, siteId)) {
    const bought = await recommendations.boughtBy(siteId, person.visitorId);
    if (!bought?.size) continue;
    const due = await recommendations.recommend({
      siteId,
      visitorId: person.visitorId,
      scenario: 'replenish',
      limit: 3,
      min: 1,
      person: await readPersonContext(db, siteId, person.visitorId),
    });
    for (const item of due.items) {
      const boughtAt = bought.get(item.itemId);
      if (boughtAt === undefined) continue;
      statements.push(
        planMessage({
          siteId,
          profileId: person.profileId,
          campaign: 'replenish',
          triggerKey: `${item.itemId}@${boughtAt}`,
          createdAt: now,
          sendAt: now + s.delayMinutes * MINUTE,
          ttlHours: s.ttlHours,
          holdoutPercent: s.holdoutPercent,
          urgency: 'low',
          topic: productTopic('refill', item.itemId),
          itemId: item.itemId,
        }),
      );
    }
  }
  if (statements.length > 0) await db.write.run(statements);
  return statements.length;
}
