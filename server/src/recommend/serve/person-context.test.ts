import { expect, test } from 'vitest';
import { freshDb } from '../../../test/helpers.ts';
import { profileIdOfVisitor, stageOf } from '../../lifecycle/person-view.ts';
import { createSite } from '../../sites/sites.ts';
import { readPersonContext } from './person-context.ts';

test('the person behind a visitor, as the lifecycle resolves it: the customer once identified, else the visitor', async () => {
  const db = await freshDb();
  await createSite(db, { id: 's', name: 'shop', origins: ['https://shop.example'] }, 0);
  const facts = (cart: Record<string, number>) => JSON.stringify({ cart, orders: [{ id: 'o1', at: 1, value: 5 }] });
  await db.client.batch([
    `INSERT INTO visitors (site_id, visitor_id, customer_id, first_seen_at, last_seen_at) VALUES ('s', 'phone', 'c42', 0, 0), ('s', 'laptop', NULL, 0, 0), ('s', 'tablet', '', 0, 0)`,
    { sql: `INSERT INTO profiles (site_id, profile_id, stage, facts, updated_at) VALUES ('s', 'c:c42', 'loyal', ?, 0), ('s', 'v:phone', 'potential', ?, 0), ('s', 'v:laptop', 'at_risk', ?, 0), ('s', 'v:tablet', 'dormant', NULL, 0)`, args: [facts({ '20': 1, m1: 2, '3': 1 }), facts({ x: 1 }), facts({})] },
  ], 'write');
  expect(await readPersonContext(db, 's', 'phone')).toEqual({ stage: 'loyal', cart: ['3', '20', 'm1'] }); // the customer's, not the device's
  expect(await readPersonContext(db, 's', 'laptop')).toEqual({ stage: 'at_risk', cart: [] });
  expect(await readPersonContext(db, 's', 'tablet')).toEqual({ stage: 'dormant', cart: [] });
  expect(await readPersonContext(db, 's', 'stranger')).toEqual({ stage: 'potential', cart: [] });
  // the same answers as the lifecycle's own two reads
  for (const visitor of ['phone', 'laptop', 'tablet', 'stranger']) {
    const { stage, facts: f } = await stageOf(db, 's', await profileIdOfVisitor(db, 's', visitor));
    expect(await readPersonContext(db, 's', visitor)).toEqual({ stage, cart: Object.keys(f?.cart ?? {}) });
  }
});
