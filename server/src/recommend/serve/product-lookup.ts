import { setImmediate } from 'node:timers/promises';
import type { ProductObservation } from '../../catalog/observation.ts';
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
 * A site's catalog in memory, so a request never reads `products`. Loaded whole (feeds and the admin change
 * rows the event stream never sees, e.g. `hidden`) and patched with what each ingested event says of its items.
 */
export class ProductLookup {
  private byId = new Map<string, RecProduct>();
  /** observations made while a load pages through the table: replayed onto what it read */
  private readonly duringLoads = new Set<ProductObservation[]>();
  loadedAt = -Infinity;

  get size(): number {
    return this.byId.size;
  }

  get(itemId: string): RecProduct | undefined {
    return this.byId.get(itemId);
  }

  /** an item we can show and sell: known, not hidden, not out of stock or discontinued */
  isRecommendable(itemId: string): boolean {
    const p = this.byId.get(itemId);
    return p !== undefined && !p.hidden && !(p.availability !== null && UNSELLABLE.has(p.availability));
  }

  /**
   * Re-reads every product of the site in pages of `PAGE_ROWS` (by primary key), yielding to the event loop
   * between pages: a refresh runs every minute under traffic, and 100,000 products in one read blocked
   * requests for most of a second. Requests meanwhile see the previous rows; the new ones replace them at once.
   */
  async load(db: Db, siteId: string, at: number): Promise<void> {
    const fresh = new Map<string, RecProduct>();
    const observed: ProductObservation[] = [];
    this.duringLoads.add(observed);
    try {
      for (let after = ''; ; await setImmediate()) {
        const rs = await db.client.execute({ sql: PAGE_SQL, args: [siteId, after, PAGE_ROWS] });
        for (const r of rs.rows) {
          const itemId = String(r.item_id);
          const [name, price, image, url, category, brand, availability, hidden] = JSON.parse(String(r.p)) as RowFields;
          fresh.set(itemId, { itemId, name, price, image, url, category, brand, availability, hidden: Boolean(hidden) });
        }
        if (rs.rows.length < PAGE_ROWS) break;
        after = String(rs.rows.at(-1)!.item_id);
      }
    } finally {
      this.duringLoads.delete(observed);
    }
    // an event ingested during the read may have been committed after its page was read
    applyObservations(fresh, observed);
    this.byId = fresh;
    this.loadedAt = at;
  }

  /** Applies event observations the way the catalog writer does: present fields overwrite, absent ones keep. */
  observe(observations: Iterable<ProductObservation>): void {
    const list = [...observations];
    applyObservations(this.byId, list);
    for (const during of this.duringLoads) during.push(...list);
  }
}

function applyObservations(byId: Map<string, RecProduct>, observations: readonly ProductObservation[]): void {
  for (const o of observations) {
    const p = byId.get(o.itemId) ?? {
      itemId: o.itemId, name: null, price: null, image: null, url: null, category: null, brand: null, availability: null, hidden: false,
    };
    if (o.name !== undefined) p.name = o.name;
    if (o.price !== undefined) p.price = o.price;
    if (o.image !== undefined) p.image = o.image;
    if (o.url !== undefined) p.url = o.url;
    if (o.category !== undefined) p.category = o.category;
    if (o.brand !== undefined) p.brand = o.brand;
    if (o.availability !== undefined) p.availability = o.availability;
    byId.set(o.itemId, p);
  }
}
