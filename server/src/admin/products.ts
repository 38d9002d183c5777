import { and, asc, desc, eq } from 'drizzle-orm';
import { isoTime as iso } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { productChanges, products } from '../db/schema/catalog.ts';


export async function listProducts(db: Db, siteId: string, limit: number) {
  const rows = await db.orm.select().from(products).where(eq(products.siteId, siteId)).orderBy(desc(products.updatedAt)).limit(limit);
  return rows.map(({ siteId: _site, firstSeenAt, updatedAt, ...p }) => ({ ...p, firstSeenAt: iso(firstSeenAt), updatedAt: iso(updatedAt) }));
}

/** A product with its change history, oldest change first. */
export async function productWithHistory(db: Db, siteId: string, itemId: string) {
  const p = await db.orm.query.products.findFirst({ where: and(eq(products.siteId, siteId), eq(products.itemId, itemId)) });
  if (!p) return undefined;
  const history = await db.orm
    .select()
    .from(productChanges)
    .where(and(eq(productChanges.siteId, siteId), eq(productChanges.itemId, itemId)))
    .orderBy(asc(productChanges.id));
  const { siteId: _site, firstSeenAt, updatedAt, ...rest } = p;
  return {
    product: { ...rest, firstSeenAt: iso(firstSeenAt), updatedAt: iso(updatedAt) },
    history: history.map((h) => ({ field: h.field, oldValue: h.oldValue, newValue: h.newValue, changedAt: iso(h.changedAt), source: h.source })),
  };
}
