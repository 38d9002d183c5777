import { setImmediate } from 'node:timers/promises';
import { safeImageUrl, safeShopUrl } from '../../catalog/trust/safe-urls.ts';
import type { Availability } from '../../db/schema/catalog.ts';
import type { Db } from '../../db/client.ts';

/** What a recommendation shows of a product, and what decides whether it may be shown. */
export interface RecProduct {
  itemId: string;
  name: string | null;
  price: number | null;
  image: string | null;
  url: string | null;
  category: string | null;
  brand: string | null;
  availability: Availability | null;
  hidden: boolean;
}

const UNSELLABLE: ReadonlySet<string> = new Set<Availability>(['out_of_stock', 'discontinued']);

/** rows per read while loading: one page blocks the event loop for a few milliseconds at most */
const PAGE_ROWS = 500;
/** one column per row: @libsql/client defines a property per column of every row, which costs more than the read */
const PAGE_SQL = `SELECT item_id, json_array(name, price, image, url, category, brand, availability, hidden) AS p FROM products
  WHERE site_id = ? AND item_id > ? ORDER BY item_id LIMIT ?`;

type RowFields = [string | null, number | null, string | null, string | null, string | null, string | null, Availability | null, number];

/**
 * A site's catalog in memory, so a request never reads `products`. Loaded whole and re-read now and then (feeds,
 * values that just became trusted, and the admin's `hidden` never reach `ingest`). Events do not patch it: what
 * one visitor's event says is not trusted (catalog/trust/), and `products` holds only what is. Links off the
 * site's origins and images not over https are dropped as the rows are read, so a request pays nothing for it.
 */
export class ProductLookup {
  private byId = new Map<string, RecProduct>();
  loadedAt = -Infinity;

  get size(): number {
    return this.byId.size;
  }

  get(itemId: string): RecProduct | undefined {
    return this.byId.get(itemId);
  }

  /** an item we can show and sell: known with a trusted name, not hidden, not out of stock or discontinued */
  isRecommendable(itemId: string): boolean {
    const p = this.byId.get(itemId);
    return p !== undefined && p.name !== null && !p.hidden && !(p.availability !== null && UNSELLABLE.has(p.availability));
  }

  /**
   * Re-reads every product of the site in pages of `PAGE_ROWS` (by primary key), yielding to the event loop
   * between pages: a refresh runs every minute under traffic, and 100,000 products in one read blocked
   * requests for most of a second. Requests meanwhile see the previous rows; the new ones replace them at once.
   */
  async load(db: Db, siteId: string, at: number): Promise<void> {
    const site = await db.client.execute({ sql: 'SELECT allowed_origins FROM sites WHERE id = ?', args: [siteId] });
    const origins = site.rows[0] ? (JSON.parse(String(site.rows[0].allowed_origins)) as string[]) : [];
    const fresh = new Map<string, RecProduct>();
    for (let after = ''; ; await setImmediate()) {
      const rs = await db.client.execute({ sql: PAGE_SQL, args: [siteId, after, PAGE_ROWS] });
      for (const r of rs.rows) {
        const itemId = String(r.item_id);
        const [name, price, image, url, category, brand, availability, hidden] = JSON.parse(String(r.p)) as RowFields;
        fresh.set(itemId, {
          itemId, name, price, image: safeImageUrl(image, origins), url: safeShopUrl(url, origins), category, brand, availability, hidden: Boolean(hidden),
        });
      }
      if (rs.rows.length < PAGE_ROWS) break;
      after = String(rs.rows.at(-1)!.item_id);
    }
    this.byId = fresh;
    this.loadedAt = at;
  }
}
