import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { limits } from '../../collect/vocabulary.ts';
import { parseQuery } from '../../http/parse-json-body.ts';
import { readTextCapped } from '../../http/read-body.ts';
import { itemIdSources } from './order-events.ts';
import { receiveShopifyWebhook } from './receive-webhook.ts';

/** An order of a few hundred lines, with every price set, tax and discount line Shopify adds, stays well under this. */
export const MAX_WEBHOOK_BYTES = 4 * 1024 * 1024;

const query = z.object({
  site: z.string().min(1).max(limits.idLength),
  /** which line id is the item id (order-events.ts): product (default), variant or sku */
  item: z.enum(itemIdSources).default('product'),
});

/** Shopify's order webhooks, server to server: no browser ever calls these, so no CORS and no origin rule. */
export function shopifyRoutes(deps: Pick<AppDeps, 'db' | 'writer' | 'clock'>) {
  // POST /integrations/shopify/orders?site=SITE_ID[&item=product|variant|sku] — orders/create, orders/paid,
  // orders/cancelled and refunds/create deliveries, signed with the site's Shopify secret
  return new Hono().post('/shopify/orders', async (c) => {
    const q = parseQuery(c, query);
    const answer = await receiveShopifyWebhook(deps, {
      siteId: q.site,
      itemIdSource: q.item,
      topic: c.req.header('x-shopify-topic'),
      signature: c.req.header('x-shopify-hmac-sha256'),
      readBody: () => readTextCapped(c, MAX_WEBHOOK_BYTES),
    });
    return c.json(answer);
  });
}
