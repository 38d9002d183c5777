import { beforeEach, expect, test } from 'vitest';
import { cleanParams } from '../params.ts';
import { findProduct } from './product.ts';

// The classes of real pages the detector used to miss (issue 11), one test each. What is sent is the item as
// cleanParams keeps it, so that is what these compare.

const ld = (...blocks: unknown[]) =>
  blocks.map((block) => `<script type="application/ld+json">${JSON.stringify(block)}</script>`).join('');
const page = (head: string, body = '', title = 'Shop') => {
  document.head.innerHTML = `<title>${title}</title>${head}`;
  document.body.innerHTML = body;
};
const sent = () => {
  const item = findProduct();
  return item && cleanParams({ items: [item] }).items?.[0];
};

beforeEach(() => {
  history.replaceState(null, '', '/products/anvil?utm_source=mail');
  delete window.dataLayer;
  delete window.ShopifyAnalytics;
});

test('no sku: productID, mpn, a gtin, the offer sku, else the canonical URL; empty values are skipped', () => {
  const product = { '@type': 'Product', name: 'Anvil', sku: '', offers: { price: '10', priceCurrency: 'EUR' } };
  page(ld({ ...product, mpn: 'MPN-1', gtin13: '4006381333931' }));
  expect(sent()).toMatchObject({ item_id: 'MPN-1' });
  page(ld({ ...product, gtin14: '14006381333938' }));
  expect(sent()).toMatchObject({ item_id: '14006381333938' });
  page(ld({ ...product, offers: { ...product.offers, sku: 'OFFER-SKU' } }));
  expect(sent()).toMatchObject({ item_id: 'OFFER-SKU' });
  page(ld(product) + '<link rel="canonical" href="https://shop.example/products/anvil">');
  expect(sent()).toMatchObject({ item_id: 'https://shop.example/products/anvil', url: 'https://shop.example/products/anvil' });
});

test('the Product nested in a review, in @graph, as mainEntity; a variant takes what it lacks from isVariantOf', () => {
  page(ld({ '@type': 'Review', itemReviewed: { '@type': 'Product', sku: 'R1', name: 'Reviewed' }, author: 'Ann' }));
  expect(sent()).toMatchObject({ item_id: 'R1', item_name: 'Reviewed' });
  page(ld({ '@graph': [{ '@type': 'WebPage', mainEntity: { '@type': 'Product', sku: 'G1', name: 'In graph' } }] }));
  expect(sent()).toMatchObject({ item_id: 'G1' });
  page(
    ld({
      '@type': 'Product',
      sku: 'TEE-M',
      isVariantOf: { '@type': 'ProductGroup', name: 'Tee', brand: { name: 'Loop' }, productGroupID: '7001' },
      offers: { price: '25.00', priceCurrency: 'CAD', availability: 'https://schema.org/InStock' },
    }),
  );
  expect(sent()).toEqual(expect.objectContaining({ item_id: 'TEE-M', item_name: 'Tee', item_brand: 'Loop', price: 25, currency: 'CAD', availability: 'in_stock' }));
});

test('a ProductGroup is its productGroupID, priced by its first variant', () => {
  page(
    ld({
      '@type': 'ProductGroup',
      name: 'Tee',
      productGroupID: '7001',
      hasVariant: [{ '@type': 'Product', sku: 'TEE-S', offers: { price: '25.00', priceCurrency: 'CAD' } }],
    }),
  );
  expect(sent()).toMatchObject({ item_id: '7001', item_name: 'Tee', price: 25, currency: 'CAD' });
});

test('microdata with an AggregateOffer, and with several offers (the first counts); prices as text with symbols', () => {
  page(
    '',
    `<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Kettle</span><meta itemprop="sku" content="K1">
      <div itemprop="offers" itemscope itemtype="https://schema.org/AggregateOffer">
        <span itemprop="lowPrice">€ 1.299,00</span><meta itemprop="priceCurrency" content="EUR"></div></div>`,
  );
  expect(sent()).toMatchObject({ item_id: 'K1', price: 1299, currency: 'EUR' });
  page(
    '',
    `<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Lamp</h1><span itemprop="productID">L1</span>
      <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price">$1,049.50</span></div>
      <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price">999.00</span></div></div>`,
  );
  expect(sent()).toMatchObject({ item_id: 'L1', item_name: 'Lamp', price: 1049.5 });
});

test("Open Graph product.item with Shopify's og:price:*, a comma decimal, and an invalid currency dropped", () => {
  page(
    `<meta property="og:type" content="product.item"><meta property="og:title" content="Tee">
     <meta property="og:price:amount" content="19,90"><meta property="og:price:currency" content="€">
     <meta property="product:retailer_item_id" content="TEE">`,
  );
  const item = sent();
  expect(item).toMatchObject({ item_id: 'TEE', item_name: 'Tee', price: 19.9 });
  expect(item).not.toHaveProperty('currency');
});

