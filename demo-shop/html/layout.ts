import { html, raw } from 'hono/html';
import type { ShopContext } from '../shop-context.ts';
import { SHOP_NAME } from '../shop-identity.ts';

export type Html = ReturnType<typeof html>;

export interface PageOptions {
  title: string;
  description?: string;
  /** Names the page for /assets/shop.js, which wires the page's behaviour and dataLayer pushes. */
  page: string;
  /** Extra tags for <head>: Open Graph, JSON-LD. */
  head?: Html;
  body: Html;
  /** Pre-fills the header search box. */
  query?: string;
}

const DEFAULT_DESCRIPTION = 'Independent UK gift shop: homeware, kitchen, party and Christmas gifts, packed with care.';

export function renderPage(shop: ShopContext, { title, description, page, head, body, query }: PageOptions): Html {
  // The snippet goes in verbatim, as a shop owner pastes it into their theme; the dataLayer exists before it,
  // as on any shop using Google Tag Manager.
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | ${SHOP_NAME}</title>
<meta name="description" content="${description ?? DEFAULT_DESCRIPTION}">
<link rel="icon" href="data:,">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png">
<meta name="theme-color" content="#b8532f">
<link rel="stylesheet" href="/assets/shop.css">
${head ?? ''}
<script>window.dataLayer = window.dataLayer || [];</script>
${raw(shop.snippet)}
<script type="module" src="/assets/shop.js"></script>
</head>
<body data-page="${page}">
<header class="site-header">
  <p class="announcement">Free UK delivery on orders over £40 · Dispatched within 2 working days</p>
  <div class="header-main container">
    <a class="logo" href="/">Loop <span>&amp;</span> Co.</a>
    <form class="header-search" action="/search" method="get" role="search">
      <input type="search" name="q" value="${query ?? ''}" placeholder="Search for gifts, mugs, lights…" aria-label="Search products" maxlength="100">
      <button type="submit">Search</button>
    </form>
    <a class="basket-link" href="/cart">Basket <span class="badge" data-testid="cart-count">0</span></a>
  </div>
  <nav class="category-nav" aria-label="Departments">
    <div class="container">
      ${shop.catalog.categories.map((c) => html`<a href="/category/${c.slug}">${c.name}</a>`)}
    </div>
  </nav>
</header>
<main class="container">
${body}
</main>
<footer class="site-footer">
  <div class="container footer-columns">
    <div>
      <p class="logo logo-small">Loop <span>&amp;</span> Co.</p>
      <p>An independent gift shop. Homeware, kitchen and party pieces chosen by people who love giving presents.</p>
    </div>
    <div>
      <h2>Help</h2>
      <p>Delivery: £3.95, free over £40<br>Returns within 30 days<br>hello@loopandco.example</p>
    </div>
    <div>
      <h2>Stay in the loop</h2>
      <p>A note when your basket is waiting, or something you liked is back or cheaper.</p>
      <p><button type="button" class="link-button" data-push-prompt data-testid="push-prompt">Turn on notifications</button></p>
    </div>
    <div>
      <h2>Shop</h2>
      <p>${shop.catalog.categories.slice(0, 4).map((c) => html`<a href="/category/${c.slug}">${c.name}</a><br>`)}</p>
    </div>
  </div>
  <p class="container small">© ${SHOP_NAME} · A demo shop for Shoploop, with products and prices from a real UK gift shop.</p>
</footer>
</body>
</html>`;
}
