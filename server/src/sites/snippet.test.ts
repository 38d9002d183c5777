import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ADMIN_TOKEN } from '../../test/helpers.ts';
import { createApp } from '../app.ts';
import { siteCommand } from '../cli/site.ts';
import { ManualClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openMigratedDb } from '../db/client.ts';
import { sha256 } from './keys.ts';
import { createSite } from './sites.ts';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** The CLI and the server over one database file, as an operator has them. */
async function setup(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-snippet-'));
  const url = `file:${join(dir, 'db.sqlite')}`;
  for (const [k, v] of Object.entries({ SHOPLOOP_DB_URL: url, SHOPLOOP_PUBLIC_URL: undefined, SHOPLOOP_PORT: undefined, PORT: undefined, ...env })) vi.stubEnv(k, v);
  const db = await openMigratedDb(url);
  const site = await createSite(db, { name: 'Snippet shop', origins: ['https://shop.example'] }, Date.UTC(2026, 10, 23));
  const shoploop = createApp({ db, clock: new ManualClock(), config: loadConfig(process.env), adminTokenHash: sha256(ADMIN_TOKEN) });
  const cli = async (...argv: string[]) => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    await siteCommand(argv);
    vi.mocked(console.log).mockRestore();
    return `${lines.join('\n')}\n`;
  };
  const api = async (path: string) => {
    const res = await shoploop.app.request(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    return { status: res.status, body: (await res.json()) as { script: string; serviceWorker: { path: string; body: string } } };
  };
  return {
    site,
    cli,
    api,
    close: async () => {
      await shoploop.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('GET /admin/api/sites/:id/snippet', () => {
  test.each([
    ['SHOPLOOP_PUBLIC_URL', { SHOPLOOP_PUBLIC_URL: 'https://loop.shop.example/' }, 'https://loop.shop.example'],
    ['the port', { SHOPLOOP_PORT: '9123' }, 'http://localhost:9123'],
  ])('the exact texts `site snippet` prints (server address from %s)', async (_name, env, base) => {
    const s = await setup(env);
    try {
      const printed = await s.cli('snippet', s.site.id);
      const { status, body } = await s.api(`/admin/api/sites/${s.site.id}/snippet`);
      expect(status).toBe(200);
      expect(body).toEqual({
        script: `<script async src="${base}/shoploop.js" data-site="${s.site.publicKey}"></script>`,
        serviceWorker: { path: '/shoploop-sw.js', body: `importScripts('${base}/sw.js');` },
      });
      expect(printed).toBe(`${body.script}\n\n/shoploop-sw.js (for web push):\n${body.serviceWorker.body}\n`);
      expect((await s.api(`/admin/api/sites/${s.site.publicKey}/snippet`)).body).toEqual(body); // by key too
    } finally {
      await s.close();
    }
  });

  test('an unknown site is a 404, a malformed id or a query a 400', async () => {
    const s = await setup({});
    try {
      expect((await s.api('/admin/api/sites/site_nope/snippet')).status).toBe(404);
      expect((await s.api(`/admin/api/sites/${'x'.repeat(65)}/snippet`)).status).toBe(400);
      expect((await s.api(`/admin/api/sites/${s.site.id}/snippet?x=1`)).status).toBe(400);
    } finally {
      await s.close();
    }
  });
});
