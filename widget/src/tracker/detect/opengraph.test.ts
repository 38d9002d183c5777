import { beforeEach, expect, test } from 'vitest';
import { findProduct } from './product.ts';

beforeEach(() => {
  history.replaceState(null, '', '/p/lamp');
  document.body.innerHTML = '';
});

test('Open Graph product tags', () => {
  document.head.innerHTML = `
    <meta property="og:type" content="product">
    <meta property="og:title" content="Desk Lamp">
    <meta property="og:image" content="https://cdn.example/lamp.jpg">
    <meta property="og:image:width" content="1200">
    <meta property="og:url" content="https://shop.example/p/lamp">
    <meta property="product:retailer_item_id" content="LAMP-1">
    <meta property="product:brand" content="Lumen">
    <meta property="product:price:amount" content="49.00">
    <meta property="product:price:currency" content="EUR">
    <meta property="product:availability" content="in stock">`;
  expect(findProduct()).toEqual({
    item_id: 'LAMP-1',
    item_name: 'Desk Lamp',
    price: '49.00',
    currency: 'EUR',
    item_brand: 'Lumen',
    item_category: undefined,
    image: 'https://cdn.example/lamp.jpg',
    url: 'https://shop.example/p/lamp',
    availability: 'in stock',
  });
});

test("Shopify's og:price:* and og:type product.item", () => {
  document.head.innerHTML = `
    <meta property="og:type" content="product.item">
    <meta property="og:title" content="Tee">
    <meta property="og:price:amount" content="25.00">
    <meta property="og:price:currency" content="CAD">
    <meta property="product:retailer_item_id" content="TEE">`;
  expect(findProduct()).toMatchObject({ item_id: 'TEE', price: '25.00', currency: 'CAD' });
});

test('an article is not a product; microdata wins over Open Graph', () => {
  document.head.innerHTML = `<meta property="og:type" content="article"><meta property="og:title" content="Blog">`;
  expect(findProduct()).toBeUndefined();
  document.head.innerHTML = `<meta property="og:type" content="product"><meta property="product:retailer_item_id" content="OG">`;
  document.body.innerHTML = `<div itemscope itemtype="https://schema.org/Product"><meta itemprop="sku" content="MD"></div>`;
  expect(findProduct()).toMatchObject({ item_id: 'MD' });
});
