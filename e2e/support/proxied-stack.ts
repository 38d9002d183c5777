import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoShop } from '../../demo-shop/server.ts';
import { importCatalogFile } from '../../server/src/catalog/import/import-file.ts';
import { DEMO_SITE_KEY, ensureDemoSite } from '../../server/src/cli/demo-site.ts';
import { openMigratedDb } from '../../server/src/db/client.ts';
import { startServer } from '../../server/src/main.ts';
import { freePort } from './free-port.ts';
import { startNginx } from './nginx.ts';
import { siteEvents } from './site-events.ts';
import { E2E_ADMIN_TOKEN } from './stack.ts';

/** The README's first-party tag (`<script … src="/sl/shoploop.js" … data-api="/sl">`), with the site's key. */
export function readmeFirstPartyTag(publicKey: string, readme = readFileSync(resolve('README.md'), 'utf8')): string {
  const tag = readme.match(/`(<script async src="\/sl\/shoploop\.js"[^`]*><\/script>)`/)?.[1];
  if (!tag || !tag.includes('data-site="pk_…"')) throw new Error('README.md has no first-party tag with data-site="pk_…"');
  return tag.replace('pk_…', publicKey);
}

/**
 * The shop as the README's first-party set-up has it: one origin (nginx, from the README's own lines) serving
 * the demo shop's pages at `/` and Shoploop at `/sl/`, the tag pasted as the README writes it, and the server
 * run with SHOPLOOP_TRUST_PROXY=1. The demo site allows only nginx's origin.
 */
export async function startProxiedStack() {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-e2e-proxy-'));
  const serverPort = await freePort();
  const env = {
    ...process.env,
    SHOPLOOP_DB_URL: `file:${join(dir, 'e2e.db')}`,
    SHOPLOOP_PORT: String(serverPort),
    SHOPLOOP_HOST: '127.0.0.1',
    SHOPLOOP_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
    SHOPLOOP_TRUST_PROXY: '1',
    SHOPLOOP_SCHEDULER_INTERVAL_MS: '200',
  };
  const stops: Array<() => Promise<void>> = [async () => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    while (stops.length) await stops.pop()!().catch((error: unknown) => console.error('proxied stack: stop failed', error));
  };
  try {
    // the shop's pages need the tag, the tag the site's key, the site nginx's origin: the demo site's key is fixed
    const shop = await startDemoShop({ port: 0, hostname: '127.0.0.1', snippet: readmeFirstPartyTag(DEMO_SITE_KEY) });
    stops.push(() => shop.close());
    const nginx = await startNginx({ shopUrl: shop.url, shoploopPort: serverPort });
    stops.push(() => nginx.stop());

    const setupDb = await openMigratedDb(env.SHOPLOOP_DB_URL);
    const site = await ensureDemoSite(setupDb, nginx.url);
    await importCatalogFile(setupDb, site.id, resolve('demo-shop/data/catalog.json'), { baseUrl: nginx.url });
    setupDb.close();

    const server = await startServer(env);
    stops.push(() => server.stop());
    const serverUrl = `http://127.0.0.1:${serverPort}`;
    return { shopUrl: nginx.url, serverUrl, directShopUrl: shop.url, site, events: siteEvents(serverUrl, site.id), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
