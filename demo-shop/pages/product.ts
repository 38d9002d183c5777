import { Hono } from 'hono';
import { html } from 'hono/html';
import { jsonLdScript, productJsonLd } from '../html/json-ld.ts';
import { renderPage } from '../html/layout.ts';
import { formatPrice } from '../html/money.ts';
import { describeProduct } from '../html/product-description.ts';
import { gaItemJson, productGrid } from '../html/product-grid.ts';
import { ratingSummary } from '../html/rating-summary.ts';
import type { ShopContext } from '../shop-context.ts';
import { notFoundResponse } from './not-found.ts';

const RELATED_COUNT = 4;

export function productPage(shop: ShopContext) {
  return new Hono()
    // GET /product/:id
    .get('/product/:id', async (c) => {
      const item = shop.catalog.item(c.req.param('id'));
      if (!item) return notFoundResponse(c, shop);
      // rendered into the page's own HTML: search engines show review stars only from there
      const rating = (await shop.ratings?.forItem(item.item_id)) ?? null;
      const origin = new URL(c.req.url).origin;
      const category = shop.catalog.categoryOf(item);
      const inStock = item.availability === 'in_stock';
      const price = formatPrice(item.price, item.currency);
      const description = describeProduct(item);
      const related = category.items.filter((other) => other !== item).slice(0, RELATED_COUNT);

      const head = html`<link rel="canonical" href="${new URL(item.url, origin).href}">
<meta property="og:type" content="product">
<meta property="og:title" content="${item.item_name}">
<meta property="og:image" content="${new URL(item.image, origin).href}">
<meta property="og:url" content="${new URL(item.url, origin).href}">
<meta property="product:price:amount" content="${item.price.toFixed(2)}">
<meta property="product:price:currency" content="${item.currency}">
${jsonLdScript(productJsonLd(item, origin, rating))}`;

      const body = html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/category/${category.slug}">${category.name}</a> › <span>${item.item_name}</span></nav>
<article class="product" data-product data-item="${gaItemJson(item)}">
  <img class="product-image" src="${item.image}" alt="${item.item_name}" width="480" height="480">
  <div class="product-info">
    <h1>${item.item_name}</h1>
    ${rating ? ratingSummary(rating.aggregateRating) : ''}
    <p class="product-price">${price}</p>
    <p class="${inStock ? 'in-stock' : 'sold-out'}">${inStock ? 'In stock, ready to send' : 'Out of stock'}</p>
    <p>${description}</p>
    <form class="add-to-basket" data-add-to-cart-form>
      <label>Quantity <input type="number" name="quantity" value="1" min="1" max="99" data-testid="product-quantity"${inStock ? '' : ' disabled'}></label>
      <button type="submit" class="button" data-testid="add-to-cart"${inStock ? '' : ' disabled'}>${inStock ? 'Add to basket' : 'Out of stock'}</button>
    </form>
    ${inStock ? '' : html`<p><button type="button" class="button button-secondary" data-push-prompt data-testid="notify-me">Notify me when it’s back</button></p>`}
    <p class="added-message" role="status" data-added-message></p>
    <dl class="product-facts">
      <dt>Product code</dt><dd>${item.item_id}</dd>
      <dt>Department</dt><dd>${item.item_category}</dd>
      <dt>Brand</dt><dd>${item.item_brand}</dd>
    </dl>
  </div>
</article>
<section class="shoploop-slot" id="reviews">
  <div data-shoploop="reviews" data-item="${item.item_id}"></div>
</section>
<section class="shoploop-slot">
  <div data-shoploop="also-bought" data-item="${item.item_id}" data-limit="4" data-title="Frequently bought together"></div>
</section>
<section class="shoploop-slot">
  <div data-shoploop="similar" data-limit="4" data-title="You may also like"></div>
</section>
${related.length > 0 ? html`<section>
  <h2 class="section-title">More from ${category.name}</h2>
  ${productGrid({ id: 'related_products', name: 'Related products', items: related })}
</section>` : ''}`;
      return c.html(renderPage(shop, { title: item.item_name, description, page: 'product', head, body }));
    });
}
