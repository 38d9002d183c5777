// The shop's browser code, loaded on every page as an ES module (no build step). It wires the basket badge,
// the product grids' dataLayer pushes, and the behaviour of the page named by <body data-page>.
import { cartCount, CART_CHANGED } from './cart-store.js';
import { initCartPage } from './cart-page.js';
import { initCategoryGrid } from './category-grid.js';
import { initCheckoutPage } from './checkout-page.js';
import { pushSearch } from './data-layer.js';
import { initItemLists } from './item-lists.js';
import { initOrderPage } from './order-page.js';
import { initProductPage } from './product-page.js';
import { initPushButtons } from './push-button.js';

function initBasketBadge() {
  const badge = document.querySelector('[data-testid="cart-count"]');
  if (!badge) return;
  const update = () => {
    badge.textContent = String(cartCount());
  };
  update();
  window.addEventListener(CART_CHANGED, update);
  window.addEventListener('storage', update);
  window.addEventListener('pageshow', (event) => event.persisted && update()); // back/forward cache
}

function initSearchPage() {
  const term = document.querySelector('[data-search-term]')?.dataset.searchTerm;
  if (term) pushSearch(term);
}

const pages = {
  category: initCategoryGrid,
  product: initProductPage,
  search: initSearchPage,
  cart: initCartPage,
  checkout: initCheckoutPage,
  order: initOrderPage,
};

initBasketBadge();
initPushButtons();
pages[document.body.dataset.page]?.();
initItemLists();
// Tests wait for this instead of sleeping: the page's dataLayer pushes have been made.
document.documentElement.dataset.shopReady = 'true';
