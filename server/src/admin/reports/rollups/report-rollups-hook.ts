import type { InStatement } from '@libsql/client';
import type { EvaluatedPerson, EvaluationHook } from '../../../lifecycle/evaluation-hook.ts';
import { flowStatements, orderStatements, personStatements } from './rollup-statements.ts';

/**
 * Keeps the admin reports' rollups in the lifecycle scheduler's own transaction, from what an evaluation hands
 * over (from/to stage, the facts with their orders, the new events) and nothing read back: a stage change adds
 * to the day's flows; an evaluation with anything new updates the person's milestones; one that may have
 * changed orders (a purchase or refund, a first evaluation, a device just absorbed) re-states the person's
 * orders and buyer summary from facts.orders. Triggers (migration 0009) keep the aggregates the reports read.
 */
export function reportRollups(random: () => number = Math.random): EvaluationHook {
  // customers who absorbed a device in this round: their orders are re-stated whatever the events say
  const absorbed = new Set<string>();
  return {
    async forSite() {
      return (p) => rollupStatements(p, absorbed.delete(`${p.siteId}\n${p.profileId}`), random);
    },
    onAbsorb(siteId, from, to) {
      absorbed.add(`${siteId}\n${to}`);
      return absorbStatements(siteId, from, to);
    },
  };
}

export function rollupStatements(p: EvaluatedPerson, justAbsorbed = false, random: () => number = Math.random): InStatement[] {
  const out = flowStatements(p);
  if (p.changed || p.newEvents.length > 0 || justAbsorbed) out.push(...personStatements(p));
  // a first evaluation matters only for a buyer: a new person has no rows to clear
  const ordersMayHaveChanged = justAbsorbed || (p.from === null && p.facts.orders.length > 0) || p.newEvents.some((e) => e.name === 'purchase' || e.name === 'refund');
  if (ordersMayHaveChanged) out.push(...orderStatements(p, Math.floor(random() * 2 ** 31)));
  return out;
}

// the earlier of two times where either may be missing, and the later
const earlier = (col: string) => `${col} = min(coalesce(report_people.${col}, excluded.${col}), coalesce(excluded.${col}, report_people.${col}))`;
const later = (col: string) => `${col} = max(coalesce(report_people.${col}, excluded.${col}), coalesce(excluded.${col}, report_people.${col}))`;

/**
 * A customer absorbing a device profile: the device's milestones join the customer's (earliest first seen,
 * engaged and loyal, latest dormant), its orders move over (one the customer holds already stays once), and its
 * rows go. The customer's evaluation that follows in the same transaction re-states orders from the merged facts.
 */
export function absorbStatements(siteId: string, from: string, to: string): InStatement[] {
  return [
    {
      sql: `INSERT INTO report_people (site_id, profile_id, first_seen_at, engaged_at, first_order_at, repeat_at, loyal_at, dormant_at)
            SELECT site_id, ?, first_seen_at, engaged_at, first_order_at, repeat_at, loyal_at, dormant_at FROM report_people WHERE site_id = ? AND profile_id = ?
            ON CONFLICT (site_id, profile_id) DO UPDATE SET ${earlier('first_seen_at')}, ${earlier('engaged_at')}, ${earlier('loyal_at')}, ${later('dormant_at')}`,
      args: [to, siteId, from],
    },
    { sql: 'DELETE FROM report_people WHERE site_id = ? AND profile_id = ?', args: [siteId, from] },
    { sql: 'UPDATE OR IGNORE report_orders SET profile_id = ? WHERE site_id = ? AND profile_id = ?', args: [to, siteId, from] },
    { sql: 'DELETE FROM report_orders WHERE site_id = ? AND profile_id = ?', args: [siteId, from] },
    { sql: 'DELETE FROM report_buyers WHERE site_id = ? AND profile_id = ?', args: [siteId, from] },
  ];
}
