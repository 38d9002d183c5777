import { createApp } from '../app.ts';
import { ManualClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { findSite } from '../sites/sites.ts';
import { ReplayCollector } from './replay-collector.ts';
import { profileIdOf } from './replay-ids.ts';
import { ReplayTimeline } from './replay-timeline.ts';
import { clvSummary } from './report/clv-summary.ts';
import type { ReplayReport } from './report/replay-report.ts';
import { readReplayedPeople } from './report/replayed-people.ts';
import { rfmTable } from './report/rfm-table.ts';
import { stageMix } from './report/stage-mix.ts';
import { sendAgain, sendSessions, type SendOptions } from './send-sessions.ts';
import { planSessions } from './session-plan.ts';
import { settleBuyers } from './settle.ts';
import { onlyShopProducts, type ShopProducts } from './shop-products.ts';
import { personOf, sliceOrders } from './slice.ts';
import { timeShift } from './time-shift.ts';
import { loadUciYear } from './uci/load-uci-year.ts';

export interface ReplayUciOptions {
  /** the UCI Online Retail CSV, gzipped or not */
  file: string;
  siteId: string;
  /** where the file's last order lands (default: the moment the replay starts) */
  now?: number;
  /** replay the original 2010–2011 dates instead */
  keepDates?: boolean;
  /** only about this many people (customers and guest orders), spread evenly over the year */
  limitCustomers?: number;
  /** only orders at or after this time, in the file's own dates */
  since?: number;
  /** replay only the lines of these products, described as the shop describes them (shop-products.ts) */
  products?: ShopProducts;
  onProgress?: (progress: ReplayProgress) => void;
}

export type ReplayProgress =
  | { phase: 'read'; fraction: number }
  | { phase: 'replay' | 'resend'; ordersDone: number; ordersTotal: number; eventsSent: number }
  | { phase: 'settle' };

/**
 * Replays the UCI Online Retail year into a site through the real collector (`POST /v1/collect` of an
 * in-process app on a manual clock), moving the clock along the orders so the lifecycle sees the year happen,
 * then settles the stages at the end and reports them with RFM and CLV. Safe to run again: every id comes from
 * the file, and orders the site already holds are sent only at the end, where the collector acknowledges them
 * as duplicates without taking their people back in time.
 */
export async function replayUci(db: Db, options: ReplayUciOptions): Promise<ReplayReport> {
  const started = performance.now();
  const now = options.now ?? Date.now();
  const keepDates = options.keepDates ?? false;
  const progress = options.onProgress ?? (() => {});
  const site = await findSite(db, options.siteId);
  if (!site) throw new Error(`no site "${options.siteId}"`);
  const origin = site.allowedOrigins[0];
  if (!origin) throw new Error(`site ${site.id} has no allowed origin to send events from`);

  const year = await loadUciYear(options.file, (fraction) => progress({ phase: 'read', fraction }));
  const firstOrderAt = year.orders[0]?.at ?? null;
  const lastOrderAt = year.orders.at(-1)?.at ?? null;
  const shift = timeShift(lastOrderAt ?? now, now, keepDates);
  const orders = options.products ? onlyShopProducts(year.orders, options.products) : year.orders;
  const slice = sliceOrders(orders, { since: options.since, limitCustomers: options.limitCustomers });
  const plans = planSessions(slice);
  const readMs = performance.now() - started;

  const clock = new ManualClock(now);
  const config = { ...loadConfig(), rateLimit: { perVisitorPerMinute: 0, perIpPerMinute: 0 } };
  const shoploop = createApp({ db, clock, config, adminTokenHash: () => Promise.reject(new Error('the replay serves no admin requests')) });
  const { deps } = shoploop;
  try {
    const timeline = new ReplayTimeline({ db, clock, scheduler: deps.scheduler, maintenance: deps.maintenance }, site.id);
    const collector = new ReplayCollector(shoploop.app, origin);
    const send: SendOptions = {
      db,
      site: { id: site.id, publicKey: site.publicKey, origin },
      offsetMs: shift.offsetMs,
      collector,
      timeline,
      onProgress: (done) => progress({ phase: 'replay', ordersDone: done, ordersTotal: plans.length, eventsSent: collector.totals.sent }),
    };
    const replayedBefore = await sendSessions(plans, send);
    progress({ phase: 'replay', ordersDone: plans.length, ordersTotal: plans.length, eventsSent: collector.totals.sent });
    await timeline.advanceTo(shift.endsAt);
    const resend = (done: number) => progress({ phase: 'resend', ordersDone: done, ordersTotal: replayedBefore.length, eventsSent: collector.totals.sent });
    await sendAgain(replayedBefore, { ...send, onProgress: resend });
    if (replayedBefore.length > 0) resend(replayedBefore.length);
    const replayMs = performance.now() - started - readMs;

    progress({ phase: 'settle' });
    await timeline.evaluateDueAt(shift.endsAt);
    const { model, evaluated: settleEvaluated } = await settleBuyers(db, deps, site.id);
    const people = await readReplayedPeople(db, site.id, [...new Set(slice.map(profileIdOf))]);
    const buyers = people.flatMap((p) => (p.facts ? [p.facts] : []));
    const settleMs = performance.now() - started - readMs - replayMs;

    const peopleCount = new Set(slice.map(personOf)).size;
    const customers = new Set(slice.flatMap((o) => (o.customerId === null ? [] : [o.customerId]))).size;
    return {
      file: options.file,
      siteId: site.id,
      keepDates,
      offsetMs: shift.offsetMs,
      endsAt: shift.endsAt,
      firstOrderAt,
      lastOrderAt,
      lines: year.lines,
      cancellations: year.cancellations,
      slice: { people: peopleCount, customers, guests: peopleCount - customers, orders: slice.length, ordersAlreadyStored: replayedBefore.length },
      events: collector.totals,
      lifecycle: { ...timeline.totals, settleEvaluated },
      stages: stageMix(people),
      rfm: rfmTable(buyers, shift.endsAt),
      clv: clvSummary(model, buyers, shift.endsAt),
      elapsedMs: performance.now() - started,
      phasesMs: { read: readMs, replay: replayMs, settle: settleMs },
    };
  } finally {
    await shoploop.close();
  }
}
