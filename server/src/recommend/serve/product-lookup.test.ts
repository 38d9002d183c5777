import { expect, test } from 'vitest';
import { freshDb } from '../../../test/helpers.ts';
import { createSite } from '../../sites/sites.ts';
import { ProductLookup } from './product-lookup.ts';

test('a load reads every product page by page, and keeps what events said while it read', async () => {
  const db = await freshDb();
  await createSite(db, { id: 's', name: 'shop', origins: ['https://shop.example'] }, 0);
  const rows = Array.from({ length: 1234 }, (_, i) => [`p${String(i).padStart(4, '0')}`, i === 7 ? 1 : 0]);
  await db.client.execute({
    sql: `INSERT INTO products (site_id, item_id, name, price, availability, hidden, first_seen_at, updated_at) VALUES ${rows.map(() => `('s', ?, 'Mug', 4.5, 'in_stock', ?, 0, 0)`).join(',')}`,
    args: rows.flat(),
  });
  const products = new ProductLookup();
  await products.load(db, 's', 1);
  expect(products.size).toBe(1234);
  expect(products.get('p1233')).toEqual({ itemId: 'p1233', name: 'Mug', price: 4.5, image: null, url: null, category: null, brand: null, availability: 'in_stock', hidden: false });
  expect(products.isRecommendable('p0007')).toBe(false); // hidden

  // an event ingested while a reload is under way: its page may already have been read
  const reloading = products.load(db, 's', 2);
  products.observe([{ itemId: 'p0000', price: 3 }, { itemId: 'new', name: 'New mug' }]);
  expect(products.get('p0000')?.price).toBe(3); // requests meanwhile see the current rows, patched
  expect(products.loadedAt).toBe(1);
  await reloading;
  expect(products.loadedAt).toBe(2);
  expect(products.size).toBe(1235);
  expect(products.get('p0000')?.price).toBe(3);
  expect(products.get('new')?.name).toBe('New mug');
});
