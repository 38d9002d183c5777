// The built shoploop-product.js: the product detector, an ES module the tracker import()s on every page view
// (widget/src/tracker/product.ts) and asks for the page's product. Kept out of the tracking script so its rules
// (JSON-LD, microdata, Open Graph, Shopify's and the dataLayer's script data) do not weigh on every page of every
// shop; the browser fetches it once and keeps it (a single-page app's later page views reuse the loaded module).
export { findProduct } from '../tracker/detect/product.ts';
