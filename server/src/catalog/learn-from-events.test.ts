import { describe, expect, test } from 'vitest';
import { batch, event, postCollect, testApp } from '../../test/helpers.ts';

const mug = { item_id: 'SKU-1', item_name: 'White Mug', price: 4.5, currency: 'GBP', item_category: 'Kitchen', item_brand: 'Loop', image: 'https://shop.example/i/1.png', url: 'https://shop.example/p/1', availability: 'in_stock' };

/** what three visitors' pages say alike: the fewest that make a value trusted by default (catalog/trust/) */
async function fromThree(app: Parameters<typeof postCollect>[0], events: () => unknown[]) {
  for (const vid of ['v1', 'v2', 'v3']) await postCollect(app, batch(events(), { vid }));
}

type ProductBody = { product: Record<string, unknown>; history: Array<{ field: string; oldValue: string | null; newValue: string; source: string }> };

describe('catalog learned from events', () => {
  test('a viewed product is created with every field it carried', async () => {
    const { app, admin } = await testApp();
    await fromThree(app, () => [event('view_item', { items: [mug] })]);
    const { status, body } = await admin<ProductBody>('/admin/api/sites/site_test/products/SKU-1');
    expect(status).toBe(200);
    expect(body.product).toMatchObject({ itemId: 'SKU-1', name: 'White Mug', price: 4.5, currency: 'GBP', category: 'Kitchen', brand: 'Loop', availability: 'in_stock', url: mug.url, image: mug.image });
    expect(body.history.map((h) => h.field).sort()).toEqual(['availability', 'brand', 'category', 'currency', 'image', 'name', 'price', 'url']);
    expect(body.history.every((h) => h.oldValue === null && h.source === 'event')).toBe(true);
  });

  test('a price drop and a restock are kept in the history, oldest first', async () => {
    const { app, admin, clock } = await testApp();
    await fromThree(app, () => [event('view_item', { items: [{ ...mug, availability: 'out_of_stock' }] })]);
    clock.advance(60_000);
    await fromThree(app, () => [event('view_item', { items: [{ ...mug, price: 3.99, availability: 'out_of_stock' }] })]);
    clock.advance(60_000);
    await fromThree(app, () => [event('view_item', { items: [{ ...mug, price: 3.99, availability: 'in_stock' }] })]);
    const { body } = await admin<ProductBody>('/admin/api/sites/site_test/products/SKU-1');
    expect(body.product).toMatchObject({ price: 3.99, availability: 'in_stock' });
    const later = body.history.filter((h) => h.oldValue !== null);
    expect(later.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ['price', '4.5', '3.99'],
      ['availability', 'out_of_stock', 'in_stock'],
    ]);
  });

  test('an event without some fields never erases what is known', async () => {
    const { app, admin } = await testApp();
    await fromThree(app, () => [event('view_item', { items: [mug] })]);
    await postCollect(app, batch([event('add_to_cart', { items: [{ item_id: 'SKU-1', quantity: 2 }] })]));
    const { body } = await admin<ProductBody>('/admin/api/sites/site_test/products/SKU-1');
    expect(body.product).toMatchObject({ name: 'White Mug', price: 4.5, image: mug.image });
    expect(body.history).toHaveLength(8);
  });

  test('a repeated observation records no change; several items in one event are all learned', async () => {
    const { app, admin } = await testApp();
    const other = { item_id: 'SKU-2', item_name: 'Tea Towel', price: 2 };
    await fromThree(app, () => [event('view_item_list', { items: [mug, other] })]);
    await fromThree(app, () => [event('view_item_list', { items: [mug, other] })]);
    const list = await admin<{ products: Array<{ itemId: string }> }>('/admin/api/sites/site_test/products');
    expect(list.body.products.map((p) => p.itemId).sort()).toEqual(['SKU-1', 'SKU-2']);
    const { body } = await admin<ProductBody>('/admin/api/sites/site_test/products/SKU-2');
    expect(body.history).toHaveLength(2); // name and price, once
  });
});
