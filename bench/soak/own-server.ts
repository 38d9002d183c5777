import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openMigratedDb } from '../../server/src/db/client.ts';
import { createSite } from '../../server/src/sites/sites.ts';
import { freePort } from '../../e2e/support/free-port.ts';
import { startServer } from '../../faults/support/server-process.ts';

const ORIGIN = 'https://soak-shop.example';
const SITE_KEY = 'pk_soak';

/**
 * `npm run serve` as a shop runs it (models learning, scheduler and campaigns on), in its own process on a
 * fresh database. Its address limit is raised: a shop's visitors come from many addresses, the soak from one.
 */
export async function startOwnServer() {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-soak-'));
  const dbUrl = `file:${join(dir, 'soak.db')}`;
  const db = await openMigratedDb(dbUrl);
  await createSite(db, { name: 'Soak shop', origins: [ORIGIN], publicKey: SITE_KEY }, Date.now());
  db.close();

  const adminToken = randomBytes(24).toString('base64url');
  const server = await startServer(await freePort(), { SHOPLOOP_DB_URL: dbUrl, SHOPLOOP_ADMIN_TOKEN: adminToken, SHOPLOOP_RATE_IP_PER_MIN: '100000000' });
  return {
    target: { url: server.url, siteKey: SITE_KEY, origin: ORIGIN, adminToken },
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
