import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { buyerModels } from '../db/schema/lifecycle.ts';
import type { AliveProbability } from './evaluate.ts';
import type { PersonFacts } from './facts.ts';
import {
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  meanRepeatSpend,
  probabilityAlive,
  purchaseHistoryFromTimes,
  type BgNbdParams,
  type GammaGammaParams,
} from './models/index.ts';
import { DAY } from './settings.ts';
import { readLifecycleSettings } from './site-lifecycle-config.ts';

/** What a fit stores per site; every time in the models is in days. */
export interface SiteModelParams {
  bgNbd: BgNbdParams | null;
  gammaGamma: GammaGammaParams | null;
  /** RFM quintile break points (the 20/40/60/80th percentiles) of days since last purchase, orders, spend */
  rfmBreaks: { recencyDays: number[]; frequency: number[]; monetary: number[] } | null;
}

export interface SiteModel extends SiteModelParams {
  fittedAt: number;
  repeatBuyers: number;
  note: string;
}

const times = (f: PersonFacts) => f.orders.map((o) => o.at);
const purchases = (f: PersonFacts) => f.orders.map((o) => ({ at: o.at, amount: o.value }));

/** Fits BG/NBD and Gamma-Gamma over every buyer of the site (or records why not) and RFM break points. */
export async function fitSiteModels(db: Db, siteId: string, now: number): Promise<SiteModel> {
  const settings = await readLifecycleSettings(db, siteId);
  const buyers: PersonFacts[] = [];
  for (let after = ''; ; ) {
    const rs = await db.client.execute({
      sql: `SELECT profile_id, facts FROM profiles WHERE site_id = ? AND profile_id > ? AND facts LIKE '%"orders":[{%' ORDER BY profile_id LIMIT 5000`,
      args: [siteId, after],
    });
    for (const r of rs.rows) buyers.push(JSON.parse(String(r.facts)) as PersonFacts);
    if (rs.rows.length < 5000) break;
    after = String(rs.rows.at(-1)!.profile_id);
  }
  const histories = buyers.map((b) => purchaseHistoryFromTimes(times(b), now, 'days')).filter((h) => h !== null);
  const repeatBuyers = histories.filter((h) => h.frequency > 0).length;
  const bg = fitBgNbd(histories, { minimumRepeatBuyers: settings.minRepeatBuyersForModel });
  const spends = buyers
    .map((b) => ({ frequency: purchaseHistoryFromTimes(times(b), now, 'days')?.frequency ?? 0, meanSpend: meanRepeatSpend(purchases(b), now) }))
    .filter((s) => s.frequency > 0 && s.meanSpend > 0);
  const gg = bg.fitted ? fitGammaGamma(spends, { minimumRepeatBuyers: settings.minRepeatBuyersForModel }) : null;
  const model: SiteModel = {
    fittedAt: now,
    repeatBuyers,
    bgNbd: bg.fitted ? bg.params : null,
    gammaGamma: gg?.fitted ? gg.params : null,
    rfmBreaks: buyers.length
      ? {
          recencyDays: breaks(buyers.map((b) => (now - Math.max(...times(b))) / DAY)),
          frequency: breaks(buyers.map((b) => b.orders.length)),
          monetary: breaks(buyers.map((b) => b.revenue)),
        }
      : null,
    note: bg.fitted
      ? `BG/NBD fitted on ${histories.length} buyers (${repeatBuyers} repeat)${gg && !gg.fitted ? `; Gamma-Gamma not fitted: ${gg.reason}` : ''}`
      : `not fitted: ${bg.reason}; loyal/dormant use the ${settings.loyalRecencyDays}-day recency rule`,
  };
  const row = { siteId, fittedAt: now, repeatBuyers, params: { bgNbd: model.bgNbd, gammaGamma: model.gammaGamma, rfmBreaks: model.rfmBreaks }, note: model.note };
  await db.orm.insert(buyerModels).values(row).onConflictDoUpdate({ target: buyerModels.siteId, set: row });
  return model;
}

export async function readSiteModel(db: Db, siteId: string): Promise<SiteModel | undefined> {
  const row = await db.orm.query.buyerModels.findFirst({ where: eq(buyerModels.siteId, siteId) });
  if (!row) return undefined;
  const p = (row.params ?? {}) as Partial<SiteModelParams>;
  return { fittedAt: row.fittedAt, repeatBuyers: row.repeatBuyers, note: row.note, bgNbd: p.bgNbd ?? null, gammaGamma: p.gammaGamma ?? null, rfmBreaks: p.rfmBreaks ?? null };
}

/** P(alive) for a site's fitted model, as the evaluator takes it. */
export function aliveProbabilityOf(params: BgNbdParams): AliveProbability {
  return (facts, now) => {
    const h = purchaseHistoryFromTimes(times(facts), now, 'days');
    return h ? probabilityAlive(params, h.frequency, h.recency, h.age) : undefined;
  };
}

/** What the admin shows of one buyer: RFM scores against the site's break points, P(alive), 12-month CLV. */
export function buyerValue(model: SiteModel | undefined, facts: PersonFacts, now: number) {
  if (facts.orders.length === 0) return { rfm: null, pAlive: null, clv12Months: null };
  const h = purchaseHistoryFromTimes(times(facts), now, 'days');
  const score = (v: number, b: number[] | undefined, invert = false) => {
    if (!b) return null;
    const s = 1 + b.filter((x) => v > x).length;
    return invert ? 6 - s : s;
  };
  const r = model?.rfmBreaks;
  return {
    rfm: r
      ? {
          recency: score((now - Math.max(...times(facts))) / DAY, r.recencyDays, true),
          frequency: score(facts.orders.length, r.frequency),
          monetary: score(facts.revenue, r.monetary),
        }
      : null,
    pAlive: model?.bgNbd && h ? probabilityAlive(model.bgNbd, h.frequency, h.recency, h.age) : null,
    clv12Months:
      model?.bgNbd && model.gammaGamma && h
        ? customerLifetimeValue(model.bgNbd, model.gammaGamma, { ...h, meanSpend: meanRepeatSpend(purchases(facts), now) || facts.revenue / facts.orders.length }, { timeUnit: 'days' })
        : null,
  };
}

/** The 20th, 40th, 60th and 80th percentiles. */
function breaks(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return [0.2, 0.4, 0.6, 0.8].map((q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
}
