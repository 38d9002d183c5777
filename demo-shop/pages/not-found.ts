import type { Context } from 'hono';
import { html } from 'hono/html';
import { productGrid } from '../html/product-grid.ts';
import { renderPage } from '../html/layout.ts';
import type { ShopContext } from '../shop-context.ts';

/** The shop's 404 page: unknown paths, products and categories all land here, with the header and snippet. */
export function notFoundResponse(c: Context, shop: ShopContext) {
  const body = html`
<section class="message-page">
  <h1>Sorry, we can't find that page</h1>
  <p>The product may have sold out for good, or the link may be mistyped. Try searching, or have a look at our best sellers.</p>
  <a class="button" href="/">Back to the shop</a>
</section>
<section>
  <h2 class="section-title">Best sellers</h2>
  ${productGrid({ id: 'not_found_best_sellers', name: 'Best sellers', items: shop.catalog.items.slice(0, 4) })}
</section>`;
  return c.html(renderPage(shop, { title: 'Page not found', page: 'not-found', body }), 404);
}
