import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openMigratedDb } from '../../server/src/db/client.ts';
import { createSite } from '../../server/src/sites/sites.ts';
import { freePort } from '../../e2e/support/free-port.ts';

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

  const port = await freePort();
  const adminToken = randomBytes(24).toString('base64url');
  const child = spawn(resolve('node_modules/.bin/tsx'), ['server/src/main.ts'], {
    env: {
      ...process.env,
      SHOPLOOP_DB_URL: dbUrl,
      SHOPLOOP_PORT: String(port),
      SHOPLOOP_HOST: '127.0.0.1',
      SHOPLOOP_ADMIN_TOKEN: adminToken,
      SHOPLOOP_RATE_IP_PER_MIN: '100000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening')) ready();
    });
    child.once('exit', (code) => fail(new Error(`the server exited (${code}) before listening:\n${out}`)));
  });
  child.stdout!.resume();
  return {
    target: { url: `http://127.0.0.1:${port}`, siteKey: SITE_KEY, origin: ORIGIN, adminToken },
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
