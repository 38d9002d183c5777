import { Hono } from 'hono';
import { html } from 'hono/html';
import { renderPage } from '../html/layout.ts';
import type { ShopContext } from '../shop-context.ts';
import { notFoundResponse } from './not-found.ts';

// Order ids are made in the browser at checkout (see /assets/checkout-page.js).
const ORDER_ID = /^[A-Za-z0-9-]{4,64}$/;

// The order itself was stored in localStorage at checkout; /assets/order-page.js shows it and pushes the
// GA4 purchase event once per order, however often the page is reloaded.
export function orderPage(shop: ShopContext) {
  return new Hono()
    // GET /order/:orderId
    .get('/order/:orderId', (c) => {
      const orderId = c.req.param('orderId');
      if (!ORDER_ID.test(orderId)) return notFoundResponse(c, shop);
      const body = html`
<section class="order-confirmation" data-testid="order-confirmation" data-order-id="${orderId}">
  <h1>Thank you for your order</h1>
  <p>Your order number is <strong>${orderId}</strong>.</p>
  <div data-order-details hidden>
    <p data-order-greeting></p>
    <ul class="summary-lines" data-summary-lines></ul>
    <dl class="totals" data-totals></dl>
    <h2>Delivering to</h2>
    <p data-order-address></p>
  </div>
  <p data-order-missing hidden>The details of this order are kept in the browser it was placed from.</p>
  <a class="button" href="/">Continue shopping</a>
</section>
<section class="shoploop-slot">
  <div data-shoploop="for-you" data-limit="4" data-title="You might also like"></div>
</section>`;
      return c.html(renderPage(shop, { title: 'Order confirmed', page: 'order', body }));
    });
}
