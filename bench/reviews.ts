import type { InStatement } from '@libsql/client';
import { customerProfileId, visitorProfileId } from '../server/src/lifecycle/profile-ids.ts';
import { readPersonContext } from '../server/src/recommend/serve/person-context.ts';
import { createSite } from '../server/src/sites/sites.ts';
import { tempDb } from './support/temp-db.ts';

/**
 * What reviews cost every recommendation request: readPersonContext also reads the products the person rated
 * ≤ 2, folded into their lifecycle facts, in the same statement. Baseline: the statement as it was before
 * reviews, in the same run, on the same database (20,000 visitors, a third of them devices of 3,334
 * customers, every tenth person with two low ratings in their facts).
 */
const BEFORE = `SELECT stage, json_extract(facts, '$.cart') AS cart FROM profiles
  WHERE site_id = ?1 AND profile_id = coalesce((SELECT ?2 || nullif(customer_id, '') FROM visitors WHERE site_id = ?1 AND visitor_id = ?3), ?4)`;

const VISITORS = 20_000;

export async function personContextCost(calls: number): Promise<{ beforeUs: number; afterUs: number }> {
  const t = await tempDb('reviews');
  try {
    const db = t.db;
    await createSite(db, { id: 's', name: 'bench', origins: ['https://shop.example'] }, 0);
    const statements: InStatement[] = [];
    for (let i = 0; i < VISITORS; i++) {
      const customer = i % 3 === 0 ? `c${Math.floor(i / 6)}` : null;
      const facts = JSON.stringify({ cart: { a: 1, b: 2 }, orders: [{ id: 'o', at: 1, value: 5 }], ...(i % 10 === 0 ? { disliked: [`x${i}`, `y${i}`] } : {}) });
      statements.push({ sql: 'INSERT INTO visitors (site_id, visitor_id, customer_id, first_seen_at, last_seen_at) VALUES (?, ?, ?, 0, 0)', args: ['s', `v${i}`, customer] });
      statements.push({ sql: `INSERT OR IGNORE INTO profiles (site_id, profile_id, stage, facts, updated_at) VALUES ('s', ?, 'loyal', ?, 0)`, args: [customer ? customerProfileId(customer) : visitorProfileId(`v${i}`), facts] });
    }
    await db.write.run(statements);
    const visitor = (i: number) => `v${(i * 7919) % VISITORS}`;
    // readPersonContext as it was before reviews: the same read and the same parsing
    const readBefore = async (i: number) => {
      const row = (await db.client.execute({ sql: BEFORE, args: ['s', customerProfileId(''), visitor(i), visitorProfileId(visitor(i))] })).rows[0];
      return { stage: row?.stage ?? 'potential', cart: row?.cart ? Object.keys(JSON.parse(String(row.cart)) as Record<string, number>) : [] };
    };
    const timeOf = async (run: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 500; i++) await run(i); // warm-up
      const t0 = performance.now();
      for (let i = 0; i < calls; i++) await run(i);
      return ((performance.now() - t0) / calls) * 1000;
    };
    // alternated, best of three each, so a noisy neighbour favours neither side
    const before: number[] = [];
    const after: number[] = [];
    for (let round = 0; round < 3; round++) {
      before.push(await timeOf((i) => readBefore(i)));
      after.push(await timeOf((i) => readPersonContext(db, 's', visitor(i))));
    }
    return { beforeUs: Math.min(...before), afterUs: Math.min(...after) };
  } finally {
    t.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await personContextCost(process.argv.includes('--quick') ? 5_000 : 20_000);
  console.log(`readPersonContext with the person's low ratings: ${r.afterUs.toFixed(1)} µs a call, before reviews ${r.beforeUs.toFixed(1)} µs (ratio ${(r.afterUs / r.beforeUs).toFixed(2)})`);
}
