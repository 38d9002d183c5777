import type { Db } from '../../db/client.ts';
import { buyerValue, type SiteModel } from '../../lifecycle/buyer-models.ts';
import { emptyFacts, type Order } from '../../lifecycle/facts.ts';

export interface Bucket {
  min: number;
  max: number;
  people: number;
}

export interface BuyerDistributions {
  clv: Bucket[];
  alive: Bucket[];
  /** buyers the distributions were computed from: all of them, or a uniform sample scaled to `buyers` */
  sampled: number;
  buyers: number;
}

/** Buyers valued per request (each costs 12 expected-purchase series): a uniform sample this large puts each bucket's share within about ±1.5 points. */
export const SAMPLE_BUYERS = 1000;

/**
 * The 12-month CLV and P(alive) of the site's buyers, bucketed, from the fitted models as of `now` (empty when
 * the site has no fitted model). Reads at most `sample` buyers: those with the lowest random sample keys
 * (report_buyers.sample_key), a uniform sample; with more buyers than that, counts are scaled to all of them.
 */
export async function buyerDistributions(db: Db, siteId: string, model: SiteModel | undefined, now: number, sample = SAMPLE_BUYERS): Promise<BuyerDistributions> {
  const total = Number((await db.client.execute({ sql: 'SELECT coalesce(sum(buyers), 0) AS n FROM report_cohorts WHERE site_id = ?', args: [siteId] })).rows[0]?.n ?? 0);
  if (!model?.bgNbd || total === 0) return { clv: [], alive: [], sampled: 0, buyers: total };
  const rs = await db.client.execute({
    sql: `SELECT b.profile_id, o.order_id, o.at, o.value FROM (SELECT profile_id FROM report_buyers WHERE site_id = ? ORDER BY sample_key LIMIT ?) AS b
          JOIN report_orders o ON o.site_id = ? AND o.profile_id = b.profile_id`,
    args: [siteId, sample, siteId],
  });
  const orders = new Map<string, Order[]>();
  for (const r of rs.rows) {
    const id = String(r.profile_id);
    (orders.get(id) ?? orders.set(id, []).get(id)!).push({ id: String(r.order_id), at: Number(r.at), value: Number(r.value) });
  }
  const alive: number[] = [];
  const clv: number[] = [];
  for (const list of orders.values()) {
    const v = buyerValue(model, { ...emptyFacts(0), orders: list, revenue: list.reduce((s, o) => s + o.value, 0) }, now);
    if (v.pAlive !== null) alive.push(v.pAlive);
    if (v.clv12Months !== null) clv.push(v.clv12Months);
  }
  const scale = orders.size === 0 ? 0 : total / orders.size;
  return { alive: bucketed(alive, aliveEdges, scale), clv: bucketed(clv, moneyEdges(Math.max(0, ...clv)), scale), sampled: orders.size, buyers: total };
}

/** P(alive) in tenths; the last bucket holds 1. */
const aliveEdges = Array.from({ length: 11 }, (_, i) => i / 10);

/** 0, then 1-2-5 steps (1, 2, 5, 10, 20, …) up to the first at or above the largest value; at most 12 buckets. */
export function moneyEdges(max: number): number[] {
  const steps: number[] = [];
  for (let decade = 1; steps.length === 0 || steps.at(-1)! < max; decade *= 10) steps.push(decade, 2 * decade, 5 * decade);
  while (steps.length > 1 && steps.at(-2)! >= max) steps.pop();
  return [0, ...steps.slice(-11)];
}

/** Counts per [edge_i, edge_i+1) (the last bucket closed), scaled and rounded. */
function bucketed(values: number[], edges: number[], scale: number): Bucket[] {
  if (values.length === 0) return [];
  const counts = edges.slice(1).map(() => 0);
  for (const v of values) {
    let i = edges.findIndex((e, j) => j > 0 && v < e) - 1;
    if (i < 0) i = v < edges[0]! ? 0 : counts.length - 1;
    counts[i]!++;
  }
  return counts.map((n, i) => ({ min: edges[i]!, max: edges[i + 1]!, people: Math.round(n * scale) }));
}
