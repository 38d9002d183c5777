import { Hono } from 'hono';
import { html } from 'hono/html';
import { SORT_LABELS, SORT_ORDERS } from '../catalog-index.ts';
import { productGrid } from '../html/product-grid.ts';
import { renderPage } from '../html/layout.ts';
import { listProducts, PAGE_SIZE, parsePageNumber, parseSort } from '../product-listing.ts';
import type { ShopContext } from '../shop-context.ts';
import { notFoundResponse } from './not-found.ts';

export function categoryPage(shop: ShopContext) {
  return new Hono()
    // GET /category/:slug?sort=price-asc&page=2 — page 2 shows the first two pages, as after one "Load more".
    // In the browser, sorting and "Load more" fetch /api/products and pushState instead of reloading.
    .get('/category/:slug', (c) => {
      const category = shop.catalog.category(c.req.param('slug'));
      if (!category) return notFoundResponse(c, shop);
      const sort = parseSort(c.req.query('sort'));
      const page = parsePageNumber(c.req.query('page'));
      const listing = listProducts(shop.catalog, { category: category.slug, sort, offset: 0, limit: page * PAGE_SIZE });
      if (!listing) return notFoundResponse(c, shop);
      const shown = listing.items.length;
      const nextPage = new URLSearchParams({ ...(sort === 'popular' ? {} : { sort }), page: String(page + 1) });

      const body = html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> › <span>${category.name}</span></nav>
<div class="listing-header">
  <div>
    <h1>${category.name}</h1>
    <p class="muted">${listing.total} products</p>
  </div>
  <form class="sort-form" method="get">
    <label>Sort by
      <select name="sort" data-testid="sort">
        ${SORT_ORDERS.map((order) => html`<option value="${order}"${order === sort ? ' selected' : ''}>${SORT_LABELS[order]}</option>`)}
      </select>
    </label>
    <noscript><button type="submit">Apply</button></noscript>
  </form>
</div>
${productGrid({ id: `category_${category.slug}`, name: category.name, items: listing.items, categorySlug: category.slug })}
<div class="load-more">
  <p class="muted" data-showing>Showing ${shown} of ${listing.total}</p>
  <a class="button button-secondary" data-testid="load-more" href="?${nextPage.toString()}"${shown >= listing.total ? ' hidden' : ''}>Load more</a>
</div>`;
      return c.html(renderPage(shop, { title: category.name, description: `Shop ${category.name} at Loop & Co.`, page: 'category', body }));
    });
}
