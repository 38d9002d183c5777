import { Hono } from 'hono';
import { createCatalogIndex } from './catalog-index.ts';
import { loadCatalog, type CatalogItem } from './catalog.ts';
import { cartPage } from './pages/cart.ts';
import { categoryPage } from './pages/category.ts';
import { checkoutPage } from './pages/checkout.ts';
import { homePage } from './pages/home.ts';
import { notFoundResponse } from './pages/not-found.ts';
import { orderPage } from './pages/order.ts';
import { productPage } from './pages/product.ts';
import { searchPage } from './pages/search.ts';
import { productsApi } from './routes/api-products.ts';
import { shopAssets } from './routes/assets.ts';
import { productImages } from './routes/product-images.ts';
import { createRatingSource, type RatingSourceOptions } from './ratings/rating-source.ts';
import { webApp } from './routes/web-app.ts';
import type { ShopContext } from './shop-context.ts';

export type { CatalogItem } from './catalog.ts';

export interface DemoShopOptions {
  /** The HTML the shop owner pasted from Shoploop, put verbatim in every page's <head>. */
  snippet: string;
  /**
   * The one-line file Shoploop asks a shop to put at its root for web push, served verbatim as /shoploop-sw.js:
   * `importScripts('https://HOST/sw.js');`. Without it the shop has no push.
   */
  serviceWorker?: string;
  /** Defaults to demo-shop/data/catalog.json. */
  catalog?: CatalogItem[];
  /**
   * Where the shop's server reads product ratings for its product pages' JSON-LD: Shoploop's URL and the site's
   * public key (the snippet's `src` origin and `data-site`). Without it, product pages carry no rating markup.
   */
  ratings?: RatingSourceOptions;
}

/**
 * The demo storefront. It knows nothing of Shoploop beyond the pasted snippet and, for its product pages' rating
 * markup, Shoploop's public rating URL.
 */
export function createDemoShop({ snippet, serviceWorker, catalog = loadCatalog(), ratings }: DemoShopOptions): Hono {
  const shop: ShopContext = { snippet, catalog: createCatalogIndex(catalog), ...(ratings ? { ratings: createRatingSource(ratings) } : {}) };
  const app = new Hono()
    .route('/', homePage(shop))
    .route('/', categoryPage(shop))
    .route('/', productPage(shop))
    .route('/', searchPage(shop))
    .route('/', cartPage(shop))
    .route('/', checkoutPage(shop))
    .route('/', orderPage(shop))
    .route('/', productsApi(shop))
    .route('/', productImages(shop))
    .route('/', webApp(serviceWorker))
    .route('/', shopAssets());
  app.notFound((c) => notFoundResponse(c, shop));
  app.onError((error, c) => {
    console.error('demo shop error', error);
    return c.text('Something went wrong in the shop.', 500);
  });
  return app;
}
