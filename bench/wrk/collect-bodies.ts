/**
 * The collector bench's request bodies, as bench/wrk/collect.lua writes them for wrk: the TypeScript twin of
 * that script, so the raw-insert baseline and the latency run store exactly the rows the HTTP runs send.
 * Keep the two in step (collect-bodies.test.ts pins a body both produce).
 *
 * Request n of a run: visitor (n mod 1000) + 1000·⌊n/5000⌋, so a visitor's five batches (a visit) arrive 1,000
 * requests apart, never in one group commit together, as with real visitors; `size` events from a storefront
 * mix (page views, product views, a list, a cart, recommendation-block impressions), rotating with n so every
 * batch size gets the same mix; 5,000 products.
 */
export const ORIGIN = 'http://shop.bench';
export const SITE_KEY = 'pk_bench';
const NAMES = ['page_view', 'view_item', 'rec_impression', 'view_item_list', 'page_view', 'view_item', 'add_to_cart', 'view_item', 'rec_impression', 'view_cart'];

export function collectBody(prefix: string, n: number, size: number): string {
  const vid = `${prefix}-v${(n % 1000) + 1000 * Math.floor(n / 5000)}`;
  const events: string[] = [];
  for (let i = 1; i <= size; i++) {
    const name = NAMES[(n + i) % NAMES.length]!;
    const sku = `SKU-${((n * 20 + i) * 7919) % 5000}`;
    let params = '';
    if (name === 'rec_impression') {
      params = `,"params":{"rec_id":"r${n}-${i}","scenario":"similar","items":[{"item_id":"${sku}"}]}`;
    } else if (name !== 'page_view') {
      params = `,"params":{"items":[{"item_id":"${sku}","item_name":"Product ${sku}","price":3.95,"currency":"GBP","quantity":1,"item_category":"Home Decor"}]}`;
    }
    events.push(`{"id":"${prefix}-${n}-${i}","name":"${name}","ts":1763900000000,"sid":"${vid}-s","url":"${ORIGIN}/product/${sku}","ref":"${ORIGIN}/"${params}}`);
  }
  return `{"site":"${SITE_KEY}","vid":"${vid}","tz":"Europe/London","v":"bench","events":[${events.join(',')}]}`;
}
