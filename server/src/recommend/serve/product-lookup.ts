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

/**
 * A site's catalog in memory, so a request never reads `products`. Loaded whole (feeds and the admin change
 * rows the event stream never sees, e.g. `hidden`) and patched with what each ingested event says of its items.
 */
export class ProductLookup {
  private readonly byId = new Map<string, RecProduct>();
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

  async load(db: Db, siteId: string, at: number): Promise<void> {
    const rs = await db.client.execute({
      sql: 'SELECT item_id, name, price, image, url, category, brand, availability, hidden FROM products WHERE site_id = ?',
      args: [siteId],
    });
    this.byId.clear();
    for (const r of rs.rows) {
      const itemId = String(r.item_id);
      this.byId.set(itemId, {
        itemId,
        name: (r.name as string | null) ?? null,
        price: r.price === null ? null : Number(r.price),
        image: (r.image as string | null) ?? null,
        url: (r.url as string | null) ?? null,
        category: (r.category as string | null) ?? null,
        brand: (r.brand as string | null) ?? null,
        availability: (r.availability as Availability | null) ?? null,
        hidden: Boolean(r.hidden),
      });
    }
    this.loadedAt = at;
  }

  /** Applies event observations the way the catalog writer does: present fields overwrite, absent ones keep. */
  observe(observations: Iterable<ProductObservation>): void {
    for (const o of observations) {
      const p = this.byId.get(o.itemId) ?? {
        itemId: o.itemId, name: null, price: null, image: null, url: null, category: null, brand: null, availability: null, hidden: false,
      };
      if (o.name !== undefined) p.name = o.name;
      if (o.price !== undefined) p.price = o.price;
      if (o.image !== undefined) p.image = o.image;
      if (o.url !== undefined) p.url = o.url;
      if (o.category !== undefined) p.category = o.category;
      if (o.brand !== undefined) p.brand = o.brand;
      if (o.availability !== undefined) p.availability = o.availability;
      this.byId.set(o.itemId, p);
    }
  }
}
