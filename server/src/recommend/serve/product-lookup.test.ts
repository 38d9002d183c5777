import { expect, test } from 'vitest';
import { freshDb } from '../../../test/helpers.ts';
import { createSite } from '../../sites/sites.ts';
import { ProductLookup } from './product-lookup.ts';

test('a load reads every product page by page; a reload replaces what the last one read', async () => {
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

  await db.client.execute("UPDATE products SET price = 3 WHERE item_id = 'p0000'");
  await db.client.execute("INSERT INTO products (site_id, item_id, name, first_seen_at, updated_at) VALUES ('s', 'new', 'New mug', 0, 0)");
  const reloading = products.load(db, 's', 2);
  expect(products.get('p0000')?.price).toBe(4.5); // requests meanwhile see the rows of the last load
  await reloading;
  expect(products.loadedAt).toBe(2);
  expect(products.size).toBe(1235);
  expect(products.get('p0000')?.price).toBe(3);
  expect(products.get('new')?.name).toBe('New mug');
});

test('links off the site’s origins and images not over https are dropped; a product without a trusted name is not recommended', async () => {
  const db = await freshDb();
  await createSite(db, { id: 's', name: 'shop', origins: ['https://shop.example'] }, 0);
  await db.client.execute(`INSERT INTO products (site_id, item_id, name, url, image, first_seen_at, updated_at) VALUES
    ('s', 'ok', 'Mug', 'https://shop.example/p/ok', 'https://cdn.example/ok.jpg', 0, 0),
    ('s', 'off', 'Mug', 'https://evil.example/p/off', 'http://cdn.example/off.jpg', 0, 0),
    ('s', 'tricky', 'Mug', 'https://shop.example@evil.example/', 'javascript:alert(1)', 0, 0),
    ('s', 'nameless', NULL, 'https://shop.example/p/nameless', NULL, 0, 0)`);
  const products = new ProductLookup();
  await products.load(db, 's', 1);
  expect(products.get('ok')).toMatchObject({ url: 'https://shop.example/p/ok', image: 'https://cdn.example/ok.jpg' });
  expect(products.get('off')).toMatchObject({ url: null, image: null });
  expect(products.get('tricky')).toMatchObject({ url: null, image: null });
  expect(products.isRecommendable('ok')).toBe(true);
  expect(products.isRecommendable('nameless')).toBe(false);
});
