import { describe, expect, test } from 'vitest';
import { createFeedProductReader } from './feed-product.ts';

const now = Date.UTC(2026, 10, 23, 12);
const read = createFeedProductReader({ now });
const readWithBase = createFeedProductReader({ now, baseUrl: new URL('http://localhost:8080') });

describe('field mapping', () => {
  test('GA4 item names', () => {
    expect(
      read({ item_id: 'A', item_name: 'Mug', price: 4.5, currency: 'gbp', item_category: 'Kitchen', item_brand: 'Loop', image: 'https://s.example/a.png', url: 'https://s.example/a', availability: 'in_stock' }),
    ).toEqual({
      ok: true,
      ignored: [],
      product: { itemId: 'A', name: 'Mug', price: 4.5, currency: 'GBP', category: 'Kitchen', brand: 'Loop', image: 'https://s.example/a.png', url: 'https://s.example/a', availability: 'in_stock', saleEndsAt: null },
    });
  });

  test('Google Merchant names, the currency taken from the price', () => {
    const result = read({ id: 'B', title: 'Towel', link: 'https://s.example/b', image_link: 'https://s.example/b.jpg', price: '8.00 GBP', availability: 'out of stock', brand: 'Loop', product_type: 'Home > Linens > Towels', google_product_category: '4077' });
    expect(result).toMatchObject({ ok: true, product: { itemId: 'B', name: 'Towel', price: 8, currency: 'GBP', availability: 'out_of_stock', category: 'Towels', url: 'https://s.example/b', image: 'https://s.example/b.jpg' } });
  });

  test('plain names, with headers in any case and spacing', () => {
    const result = read({ SKU: 'C', Name: 'Plate', 'Image URL': 'https://s.example/c.png', Category: 'Tableware', Price: '3.00', Currency: 'EUR' });
    expect(result).toMatchObject({ ok: true, product: { itemId: 'C', name: 'Plate', image: 'https://s.example/c.png', category: 'Tableware', price: 3, currency: 'EUR' } });
  });

  test('GA4 names win over Merchant names over plain ones; blank values count as absent', () => {
    const result = read({ sku: 'plain', id: 'merchant', item_id: 'ga4', item_name: '  ', title: 'From title', name: 'From name' });
    expect(result).toMatchObject({ ok: true, product: { itemId: 'ga4', name: 'From title' } });
  });

  test('the most specific level of a category path is kept', () => {
    expect(read({ id: 'D', google_product_category: 'Home & Garden > Kitchen & Dining > Tableware' })).toMatchObject({ product: { category: 'Tableware' } });
    expect(read({ id: 'D', item_category: 'Kitchen' })).toMatchObject({ product: { category: 'Kitchen' } });
  });

  test('absent fields stay undefined, so they never erase what is known', () => {
    expect(read({ id: 'E', price: '2 GBP' })).toEqual({ ok: true, ignored: [], product: expect.objectContaining({ itemId: 'E', name: undefined, availability: undefined, image: undefined }) });
  });

  test('unmapped names are listed, normalized', () => {
    expect(read({ id: 'F', Description: 'x', 'g:gtin': '123' }).ignored).toEqual(['description', 'gtin']);
  });

  test('numeric ids from JSON become text', () => {
    expect(read({ id: 123, title: 'Numbered' })).toMatchObject({ ok: true, product: { itemId: '123' } });
  });
});

describe('sale price', () => {
  test('a sale price wins over the price', () => {
    expect(read({ id: 'S', price: '8.00 GBP', sale_price: '6.00 GBP' })).toMatchObject({ product: { price: 6, currency: 'GBP' } });
  });

  test('only inside its effective period', () => {
    const during = '2026-11-20T00:00Z/2026-11-30T00:00Z';
    const later = '2026-12-01T00:00+0000/2026-12-05T00:00+0000';
    expect(read({ id: 'S', price: '8 GBP', sale_price: '6 GBP', sale_price_effective_date: during })).toMatchObject({ product: { price: 6, saleEndsAt: Date.parse('2026-11-30T00:00Z') } });
    expect(read({ id: 'S', price: '8 GBP', sale_price: '6 GBP', sale_price_effective_date: later })).toMatchObject({ product: { price: 8, saleEndsAt: null } });
    expect(read({ id: 'S', price: '8 GBP', sale_price: '6 GBP' })).toMatchObject({ product: { price: 6, saleEndsAt: null } }); // a sale with no end
  });

  test('prices in two currencies are refused', () => {
    expect(read({ id: 'S', price: '8 GBP', sale_price: '6 EUR' })).toEqual({ ok: false, itemId: 'S', ignored: [], reason: 'currencies disagree (price GBP, sale_price EUR)' });
    expect(read({ id: 'S', price: '8 GBP', currency: 'USD' })).toMatchObject({ ok: false, reason: 'currencies disagree (currency USD, price GBP)' });
  });
});

describe('urls', () => {
  test('relative url and image resolve against the base URL', () => {
    expect(readWithBase({ id: 'U', url: '/product/123', image_link: 'images/123.svg' })).toMatchObject({
      ok: true,
      product: { url: 'http://localhost:8080/product/123', image: 'http://localhost:8080/images/123.svg' },
    });
  });

  test('without a base URL a relative one is refused, naming the flag', () => {
    expect(read({ id: 'U', url: '/product/123' })).toEqual({ ok: false, itemId: 'U', ignored: [], reason: 'url: "/product/123" is not an absolute URL (pass --base-url to resolve relative ones)' });
  });

  test('only http(s): a javascript: link never reaches a page', () => {
    expect(readWithBase({ id: 'U', link: 'javascript:alert(1)' })).toMatchObject({ ok: false, reason: 'link: "javascript:alert(1)" is not an http(s) URL' });
  });
});

describe('rejections name the column and the problem', () => {
  test('an id and nothing else', () => {
    expect(read({ id: 'BARE', description: 'not a product field' })).toEqual({
      ok: false,
      itemId: 'BARE',
      ignored: ['description'],
      reason: 'nothing but an id: no name, price, availability or other product field',
    });
  });

  test('no id', () => {
    expect(read({ title: 'Nameless', price: 1 })).toEqual({ ok: false, ignored: [], reason: 'no item id (a value in item_id, id, sku)' });
  });

  test('bounds mirror the collector: names ≤ 300, ids ≤ 128, urls ≤ 2048', () => {
    expect(read({ id: 'N', title: 'x'.repeat(301) })).toMatchObject({ ok: false, itemId: 'N', reason: 'title: longer than 300 characters' });
    expect(read({ id: 'x'.repeat(129) })).toMatchObject({ ok: false, reason: 'id: longer than 128 characters' });
    expect(read({ id: 'N', url: `https://s.example/${'a'.repeat(2040)}` })).toMatchObject({ ok: false, reason: 'url: longer than 2048 characters once resolved' });
    expect(read({ id: 'N', title: 'x'.repeat(300) }).ok).toBe(true);
  });

  test('several problems in one row are all listed', () => {
    expect(read({ ID: 'M', Price: 'free', Availability: 'maybe', Title: { nested: true } })).toEqual({
      ok: false,
      itemId: 'M',
      ignored: [],
      reason: 'Title: must be text; Price: "free" is not a price like 12.50 or 12.50 GBP; Availability: "maybe" is not one of in stock, out of stock, preorder, backorder, discontinued',
    });
  });
});
