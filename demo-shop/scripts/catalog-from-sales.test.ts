import { describe, expect, test } from 'vitest';
import { catalogFromSales } from './catalog-from-sales.ts';
import { isProductSale, mostFrequent, type ProductSales } from './read-sales.ts';

function sales(stockCode: string, orders: number, overrides: Partial<ProductSales> = {}): ProductSales {
  return {
    stockCode,
    orders,
    units: orders * 6,
    descriptions: new Map([[`PRODUCT ${stockCode}`, orders]]),
    prices: new Map([[1.25, orders]]),
    lastSold: '2011-12-01 10:00:00',
    ...overrides,
  };
}

const line = {
  InvoiceNo: '536365',
  StockCode: '85123A',
  Description: 'WHITE HANGING HEART T-LIGHT HOLDER',
  Quantity: '6',
  InvoiceDate: '2010-12-01 08:26:00',
  UnitPrice: '2.55',
};

describe('isProductSale', () => {
  test('keeps an ordinary product sale', () => {
    expect(isProductSale(line)).toBe(true);
  });

  test.each([
    ['a cancellation', { InvoiceNo: 'C536379' }],
    ['postage', { StockCode: 'POST', Description: 'POSTAGE' }],
    ['a manual line', { StockCode: 'M', Description: 'Manual' }],
    ['bank charges', { StockCode: 'BANK CHARGES', Description: 'Bank Charges' }],
    ['a gift voucher', { StockCode: 'gift_0001_20', Description: 'Dotcomgiftshop Gift Voucher £20.00' }],
    ['a free line', { UnitPrice: '0' }],
    ['a negative price', { UnitPrice: '-11062.06' }],
    ['a return', { Quantity: '-2' }],
    ['a blank description', { Description: '' }],
    ['a stock note', { Description: 'mailout' }],
  ])('drops %s', (_, change) => {
    expect(isProductSale({ ...line, ...change })).toBe(false);
  });
});

describe('mostFrequent', () => {
  test('picks the most frequent key, the smaller one on a tie', () => {
    expect(mostFrequent(new Map([[2.55, 3], [2.95, 9], [3.25, 1]]))).toBe(2.95);
    expect(mostFrequent(new Map([[2.95, 4], [2.55, 4]]))).toBe(2.55);
  });
});

describe('catalogFromSales', () => {
  test('keeps the best sellers by orders, ranked from 1', () => {
    const catalog = catalogFromSales([sales('10001', 5), sales('10002', 50), sales('10003', 20)], { size: 2, outOfStock: 0 });
    expect(catalog.map((i) => [i.item_id, i.popularity])).toEqual([['10002', 1], ['10003', 2]]);
  });

  test('uses the usual description and price, tidied, with links relative to the shop', () => {
    const [item] = catalogFromSales(
      [sales('85123A', 10, {
        descriptions: new Map([['WHITE HANGING HEART T-LIGHT HOLDER', 9], ['CREAM HANGING HEART T-LIGHT HOLDER', 1]]),
        prices: new Map([[2.55, 7], [2.95, 8], [3.24, 2]]),
      })],
      { size: 1, outOfStock: 0 },
    );
    expect(item).toEqual({
      item_id: '85123A',
      item_name: 'White Hanging Heart T-Light Holder',
      price: 2.95,
      currency: 'GBP',
      item_category: 'Candles & Lights',
      item_brand: 'Loop & Co.',
      availability: 'in_stock',
      image: '/images/85123A.svg',
      url: '/product/85123A',
      popularity: 1,
    });
  });

  test('marks the products sold longest ago as out of stock', () => {
    const catalog = catalogFromSales(
      [sales('10001', 9, { lastSold: '2011-03-01 09:00:00' }), sales('10002', 8), sales('10003', 7, { lastSold: '2011-05-01 09:00:00' })],
      { size: 3, outOfStock: 1 },
    );
    expect(catalog.filter((i) => i.availability === 'out_of_stock').map((i) => i.item_id)).toEqual(['10001']);
  });
});
