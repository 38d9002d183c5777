import { beforeEach, expect, test } from 'vitest';
import { findProduct } from './product.ts';

const page = (...blocks: string[]) => {
  document.head.innerHTML = blocks.map((block) => `<script type="application/ld+json">${block}</script>`).join('');
  document.body.innerHTML = '';
};

beforeEach(() => history.replaceState(null, '', '/products/anvil'));

test('a plain Product: offers object, brand object, image list, availability URL', () => {
  page(
    JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Executive Anvil',
      image: ['https://cdn.example/anvil-1.jpg', 'https://cdn.example/anvil-2.jpg'],
      sku: '0446310786',
      brand: { '@type': 'Brand', name: 'ACME' },
      category: 'Tools > Anvils',
      offers: {
        '@type': 'Offer',
        url: 'https://shop.example/anvil',
        priceCurrency: 'USD',
        price: '119.99',
        availability: 'https://schema.org/InStock',
      },
    }),
  );
  expect(findProduct()).toEqual({
    item_id: '0446310786',
    item_name: 'Executive Anvil',
    price: '119.99',
    currency: 'USD',
    item_brand: 'ACME',
    item_category: 'Tools > Anvils',
    image: 'https://cdn.example/anvil-1.jpg',
    url: 'https://shop.example/anvil',
    availability: 'https://schema.org/InStock',
  });
});

test('WooCommerce/Yoast: a @graph with the Product among other nodes, offers as a list', () => {
  page(
    JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': 'https://shop.example/p/#webpage', name: 'Hoodie – Shop' },
        { '@type': 'Organization', name: 'Shop' },
        {
          '@type': 'Product',
          '@id': 'https://shop.example/p/#product',
          name: 'Hoodie',
          url: 'https://shop.example/p/',
          image: { '@type': 'ImageObject', url: 'https://shop.example/hoodie.jpg' },
          sku: 47,
          brand: 'Woo',
          offers: [
            {
              '@type': 'Offer',
              price: '45.00',
              priceCurrency: 'EUR',
              availability: 'http://schema.org/OutOfStock',
              priceSpecification: { price: '45.00', priceCurrency: 'EUR' },
            },
          ],
        },
      ],
    }),
  );
  expect(findProduct()).toMatchObject({
    item_id: 47,
    item_name: 'Hoodie',
    price: '45.00',
    currency: 'EUR',
    item_brand: 'Woo',
    image: 'https://shop.example/hoodie.jpg',
    url: 'https://shop.example/p/',
    availability: 'http://schema.org/OutOfStock',
  });
});

test('a top-level array, an AggregateOffer (lowPrice) and productID', () => {
  page(
    JSON.stringify([
      { '@type': 'BreadcrumbList', itemListElement: [] },
      {
        '@type': ['Product', 'Thing'],
        productID: 'isbn:123',
        name: 'Book',
        offers: { '@type': 'AggregateOffer', lowPrice: 9.5, highPrice: 20, priceCurrency: 'GBP', offerCount: 3 },
      },
    ]),
  );
  expect(findProduct()).toMatchObject({ item_id: 'isbn:123', item_name: 'Book', price: 9.5, currency: 'GBP' });
});

test('Shopify: a ProductGroup is its productGroupID with its first variant offer; relative images become absolute', () => {
  page(
    JSON.stringify({
      '@context': 'http://schema.org/',
      '@type': 'ProductGroup',
      '@id': 'https://shop.example/products/tee#product',
      name: 'Tee',
      productGroupID: '7001',
      image: '//cdn.shopify.com/tee.jpg',
      hasVariant: [
        { '@type': 'Product', sku: 'TEE-S', offers: { '@type': 'Offer', price: '25.00', priceCurrency: 'CAD', availability: 'http://schema.org/InStock' } },
        { '@type': 'Product', sku: 'TEE-M', offers: { '@type': 'Offer', price: '26.00', priceCurrency: 'CAD' } },
      ],
    }),
  );
  expect(findProduct()).toMatchObject({
    item_id: '7001',
    item_name: 'Tee',
    price: '25.00',
    currency: 'CAD',
    image: 'http://cdn.shopify.com/tee.jpg',
    availability: 'http://schema.org/InStock',
  });
});

test('a WebPage whose mainEntity is the Product; gtin when there is no sku; the page URL by default', () => {
  page(
    JSON.stringify({
      '@type': 'ItemPage',
      mainEntity: { '@type': 'Product', gtin13: '4006381333931', name: 'Pen', offers: { price: 2, priceCurrency: 'EUR' } },
    }),
  );
  expect(findProduct()).toMatchObject({ item_id: '4006381333931', item_name: 'Pen', url: location.href });
});

test('invalid JSON in one block does not hide a product in another', () => {
  page('{ "@type": "Organization", "name": "Shop", }', JSON.stringify({ '@type': 'Product', sku: 'A1', name: 'Mug' }));
  expect(findProduct()).toMatchObject({ item_id: 'A1', item_name: 'Mug' });
});

test('a category page listing products is not a product view', () => {
  page(
    JSON.stringify({
      '@type': 'ItemList',
      itemListElement: [{ '@type': 'ListItem', position: 1, item: { '@type': 'Product', sku: 'A1', name: 'Mug' } }],
    }),
  );
  expect(findProduct()).toBeUndefined();
});
