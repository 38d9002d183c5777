import type { Client, InStatement, InValue } from '@libsql/client';
import type { Product } from '../db/schema/catalog.ts';
import { diffProduct, mergeObservations, type ProductObservation } from './observation.ts';
import { clearReports } from './trust/clear-reports.ts';

export type ChangeSource = 'event' | 'feed';

const READ_CHUNK = 400;
const WRITE_CHUNK = 500; // rows per statement: well under SQLite's bound-variable limit

function* chunks<T>(list: T[], size: number): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

export interface CurrentRow extends Pick<Product, 'name' | 'price' | 'currency' | 'image' | 'url' | 'category' | 'brand' | 'availability' | 'saleEndsAt'> {
  itemId: string;
}

/** The stored (trusted) rows of these items, by id. */
export async function readCurrent(client: Client, siteId: string, itemIds: string[]): Promise<Map<string, CurrentRow>> {
  const current = new Map<string, CurrentRow>();
  for (let i = 0; i < itemIds.length; i += READ_CHUNK) {
    const chunk = itemIds.slice(i, i + READ_CHUNK);
    const rs = await client.execute({
      sql: `SELECT item_id, name, price, currency, image, url, category, brand, availability, sale_ends_at FROM products
            WHERE site_id = ? AND item_id IN (${chunk.map(() => '?').join(',')})`,
      args: [siteId, ...chunk],
    });
    for (const r of rs.rows) {
      current.set(String(r.item_id), {
        itemId: String(r.item_id),
        name: r.name as string | null,
        price: r.price as number | null,
        currency: r.currency as string | null,
        image: r.image as string | null,
        url: r.url as string | null,
        category: r.category as string | null,
        brand: r.brand as string | null,
        availability: r.availability as CurrentRow['availability'],
        saleEndsAt: r.sale_ends_at === null ? null : Number(r.sale_ends_at),
      });
    }
  }
  return current;
}

export interface CatalogPlan {
  statements: InStatement[];
  created: number;
  updated: number;
  changes: number;
}

/**
 * Reads the products a set of observations touches and returns the statements that bring them up to date,
 * each changed field also appended to `product_changes`. The caller runs them in its own atomic batch.
 * Everything written here is trusted at once: only a feed writes this way (events go through trust/).
 */
export async function planCatalogWrites(
  client: Client,
  siteId: string,
  observations: Iterable<ProductObservation>,
  at: number,
  source: ChangeSource,
): Promise<CatalogPlan> {
  const merged = mergeObservations(observations);
  const plan: CatalogPlan = { statements: [], created: 0, updated: 0, changes: 0 };
  if (merged.length === 0) return plan;
  const current = await readCurrent(client, siteId, merged.map((o) => o.itemId));
  const upserts = new Map<string, InValue[][]>(); // column list → rows: products changing the same fields share one statement
  const changeRows: InValue[][] = [];
  const saleEnds: Array<[string, number | null]> = [];
  for (const obs of merged) {
    const before = current.get(obs.itemId);
    if (obs.saleEndsAt !== undefined && obs.saleEndsAt !== (before?.saleEndsAt ?? null)) saleEnds.push([obs.itemId, obs.saleEndsAt]);
    const changes = diffProduct(before, obs);
    if (changes.length === 0) continue;
    if (before) plan.updated++;
    else plan.created++;
    plan.changes += changes.length;
    const cols = changes.map((c) => c.field).join(', ');
    const values = changes.map((c) => (c.field === 'price' ? Number(c.newValue) : c.newValue));
    upserts.set(cols, [...(upserts.get(cols) ?? []), [siteId, obs.itemId, ...values, at, at]]);
    for (const c of changes) changeRows.push([siteId, obs.itemId, c.field, c.oldValue, c.newValue, at, source]);
  }
  // visitors' reports of a field that just got a new value are stale
  plan.statements.push(...clearReports(siteId, changeRows.map((r) => ({ itemId: r[1] as string, field: r[2] as string }))));
  for (const [cols, rows] of upserts) {
    for (const chunk of chunks(rows, WRITE_CHUNK)) {
      plan.statements.push({
        sql: `INSERT INTO products (site_id, item_id, ${cols}, first_seen_at, updated_at)
              VALUES ${chunk.map((r) => `(${r.map(() => '?').join(', ')})`).join(', ')}
              ON CONFLICT (site_id, item_id) DO UPDATE SET ${cols.split(', ').map((c) => `${c} = excluded.${c}`).join(', ')},
              updated_at = excluded.updated_at`,
        args: chunk.flat(),
      });
    }
  }
  // when a sale ends is no field of its own history: it only bounds what a price-drop message may promise
  for (const chunk of chunks(saleEnds, WRITE_CHUNK / 2)) {
    plan.statements.push({
      sql: `UPDATE products SET sale_ends_at = CASE item_id ${chunk.map(() => 'WHEN ? THEN ?').join(' ')} END
            WHERE site_id = ? AND item_id IN (${chunk.map(() => '?').join(', ')})`,
      args: [...chunk.flat(), siteId, ...chunk.map(([id]) => id)],
    });
  }
  for (const chunk of chunks(changeRows, WRITE_CHUNK)) {
    plan.statements.push({
      sql: `INSERT INTO product_changes (site_id, item_id, field, old_value, new_value, changed_at, source)
            VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      args: chunk.flat(),
    });
  }
  return plan;
}
