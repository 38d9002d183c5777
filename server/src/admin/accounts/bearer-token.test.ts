import { expect, test } from 'vitest';
import { createApp, type ShoploopApp } from '../../app.ts';
import { adminTokenHashSource, ensureAdminToken } from '../admin-token.ts';
import { openMigratedDb, type Db } from '../../db/client.ts';
import { dbFileUrl, shoploopCli } from './testing.ts';

/** Two server instances, each with its own connection to one database file, as main.ts builds them. */
async function twoInstances(dbUrl: string, envToken?: string) {
  const instances: Array<{ db: Db; shoploop: ShoploopApp }> = [];
  for (let i = 0; i < 2; i++) {
    const db = await openMigratedDb(dbUrl);
    const shoploop = createApp({ db, adminTokenHash: adminTokenHashSource(db, envToken) });
    instances.push({ db, shoploop });
  }
  const statuses = (token: string) =>
    Promise.all(instances.map(async ({ shoploop }) => (await shoploop.app.request('/admin/api/sites', { headers: { authorization: `Bearer ${token}` } })).status));
  const close = async () => {
    for (const { db, shoploop } of instances) {
      await shoploop.close();
      db.close();
    }
  };
  return { first: instances[0]!.db, statuses, close };
}

test('admin reset-token (the CLI, another process) takes effect at once on every running instance', { timeout: 60_000 }, async () => {
  const dbUrl = dbFileUrl();
  const servers = await twoInstances(dbUrl);
  try {
    const { generated: original } = await ensureAdminToken(servers.first, undefined);
    expect(await servers.statuses(original!)).toEqual([200, 200]);

    const reset = await shoploopCli(dbUrl, ['admin', 'reset-token']);
    expect(reset.code).toBe(0);
    const fresh = /New admin token \(shown once\):\n {2}(slat_\w+)/.exec(reset.stdout)![1]!;
    expect(fresh).not.toBe(original);

    expect(await servers.statuses(original!)).toEqual([401, 401]);
    expect(await servers.statuses(fresh)).toEqual([200, 200]);
  } finally {
    await servers.close();
  }
});

test('SHOPLOOP_ADMIN_TOKEN wins over the stored token', async () => {
  const dbUrl = dbFileUrl();
  const servers = await twoInstances(dbUrl, 'from-the-environment');
  try {
    const { generated: stored } = await ensureAdminToken(servers.first, undefined);
    expect(await servers.statuses('from-the-environment')).toEqual([200, 200]);
    expect(await servers.statuses(stored!)).toEqual([401, 401]);
  } finally {
    await servers.close();
  }
});
