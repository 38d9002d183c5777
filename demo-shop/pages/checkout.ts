import { Hono } from 'hono';
import { html } from 'hono/html';
import { renderPage } from '../html/layout.ts';
import type { ShopContext } from '../shop-context.ts';

// /assets/checkout-page.js fills the order summary from the basket and, on "Place order", stores the order in
// localStorage and goes to /order/:orderId. There is no payment step: this is a demo.
export function checkoutPage(shop: ShopContext) {
  return new Hono()
    // GET /checkout
    .get('/checkout', (c) => {
      const body = html`
<h1>Checkout</h1>
<p class="empty-basket" data-cart-empty hidden>Your basket is empty. <a href="/">Carry on shopping</a></p>
<div class="checkout" data-checkout hidden>
  <form class="checkout-form" data-checkout-form>
    <fieldset>
      <legend>Contact</legend>
      <label>Full name <input name="name" autocomplete="name" required maxlength="100"></label>
      <label>Email <input name="email" type="email" autocomplete="email" required maxlength="200"></label>
    </fieldset>
    <fieldset>
      <legend>Delivery address</legend>
      <label>Address <input name="address" autocomplete="street-address" required maxlength="200"></label>
      <label>Town or city <input name="city" autocomplete="address-level2" maxlength="100"></label>
      <label>Postcode <input name="postcode" autocomplete="postal-code" maxlength="12"></label>
    </fieldset>
    <p class="muted">This is a demo shop: no payment is taken and nothing will be sent.</p>
    <button type="submit" class="button button-wide" data-testid="place-order">Place order</button>
  </form>
  <aside class="basket-summary">
    <h2>Order summary</h2>
    <ul class="summary-lines" data-summary-lines></ul>
    <dl class="totals" data-totals></dl>
  </aside>
</div>
<noscript><p>Please enable JavaScript to check out.</p></noscript>`;
      return c.html(renderPage(shop, { title: 'Checkout', page: 'checkout', body }));
    });
}
