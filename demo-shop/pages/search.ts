import { Hono } from 'hono';
import { html } from 'hono/html';
import { productGrid } from '../html/product-grid.ts';
import { renderPage } from '../html/layout.ts';
import type { ShopContext } from '../shop-context.ts';

const MAX_QUERY_LENGTH = 100;

export function searchPage(shop: ShopContext) {
  return new Hono()
    // GET /search?q=jumbo+bag
    .get('/search', (c) => {
      const query = (c.req.query('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH);
      const results = shop.catalog.search(query);
      const heading = query ? html`<h1>Results for “${query}”</h1><p class="muted">${results.length} products</p>` : html`<h1>Search</h1>`;
      const body = html`
<section class="search-results" data-search-term="${query}">
  ${heading}
  ${query && results.length === 0 ? html`<p>Nothing matches “${query}”. Try a broader word, such as “bag”, “heart” or “christmas”.</p>` : ''}
  ${results.length > 0 ? productGrid({ id: 'search_results', name: 'Search results', items: results }) : ''}
  ${!query ? html`<p>Type what you are looking for in the search box above.</p>` : ''}
</section>`;
      return c.html(renderPage(shop, { title: query ? `Search: ${query}` : 'Search', page: 'search', body, query }));
    });
}
