/** Storefront-like batches for load: a page view, a few product views, a cart add — ~10 events, 1–2 items each. */
const names = ['page_view', 'view_item', 'view_item', 'view_item_list', 'page_view', 'view_item', 'add_to_cart', 'view_item', 'page_view', 'view_cart'] as const;

let counter = 0;

export function realisticBatch(siteKey: string, visitor: number, origin: string) {
  const vid = `bench-v${visitor}`;
  const base = Date.now();
  const events = names.map((name, i) => {
    counter++;
    const sku = `SKU-${(counter * 7919) % 5000}`;
    const items = name === 'page_view' ? undefined : [{ item_id: sku, item_name: `Product ${sku}`, price: 3.95, currency: 'GBP', quantity: 1, item_category: 'Home Decor' }];
    return {
      id: `${base.toString(36)}-${process.pid}-${counter}`,
      name,
      ts: base + i,
      sid: `${vid}-s1`,
      url: `${origin}/product/${sku}`,
      ref: i === 0 ? 'https://www.google.com/' : `${origin}/`,
      params: items ? { items } : {},
    };
  });
  return { site: siteKey, vid, tz: 'Europe/London', v: 'bench', events };
}
