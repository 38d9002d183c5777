import { resolve } from 'node:path';
import { startDemoShop } from '../../../demo-shop/server.ts';
import { importCatalogFile } from '../catalog/import/import-file.ts';
import type { Clock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openMigratedDb } from '../db/client.ts';
import { startServer } from '../main.ts';
import type { CreateAppOptions } from '../app.ts';
import { ensureDemoSite } from './demo-site.ts';
import { ensureDemoAdmin } from '../admin/accounts/demo-admin.ts';
import { demoShopProducts, replayDemoHistory } from './demo-history.ts';
import { publicServerUrl } from '../sites/snippet.ts';

export interface DemoStackOptions {
  env?: NodeJS.ProcessEnv;
  shopPort?: number;
  /** the server's clock (end-to-end tests move it) */
  clock?: Clock;
  /** TLS trust for a test push service (end-to-end tests); a real deployment uses the system's */
  pushAgent?: CreateAppOptions['pushAgent'];
}

/**
 * What `npm start` runs, and what the end-to-end tests run: the server, and the demo shop on a different
 * origin that embeds Shoploop only through the pasted snippet. The database is migrated, the demo site created
 * and its catalog imported on every start (idempotent: an unchanged feed writes nothing).
 */
export async function startDemoStack({ env = process.env, shopPort = Number(env.DEMO_SHOP_PORT ?? 8080), clock, pushAgent }: DemoStackOptions = {}) {
  const config = loadConfig(env);
  const shopOrigin = `http://localhost:${shopPort}`;
  const serverUrl = publicServerUrl(env, config.port);

  const setupDb = await openMigratedDb(config.dbUrl, config.dbAuthToken);
  const site = await ensureDemoSite(setupDb, shopOrigin);
  const catalog = await importCatalogFile(setupDb, site.id, resolve('demo-shop/data/catalog.json'), { baseUrl: shopOrigin });
  const history = await replayDemoHistory(setupDb, site.id, env, () => demoShopProducts(shopOrigin));
  const admin = await ensureDemoAdmin(setupDb, env.SHOPLOOP_DEMO_ADMIN_PASSWORD || undefined, Date.now());
  setupDb.close();

  const server = await startServer(env, clock, pushAgent ? { pushAgent } : {});
  const snippet = `<script async src="${serverUrl}/shoploop.js" data-site="${site.publicKey}"></script>`;
  // the product pages' rating JSON-LD, read by the shop's server from Shoploop's public URL (DEMO_RATINGS_CACHE_MS:
  // how long the shop keeps an answer, 60 s by default; the end-to-end tests set 0 to see a review at once)
  const ratingsCache = env.DEMO_RATINGS_CACHE_MS === undefined ? {} : { cacheMs: Number(env.DEMO_RATINGS_CACHE_MS) };
  const ratings = { api: serverUrl, site: site.publicKey, ...ratingsCache };
  // the one-line file a shop puts at its root for web push (sw/README.md)
  const shop = await startDemoShop({ port: shopPort, snippet, serviceWorker: `importScripts('${serverUrl}/sw.js');`, ratings });
  return {
    site,
    serverUrl,
    shopUrl: shop.url,
    snippet,
    catalog,
    history,
    adminToken: server.adminToken,
    /** the admin app's demo account (demo@shoploop.local) */
    admin,
    db: server.db,
    stop: async () => {
      await shop.close();
      await server.stop();
    },
  };
}
