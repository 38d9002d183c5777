// Try the shop on its own: DEMO_SNIPPET='<script async src="…/shoploop.js" data-site="pk_…"></script>' tsx demo-shop/main.ts
// (and for web push DEMO_SERVICE_WORKER="importScripts('…/sw.js');", served as /shoploop-sw.js; for the product pages'
// rating JSON-LD DEMO_SHOPLOOP_URL=http://localhost:8787 DEMO_SITE_KEY=pk_…)
import { startDemoShop } from './server.ts';

const port = Number(process.env.DEMO_SHOP_PORT ?? 8080);
const snippet = process.env.DEMO_SNIPPET ?? '<!-- paste the Shoploop snippet into DEMO_SNIPPET -->';

const { DEMO_SHOPLOOP_URL: api, DEMO_SITE_KEY: site } = process.env;
const ratings = api && site ? { api, site } : undefined;
const shop = await startDemoShop({ port, snippet, serviceWorker: process.env.DEMO_SERVICE_WORKER, ratings });
console.log(`Loop & Co. demo shop on ${shop.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void shop.close().then(() => process.exit(0)));
}
