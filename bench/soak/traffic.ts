import type { CollectBatch, CollectEvent } from '../../server/src/collect/schema.ts';
import { planEvents, planSessions, type SessionPlan } from '../../server/src/replay/session-plan.ts';
import type { Order } from '../../server/src/replay/uci/cancellations.ts';

/** A page's worth of events, as the tracker flushes them (page view; product view and add to cart; checkout). */
const EVENTS_PER_BATCH = 3;

export interface TrafficBatch {
  batch: CollectBatch;
  /** a product the batch viewed: the page would ask for similar items */
  viewedItem: string | undefined;
}

/**
 * The UCI year's order sessions as a steady stream of tracker batches, time-compressed: sessions in the
 * year's order, every event stamped now, ids made unique per run and pass so the collector stores each
 * (a replay's ids would be taken for retries). When the year runs out it starts again as new people.
 */
export class SoakTraffic {
  private readonly plans: SessionPlan[];
  private next = 0;
  private pass = 0;
  /** sessions under way, each sending its next batch in turn, as concurrent shoppers do (400: each sends a few batches a minute, under the per-visitor limit) */
  private readonly active: Array<{ vid: string; events: CollectEvent[] }> = [];

  constructor(
    orders: readonly Order[],
    private readonly site: { key: string; origin: string },
    private readonly runId: string,
    private readonly concurrent = 400,
  ) {
    if (orders.length === 0) throw new Error('no orders to make traffic from');
    this.plans = planSessions(orders);
  }

  nextBatch(now: number): TrafficBatch {
    while (this.active.length < this.concurrent) this.active.push(this.startSession());
    const slot = Math.floor(Math.random() * this.active.length);
    const session = this.active[slot]!;
    const events = session.events.splice(0, EVENTS_PER_BATCH).map((e, i) => ({ ...e, ts: now + i }));
    if (session.events.length === 0) this.active.splice(slot, 1);
    const viewed = events.find((e) => e.name === 'view_item')?.params?.items?.[0]?.item_id;
    return { batch: { site: this.site.key, vid: session.vid, tz: 'Europe/London', v: 'soak', events }, viewedItem: viewed };
  }

  /** a visitor the stream has used: recommendation reads ask as them */
  someVisitor(): string | undefined {
    return this.active[Math.floor(Math.random() * this.active.length)]?.vid;
  }

  private startSession() {
    if (this.next === this.plans.length) {
      this.next = 0;
      this.pass++;
    }
    const plan = this.plans[this.next++]!;
    const prefix = `soak${this.runId}p${this.pass}-`;
    const events = planEvents(plan, this.site.origin, 0).map((e) => ({
      ...e,
      id: prefix + e.id,
      sid: prefix + e.sid,
      ...(e.name === 'identify' ? { params: { customer_id: prefix + String(e.params?.customer_id) } } : {}),
    }));
    return { vid: prefix + plan.visitorId, events };
  }
}
