import { and, asc, eq, gt, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { productChanges } from '../../db/schema/catalog.ts';

export interface TrustedChange {
  id: number;
  itemId: string;
  field: 'price' | 'availability';
  oldValue: string | null;
  newValue: string | null;
  changedAt: number;
}

/**
 * Price and availability changes of trusted values after `afterId`, oldest first, for the back-in-stock and
 * price-drop campaigns: a feed's, or a value that reached the site's number of distinct visitors (written the
 * moment it did, the previously trusted value as old). Rows from before the trust rule (source `event`, no
 * reporters) are left out. Ids only grow, so `afterId` is a cursor.
 */
export async function trustedChangesSince(db: Db, siteId: string, afterId: number, limit: number): Promise<TrustedChange[]> {
  const rows = await db.orm
    .select({
      id: productChanges.id,
      itemId: productChanges.itemId,
      field: productChanges.field,
      oldValue: productChanges.oldValue,
      newValue: productChanges.newValue,
      changedAt: productChanges.changedAt,
    })
    .from(productChanges)
    .where(
      and(
        eq(productChanges.siteId, siteId),
        gt(productChanges.id, afterId),
        inArray(productChanges.field, ['price', 'availability']),
        or(eq(productChanges.source, 'feed'), isNotNull(productChanges.reporters)),
      ),
    )
    .orderBy(asc(productChanges.id))
    .limit(limit);
  return rows as TrustedChange[];
}
