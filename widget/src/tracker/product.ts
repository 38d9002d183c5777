import type { Config } from './config.ts';
import type { SchemaNode } from './detect/product.ts';
import { pageUrl } from './detect/spa.ts';

/** What `shoploop-product.js` (widget/src/product/shoploop-product.ts) exports. */
export interface Detector {
  /** The product this page shows, as an item for view_item, or undefined on other pages. */
  findProduct(): SchemaNode | undefined;
}

/**
 * Imports the product detector from the folder the tracker came from (so a proxied tracker brings it along) and
 * hands it the page's product, if it shows one. The browser fetches and runs the module once per page; later
 * imports return the same one. A single-page app that has moved on meanwhile gets its new page's own call instead.
 * Offline or blocked: no product view, nothing thrown.
 */
export const withProduct = (config: Config, onProduct: (item: SchemaNode) => void): void => {
  const page = pageUrl();
  (import(/* @vite-ignore */ config.dir + 'shoploop-product.js') as Promise<Detector>)
    .then((detector) => {
      const item = page == pageUrl() && detector.findProduct();
      if (item) onProduct(item);
    })
    .catch(() => {});
};
