import { Hono } from 'hono';
import { html } from 'hono/html';
import { productCard } from '../html/product-grid.ts';
import { listingQuerySchema, listProducts } from '../product-listing.ts';
import type { ShopContext } from '../shop-context.ts';

export function productsApi(shop: ShopContext) {
  return new Hono()
    // GET /api/products?category=bags-storage&sort=price-asc&offset=24&limit=24
    // Category pages sort and "load more" through this without reloading. The cards come ready-rendered in
    // `html` so the browser shows exactly what the server would; `items` feeds the dataLayer pushes.
    .get('/api/products', async (c) => {
      const parsed = listingQuerySchema.safeParse(c.req.query());
      if (!parsed.success) return c.json({ error: 'invalid query', issues: parsed.error.issues.map((i) => i.message) }, 400);
      const query = parsed.data;
      const listing = listProducts(shop.catalog, query);
      if (!listing) return c.json({ error: 'unknown category' }, 404);
      const cards = await html`${listing.items.map(productCard)}`;
      return c.json({
        total: listing.total,
        offset: query.offset,
        limit: query.limit,
        sort: query.sort,
        items: listing.items,
        html: cards.toString(),
      });
    });
}
