import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCatalog } from '../../../demo-shop/catalog.ts';
import type { Db } from '../db/client.ts';
import { replayUci } from '../replay/replay-uci.ts';
import type { ShopProducts } from '../replay/shop-products.ts';
import { seedDemoReviews, type DemoReviews } from './demo-reviews.ts';

export const UCI_FILE = resolve('../shared/data/uci_online_retail/onlineretail.csv.gz');

export type DemoHistory = { replayed: false; reason: string } | { replayed: true; people: number; seconds: number; reviews: DemoReviews };

/** the best sellers that get seeded reviews: the home page's and the top of every department's listing */
const REVIEWED_PRODUCTS = 24;

/**
 * The demo shop's products as its pages describe them, from its catalog (item ids are the UCI stock codes;
 * `url` and `image` made absolute on the shop's origin).
 */
export function demoShopProducts(shopOrigin: string): ShopProducts {
  return new Map(
    loadCatalog().map(({ popularity: _, ...item }) => [item.item_id, { ...item, url: new URL(item.url, shopOrigin).href, image: new URL(item.image, shopOrigin).href }]),
  );
}

/**
 * A year of a real shop's customers for the demo admin, replayed once into a new demo database: a slice of
 * the UCI Online Retail orders spread over the year, dated so the year ends now, keeping only the lines of
 * products the demo shop sells, described as its pages describe them (else the replay would teach the catalog
 * a thousand products the shop has no page for, and the file's raw names over the shop's). Then some of those
 * buyers review the best sellers (demo-reviews.ts). Skipped when the data is absent, when the site already has
 * events, or with DEMO_HISTORY=0 (the end-to-end tests set it).
 */
export async function replayDemoHistory(db: Db, siteId: string, env: NodeJS.ProcessEnv, products: () => ShopProducts): Promise<DemoHistory> {
  if (env.DEMO_HISTORY === '0') return { replayed: false, reason: 'DEMO_HISTORY=0' };
  if (!existsSync(UCI_FILE)) return { replayed: false, reason: `no ${UCI_FILE} (see ../shared/data)` };
  const any = await db.client.execute({ sql: 'SELECT 1 FROM events WHERE site_id = ? LIMIT 1', args: [siteId] });
  if (any.rows.length > 0) return { replayed: false, reason: 'the demo site already has events' };
  const started = performance.now();
  const people = Number(env.DEMO_HISTORY_PEOPLE ?? 150);
  console.log(`Replaying ${people} customers' year of orders from the UCI Online Retail data for the demo admin…`);
  const now = Date.now();
  await replayUci(db, { file: UCI_FILE, siteId, limitCustomers: people, products: products(), now });
  const bestSellers = loadCatalog()
    .sort((a, b) => a.popularity - b.popularity)
    .slice(0, REVIEWED_PRODUCTS)
    .map((item) => item.item_id);
  const reviews = await seedDemoReviews(db, siteId, bestSellers, now);
  return { replayed: true, people, reviews, seconds: (performance.now() - started) / 1000 };
}
