import type { Db } from '../../db/client.ts';
import { trustedProduct } from '../../catalog/trust/index.ts';
import { parseProfileId } from '../../lifecycle/profile-ids.ts';
import { readPersonContext } from '../../recommend/serve/person-context.ts';
import type { Recommender } from '../../recommend/serve/recommender.ts';
import type { MessageContentSource } from './site-context.ts';

/** Messages' content from the trusted catalog, and win-back picks from the recommender (the person's newest device). */
export function catalogContent(db: Db, recommendations: Recommender): MessageContentSource {
  return {
    product: (site, itemId) => trustedProduct(db, site, itemId),
    async picks(siteId, profileId, limit) {
      const person = parseProfileId(profileId);
      let visitorId = person.id;
      if (person.kind === 'customer') {
        const rs = await db.client.execute({ sql: 'SELECT visitor_id FROM visitors WHERE site_id = ? AND customer_id = ? ORDER BY last_seen_at DESC LIMIT 1', args: [siteId, person.id] });
        if (!rs.rows[0]) return [];
        visitorId = String(rs.rows[0].visitor_id);
      }
      const result = await recommendations.recommend({ siteId, visitorId, scenario: 'win-back', limit, min: 1, person: await readPersonContext(db, siteId, visitorId) });
      return result.items.map((p) => p.itemId);
    },
  };
}
