import type { InStatement } from '@libsql/client';
import type { EvaluatedPerson } from '../../../lifecycle/evaluation-hook.ts';
import type { Order } from '../../../lifecycle/facts.ts';
import { utcDay } from '../../../lifecycle/read/period.ts';
import type { Stage } from '../../../lifecycle/stages.ts';
import { monthOfTime, repeatMask } from './repeat-mask.ts';

/** The stage an order is counted under when its buyer had none yet (arrived and bought before a first evaluation). */
export const UNCLASSIFIED_STAGE: Stage = 'potential';


const FLOW = `INSERT INTO report_flow_daily (site_id, day, from_stage, to_stage, count) VALUES (?, ?, ?, ?, 1)
  ON CONFLICT (site_id, day, from_stage, to_stage) DO UPDATE SET count = count + 1`;

// engaged and loyal keep their first time, dormant its latest; the rest is what the facts say now
const PERSON = `INSERT INTO report_people (site_id, profile_id, first_seen_at, engaged_at, first_order_at, repeat_at, loyal_at, dormant_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (site_id, profile_id) DO UPDATE SET first_seen_at = excluded.first_seen_at,
    engaged_at = coalesce(report_people.engaged_at, excluded.engaged_at), first_order_at = excluded.first_order_at,
    repeat_at = excluded.repeat_at, loyal_at = coalesce(report_people.loyal_at, excluded.loyal_at),
    dormant_at = coalesce(excluded.dormant_at, report_people.dormant_at)
  WHERE report_people.first_seen_at IS NOT excluded.first_seen_at OR report_people.first_order_at IS NOT excluded.first_order_at
    OR report_people.repeat_at IS NOT excluded.repeat_at OR excluded.dormant_at IS NOT NULL
    OR (report_people.engaged_at IS NULL AND excluded.engaged_at IS NOT NULL) OR (report_people.loyal_at IS NULL AND excluded.loyal_at IS NOT NULL)`;

// every order the facts hold, in one statement; an order already known keeps the stage it arrived in
const ORDERS = `INSERT INTO report_orders (site_id, profile_id, order_id, at, value, stage, first)
  SELECT ?, ?, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'), ?, json_extract(j.value, '$[3]')
  FROM json_each(?) j WHERE true
  ON CONFLICT (site_id, profile_id, order_id) DO UPDATE SET at = excluded.at, value = excluded.value, first = excluded.first
  WHERE report_orders.at IS NOT excluded.at OR report_orders.value IS NOT excluded.value OR report_orders.first IS NOT excluded.first`;
const GONE_ORDERS = `DELETE FROM report_orders WHERE site_id = ? AND profile_id = ? AND order_id NOT IN (SELECT value FROM json_each(?))`;

const BUYER = `INSERT INTO report_buyers (site_id, profile_id, orders, first_order_at, last_order_at, revenue, cohort_month, repeat_mask, sample_key)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (site_id, profile_id) DO UPDATE SET orders = excluded.orders, first_order_at = excluded.first_order_at,
    last_order_at = excluded.last_order_at, revenue = excluded.revenue, cohort_month = excluded.cohort_month, repeat_mask = excluded.repeat_mask
  WHERE report_buyers.orders IS NOT excluded.orders OR report_buyers.first_order_at IS NOT excluded.first_order_at
    OR report_buyers.last_order_at IS NOT excluded.last_order_at OR report_buyers.revenue IS NOT excluded.revenue OR report_buyers.repeat_mask IS NOT excluded.repeat_mask`;
const NOT_A_BUYER = `DELETE FROM report_buyers WHERE site_id = ? AND profile_id = ?`;

/** Oldest first; ties by id, as the migration's backfill orders them. */
export const sortedOrders = (orders: readonly Order[]) => [...orders].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** A stage change: one more from → to on today's (UTC) flow. */
export function flowStatements(p: EvaluatedPerson): InStatement[] {
  return p.changed ? [{ sql: FLOW, args: [p.siteId, utcDay(p.now), p.from ?? '', p.to] }] : [];
}

/** The person's loyalty milestones: first seen, engaged, first and second order, loyal, dormant. */
export function personStatements(p: EvaluatedPerson): InStatement[] {
  const orders = sortedOrders(p.facts.orders);
  const entered = (stage: Stage) => (p.changed && p.to === stage ? p.now : null);
  return [
    {
      sql: PERSON,
      args: [p.siteId, p.profileId, p.facts.firstSeenAt, entered('here_and_now'), orders[0]?.at ?? null, orders[1]?.at ?? null, entered('loyal'), entered('dormant')],
    },
  ];
}

/**
 * The person's orders as the facts hold them now (refunds taken off, cancelled ones gone), each new one under the
 * stage the buyer was in when it arrived, and their buyer summary; `sampleKey` is used only for a new buyer row.
 */
export function orderStatements(p: EvaluatedPerson, sampleKey: number): InStatement[] {
  const { siteId, profileId } = p;
  const orders = sortedOrders(p.facts.orders);
  const ids = JSON.stringify(orders.map((o) => o.id));
  const out: InStatement[] = [{ sql: GONE_ORDERS, args: [siteId, profileId, ids] }];
  if (orders.length === 0) return [...out, { sql: NOT_A_BUYER, args: [siteId, profileId] }];
  const rows = orders.map((o, i) => [o.id, o.at, o.value, i === 0 ? 1 : 0]);
  out.push({ sql: ORDERS, args: [siteId, profileId, p.from ?? UNCLASSIFIED_STAGE, JSON.stringify(rows)] });
  const first = orders[0]!.at;
  const revenue = orders.reduce((sum, o) => sum + o.value, 0);
  out.push({
    sql: BUYER,
    args: [siteId, profileId, orders.length, first, Math.max(...orders.map((o) => o.at)), revenue, monthOfTime(first), repeatMask(orders.map((o) => o.at)), sampleKey],
  });
  return out;
}
