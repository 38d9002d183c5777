import { beforeEach, expect, test } from 'vitest';
import { findProduct } from './product.ts';

beforeEach(() => {
  history.replaceState(null, '', '/products/anvil');
  document.head.innerHTML = '';
});

test('schema.org microdata: nested brand, offer and review; the product keeps its own name', () => {
  document.body.innerHTML = `
    <main itemscope itemtype="https://schema.org/Product">
      <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><meta itemprop="name" content="ACME"></div>
      <h1 itemprop="name">
        Executive Anvil
      </h1>
      <img itemprop="image" src="/img/anvil.jpg" alt="">
      <meta itemprop="sku" content="0446310786">
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
        <span itemprop="priceCurrency" content="USD">$</span><span itemprop="price" content="119.99">119.99</span>
        <link itemprop="availability" href="https://schema.org/InStock">In stock
      </div>
      <div itemprop="review" itemscope itemtype="https://schema.org/Review">
        <span itemprop="name">Not a happy camper</span>
      </div>
    </main>`;
  expect(findProduct()).toEqual({
    item_id: '0446310786',
    item_name: 'Executive Anvil',
    price: '119.99',
    currency: 'USD',
    item_brand: 'ACME',
    item_category: undefined,
    image: location.origin + '/img/anvil.jpg',
    url: location.href,
    availability: 'https://schema.org/InStock',
  });
});

test('http:// itemtype, price as text, productID', () => {
  document.body.innerHTML = `
    <div itemscope itemtype="http://schema.org/Product">
      <span itemprop="productID">P-9</span><span itemprop="name">Kettle</span>
      <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price">35.5</span></div>
    </div>`;
  expect(findProduct()).toMatchObject({ item_id: 'P-9', item_name: 'Kettle', price: '35.5' });
});

test('JSON-LD wins over microdata', () => {
  document.head.innerHTML = `<script type="application/ld+json">{"@type":"Product","sku":"JSON","name":"From JSON-LD"}</script>`;
  document.body.innerHTML = `<div itemscope itemtype="https://schema.org/Product"><span itemprop="sku">MD</span></div>`;
  expect(findProduct()).toMatchObject({ item_id: 'JSON' });
});
