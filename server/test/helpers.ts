import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createApp, type CreateAppOptions } from '../src/app.ts';
import { ManualClock } from '../src/clock.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { openMigratedDb, type Db } from '../src/db/client.ts';
import { sha256 } from '../src/sites/keys.ts';
import { createSite } from '../src/sites/sites.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A fresh libSQL file built by the real migrations, removed after the test. */
export async function freshDb(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-test-'));
  const db = await openMigratedDb(`file:${join(dir, 'test.db')}`);
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

export const ADMIN_TOKEN = 'test-admin-token';
export const SHOP_ORIGIN = 'https://shop.example';
export const SITE_KEY = 'pk_test';

/** A migrated database, one site for https://shop.example, and the app over them, on a manual clock. */
export async function testApp(overrides: Partial<Config> = {}, appOptions: Pick<CreateAppOptions, 'pushAgent'> = {}) {
  const db = await freshDb();
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 12));
  const site = await createSite(db, { name: 'Test shop', origins: [SHOP_ORIGIN], id: 'site_test', publicKey: SITE_KEY }, clock.now());
  const config = { ...loadConfig({}), ...overrides };
  const shoploop = createApp({ db, clock, config, adminTokenHash: sha256(ADMIN_TOKEN), ...appOptions });
  cleanups.push(() => shoploop.close());
  const admin = async <T = unknown>(path: string): Promise<{ status: number; body: T }> => {
    const res = await shoploop.app.request(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    return { status: res.status, body: (await res.json()) as T };
  };
  return { db, clock, site, config, app: shoploop.app, admin, scheduler: shoploop.deps.scheduler, deps: shoploop.deps };
}

let seq = 0;
/** A valid collector event; override any field. */
export function event(name: string, params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  seq++;
  return { id: `e${Date.now().toString(36)}${seq}`, name, ts: Date.UTC(2026, 10, 23, 12) + seq, sid: 's1', url: `${SHOP_ORIGIN}/`, params, ...extra };
}

export function batch(events: unknown[], extra: Record<string, unknown> = {}) {
  return { site: SITE_KEY, vid: 'v1', tz: 'Europe/London', v: 'test', events, ...extra };
}

/** POSTs to the collector the way the tracking script does (text/plain JSON, with an Origin). */
export async function postCollect(app: { request: (p: string, i: RequestInit) => Response | Promise<Response> }, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return app.request('/v1/collect', {
    method: 'POST',
    headers: { 'content-type': 'text/plain', origin: SHOP_ORIGIN, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
