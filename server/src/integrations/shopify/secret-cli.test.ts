import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { openMigratedDb } from '../../db/client.ts';
import { AVIATOR, sampleOrderBody } from './testing/sample-order.ts';
import { shopifySignature } from './verify-signature.ts';

// Through `npx tsx server/src/cli/index.ts`, as a shop owner runs it (npm run shoploop -- site shopify-secret ...).
const repoRoot = new URL('../../../../', import.meta.url).pathname;

function shoploop(dbUrl: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'server/src/cli/index.ts', ...args], { cwd: repoRoot, env: { ...process.env, SHOPLOOP_DB_URL: dbUrl, SHOPLOOP_PUBLIC_URL: 'https://loop.example' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

test('site shopify-secret stores the secret the webhook endpoint then checks; a bad one or an unknown site is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-shopify-cli-'));
  dirs.push(dir);
  const dbUrl = `file:${join(dir, 'shop.db')}`;
  const created = await shoploop(dbUrl, 'site', 'create', '--name', 'Shopify shop', '--origin', 'https://shop.example');
  expect(created.code).toBe(0);
  const siteId = /Created site (site_\w+)/.exec(created.stdout)![1]!;

  expect(await shoploop(dbUrl, 'site', 'shopify-secret', 'site_nope', 'a'.repeat(64))).toMatchObject({ code: 1, stderr: expect.stringContaining('no site "site_nope"') });
  expect(await shoploop(dbUrl, 'site', 'shopify-secret', siteId, 'short')).toMatchObject({ code: 1, stderr: expect.stringContaining('too short') });
  const secret = 'f3a9c1e07b5d42e8a6c3b1d9e7f5a3c1e9b7d5f3a1c9e7b5d3f1a9c7e5b3d1f9';
  const set = await shoploop(dbUrl, 'site', 'shopify-secret', siteId, secret);
  expect(set.code).toBe(0);
  expect(set.stdout).toContain(`https://loop.example/integrations/shopify/orders?site=${siteId}`);

  const db = await openMigratedDb(dbUrl);
  const shoploopApp = createApp({ db, adminTokenHash: 'unused' });
  try {
    const body = sampleOrderBody({ id: '5940139491234', totalPrice: '89.99', lines: [AVIATOR] });
    const deliver = (signedWith: string) =>
      shoploopApp.app.request(`/integrations/shopify/orders?site=${siteId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-hmac-sha256': shopifySignature(body, signedWith) },
        body,
      });
    expect((await deliver('a'.repeat(64))).status).toBe(401);
    const res = await deliver(secret);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ order: '5940139491234', stored: 2 });
  } finally {
    await shoploopApp.close();
    db.close();
  }
});
