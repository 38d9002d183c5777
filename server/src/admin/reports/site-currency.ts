import type { Db } from '../../db/client.ts';

/** What a report says when the site's catalog names no currency. */
export const DEFAULT_CURRENCY = 'EUR';
/** products looked at: enough to find the shop's currency, bounded on a large catalog */
const SAMPLE = 1000;

/**
 * The currency a site's money is in: the one most of its trusted products are priced in (a site has no currency
 * setting; shops price their catalog in the currency they sell in), else EUR.
 */
export async function siteCurrency(db: Db, siteId: string): Promise<string> {
  const rs = await db.client.execute({
    sql: 'SELECT currency FROM products WHERE site_id = ? AND currency IS NOT NULL LIMIT ?',
    args: [siteId, SAMPLE],
  });
  const counts = new Map<string, number>();
  for (const r of rs.rows) counts.set(String(r.currency), (counts.get(String(r.currency)) ?? 0) + 1);
  let best = DEFAULT_CURRENCY;
  let most = 0;
  for (const [currency, n] of counts) if (n > most) [best, most] = [currency, n];
  return best;
}