test('a sale price beside the list price: the offer price, not its priceSpecification', () => {
  page(
    ld({
      '@type': 'Product',
      sku: 'S1',
      offers: { price: '15.00', priceCurrency: 'GBP', priceSpecification: { '@type': 'UnitPriceSpecification', priceType: 'https://schema.org/ListPrice', price: '20.00' } },
    }),
  );
  expect(sent()).toMatchObject({ price: 15, currency: 'GBP' });
});

test('a category page full of products is no product view: JSON-LD Products, microdata tiles; a product page naming one is', () => {
  const tile = (n: number) => `<li itemscope itemtype="http://schema.org/Product"><a itemprop="name">Mug ${n}</a><meta itemprop="sku" content="M${n}"></li>`;
  page('', `<ul>${[1, 2, 3].map(tile).join('')}</ul>`, 'Mugs – Shop');
  expect(findProduct()).toBeUndefined();
  page(ld(...[1, 2, 3].map((n) => ({ '@type': 'Product', sku: `M${n}`, name: `Mug ${n}` }))), '', 'Mugs – Shop');
  expect(findProduct()).toBeUndefined();
  // a product page: its product, then related products, and the title names it
  page('', `<ul>${[2, 1, 3].map(tile).join('')}</ul>`, 'Mug 2 – Shop');
  expect(sent()).toMatchObject({ item_id: 'M2' });
});

test("Shopify: ShopifyAnalytics.meta alone is the product (price in cents), and it fills in an id the JSON-LD lacks", () => {
  window.ShopifyAnalytics = {
    meta: {
      currency: 'PKR',
      product: { id: 8232304083217, vendor: 'Al Khaleej', type: 'Face wash', variants: [{ id: 44726425026833, price: 61800, name: 'ACNEFON FACE WASH', sku: '' }] },
    },
  };
  page('');
  expect(sent()).toEqual({ item_id: '8232304083217', item_name: 'ACNEFON FACE WASH', price: 618, currency: 'PKR', item_brand: 'Al Khaleej', item_category: 'Face wash' });
  page(ld({ '@type': 'Product', name: 'Acnefon face wash', sku: '', offers: { price: '618.00', priceCurrency: 'PKR' } }));
  expect(sent()).toMatchObject({ item_id: '8232304083217', item_name: 'Acnefon face wash', price: 618 });
});

test("Shopify: a product shown outside the product template takes the meta's currency; no product, no view", () => {
  // a home page featuring one product (Yeezy Supply's, in the saved pages): Shopify's meta has a page type, no product
  window.ShopifyAnalytics = { meta: { currency: 'USD', page: { pageType: 'home' } } as any };
  page('', '<div itemscope itemtype="http://schema.org/Product"><div itemprop="name">Powerphase</div></div>');
  expect(sent()).toMatchObject({ item_name: 'Powerphase', currency: 'USD' });
  page('', '<a href="/products/powerphase">Powerphase</a>');
  expect(sent()).toBeUndefined();
});

test('the price only in the dataLayer: Universal Analytics detail and GA4 view_item fill in the same product', () => {
  window.dataLayer = [{ ecommerce: { currencyCode: 'TWD', detail: { products: [{ id: 'M010053043', name: 'Guide', price: 90, category: 'M01' }] } } }];
  page('<meta property="og:type" content="product"><meta property="og:title" content="Guide">');
  expect(sent()).toMatchObject({ item_id: 'M010053043', item_name: 'Guide', price: 90, currency: 'TWD', item_category: 'M01' });
  window.dataLayer.push({ event: 'view_item', ecommerce: { currency: 'EUR', items: [{ item_id: 'SKU-9', item_name: 'Vase', price: '24,50' }] } });
  page(ld({ '@type': 'Product', name: 'Vase' }));
  expect(sent()).toMatchObject({ item_id: 'SKU-9', item_name: 'Vase', price: 24.5, currency: 'EUR' });
});

test("a single-page app's earlier dataLayer product is not this page's", () => {
  window.dataLayer = [{ event: 'view_item', ecommerce: { items: [{ item_id: 'OLD', item_name: 'Old', price: 5 }] } }];
  page(ld({ '@type': 'Product', name: 'Old' }));
  expect(sent()).toMatchObject({ item_id: 'OLD' }); // the first page view reads it
  page(ld({ '@type': 'Product', name: 'New', sku: 'NEW' })); // the next page view does not again
  expect(sent()).toEqual(expect.not.objectContaining({ price: 5 }));
  page('');
  expect(findProduct()).toBeUndefined();
});

test('a schema.org Car is a product too; SoldOut is out of stock', () => {
  page(ld({ '@type': 'Car', name: 'Model S', sku: 'VIN1', offers: { price: 83900, priceCurrency: 'EUR', availability: 'https://schema.org/SoldOut' } }));
  expect(sent()).toMatchObject({ item_id: 'VIN1', price: 83900, availability: 'out_of_stock' });
  page(ld({ '@type': 'CreditCard', name: 'Card', sku: 'C1' }));
  expect(findProduct()).toBeUndefined();
});
