import { Hono } from 'hono';
import { html } from 'hono/html';
import { renderPage } from '../html/layout.ts';
import type { ShopContext } from '../shop-context.ts';

// The basket lives in the browser (localStorage), so the server sends an empty frame that
// /assets/cart-page.js fills in.
export function cartPage(shop: ShopContext) {
  return new Hono()
    // GET /cart
    .get('/cart', (c) => {
      const body = html`
<h1>Your basket</h1>
<div class="basket" data-cart-view>
  <p class="empty-basket" data-cart-empty hidden>Your basket is empty. <a href="/">Carry on shopping</a></p>
  <table class="basket-table" data-cart-table hidden>
    <thead><tr><th colspan="2">Product</th><th>Price</th><th>Quantity</th><th>Total</th><th><span class="visually-hidden">Remove</span></th></tr></thead>
    <tbody data-cart-lines></tbody>
  </table>
  <aside class="basket-summary" data-cart-summary hidden>
    <dl class="totals" data-totals></dl>
    <a class="button button-wide" href="/checkout" data-testid="checkout">Checkout securely</a>
    <a class="continue" href="/">Continue shopping</a>
  </aside>
</div>
<noscript><p>Please enable JavaScript to use the basket.</p></noscript>
<section class="shoploop-slot">
  <div data-shoploop="also-bought" data-limit="4" data-title="Goes well with your basket"></div>
</section>`;
      return c.html(renderPage(shop, { title: 'Your basket', page: 'cart', body }));
    });
}
