import { afterAll, expect, test } from 'vitest';
import { bridgeDataLayer } from '../src/tracker/detect/datalayer.ts';
import { findProduct } from '../src/tracker/detect/product.ts';
import { cleanParams } from '../src/tracker/params.ts';
import { corpus, pageHtml, report, score, type CorpusPage } from './pages/corpus.ts';

/**
 * Loads a saved page as the current document at the address it was saved from. happy-dom runs no scripts, so the
 * page's inline scripts that hand the tracker data (a dataLayer, Shopify's analytics meta) are run here, each on
 * its own and failing quietly, as a browser would run them before the tracker looks. e2e/real-pages.test.ts loads
 * pages in Chromium with every script.
 */
const load = (page: CorpusPage) => {
  (window as any).happyDOM.setURL(page.url);
  delete window.dataLayer;
  delete window.ShopifyAnalytics;
  const parsed = new DOMParser().parseFromString(pageHtml(page), 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  for (const script of document.querySelectorAll('script:not([src])')) {
    const code = script.textContent ?? '';
    if (!/dataLayer|ShopifyAnalytics/.test(code) || /^application\/(ld\+)?json$/.test((script as HTMLScriptElement).type)) continue;
    try {
      new Function(code)();
    } catch {}
  }
};

/**
 * The product view the tracker reports on this page: the detector's (shoploop-product.js), else the first view_item
 * the dataLayer bridge mirrors, cleaned as the tracker sends it.
 */
const productView = (page: CorpusPage) => {
  load(page);
  const views: unknown[] = [];
  const item = findProduct();
  if (item) views.push(item);
  bridgeDataLayer((name, params) => name == 'view_item' && views.push(...((params as any)?.items ?? [])));
  return cleanParams({ items: views }).items?.[0] as Record<string, unknown> | undefined;
};

const views = new Map<CorpusPage, Record<string, unknown> | undefined>();

test.each(corpus.pages.map((page) => [page.file, page] as const))('%s', (_file, page) => {
  views.set(page, productView(page));
  if (page.kind == 'listing') expect(views.get(page)).toBeUndefined();
});

test(`every field is right on at least ${corpus.goal * 100} % of the product pages; no listing page is a product view`, () => {
  const result = score(views);
  console.log(report(`real pages in happy-dom (${corpus.pages.length} pages)`, result, views));
  for (const [field, { share }] of Object.entries(result.held)) expect(share, field).toBeGreaterThanOrEqual(corpus.goal);
  expect(result.unpinned.map((page) => page.file), 'pages whose wrong fields are not their recorded limitation').toEqual([]);
  expect(result.listingViews.map((page) => page.file)).toEqual([]);
});

afterAll(() => (window as any).happyDOM.setURL('http://localhost:3000/'));
