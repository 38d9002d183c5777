import { Hono } from 'hono';
import { html } from 'hono/html';
import { productGrid } from '../html/product-grid.ts';
import { renderPage } from '../html/layout.ts';
import { formatPrice } from '../html/money.ts';
import type { ShopContext } from '../shop-context.ts';
import { SHOP_TAGLINE } from '../shop-identity.ts';

const POPULAR_COUNT = 8;

export function homePage(shop: ShopContext) {
  return new Hono()
    // GET /
    .get('/', (c) => {
      const { categories, items } = shop.catalog;
      const bestSeller = items[0];
      const featured = bestSeller ? shop.catalog.categoryOf(bestSeller) : undefined;
      const lowestPrice = Math.min(...items.map((i) => i.price));
      const body = html`
<section class="hero">
  <div>
    <p class="eyebrow">New season, old favourites</p>
    <h1>${SHOP_TAGLINE}</h1>
    <p>${items.length} bestselling pieces for the kitchen, the home and every celebration${
      bestSeller ? html`, from ${formatPrice(lowestPrice, bestSeller.currency)}` : ''
    }.</p>
    ${featured ? html`<a class="button" href="/category/${featured.slug}">Shop ${featured.name}</a>` : ''}
  </div>
</section>
<section>
  <h2 class="section-title">Popular right now</h2>
  ${productGrid({ id: 'popular', name: 'Popular right now', items: items.slice(0, POPULAR_COUNT) })}
</section>
<section class="shoploop-slot">
  <div data-shoploop="auto" data-limit="4" data-title="Picked for you"></div>
</section>
<section>
  <h2 class="section-title">Shop by department</h2>
  <ul class="department-tiles">
    ${categories.map((c) => html`<li><a href="/category/${c.slug}">
      <img src="${c.items[0]?.image ?? ''}" alt="" width="120" height="120" loading="lazy">
      <span>${c.name}</span><small>${c.items.length} products</small>
    </a></li>`)}
  </ul>
</section>`;
      return c.html(renderPage(shop, { title: 'Gifts & homeware', page: 'home', body }));
    });
}
