/**
 * gzip -9 budgets of the built widget files, in bytes: the tracker is on every page of every shop; the blocks' UI
 * (Preact inside) only on pages with a recommendation block. widget/size.test.ts enforces them; `npm run bench`
 * prints them beside the sizes.
 */
export const sizeBudgets: Record<string, number> = {
  'shoploop.js': 3000,
  'shoploop-ui.js': 12_000,
  // the product detector (JSON-LD, microdata, Open Graph, platform script data), imported on every page view
  'shoploop-product.js': 1_500,
  // the soft prompt for web push (workbox-window and idb inside), imported by the UI at a moment of intent
  'shoploop-push.js': 6_000,
  // reviews, rating stars and the review card, imported by the UI on pages with one, or for a buyer's requests
  'shoploop-reviews.js': 7_000,
  // the push service worker (idb inside), fetched once by the browser when the visitor subscribes
  'sw.js': 3_500,
};
