import { expect, test } from 'vitest';
import { freshDb } from '../../../test/helpers.ts';
import { migrateDb } from '../../db/client.ts';
import { createSite } from '../../sites/sites.ts';
import { readReviewSecret } from './review-secret.ts';

test('every site has its own secret: made with the site, and given to a site made before reviews at the next migrate', async () => {
  const db = await freshDb();
  await createSite(db, { id: 'new', name: 'new shop', origins: ['https://new.example'] }, 0);
  // a site from before the reviews migration: a bare row
  await db.client.execute(`INSERT INTO sites (id, name, public_key, allowed_origins, created_at) VALUES ('old', 'old shop', 'pk_old', '["https://old.example"]', 0)`);
  expect((await db.client.execute(`SELECT count(*) AS n FROM review_keys WHERE site_id = 'old'`)).rows[0]!.n).toBe(0);
  await migrateDb(db);
  const secrets = await db.client.execute('SELECT site_id, secret FROM review_keys ORDER BY site_id');
  expect(secrets.rows.map((r) => r.site_id)).toEqual(['new', 'old']);
  expect(new Set(secrets.rows.map((r) => r.secret)).size).toBe(2);
  expect((await readReviewSecret(db, 'old', 0)).length).toBe(32);
  await migrateDb(db); // idempotent: the secrets stay
  expect((await db.client.execute('SELECT site_id, secret FROM review_keys ORDER BY site_id')).rows).toEqual(secrets.rows);
});
