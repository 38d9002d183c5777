import type { Db } from '../db/client.ts';
import { collectorBatches } from './collector-batches.ts';
import type { ReplayCollector } from './replay-collector.ts';
import type { ReplayTimeline } from './replay-timeline.ts';
import { planEvents, type SessionPlan } from './session-plan.ts';
import { storedEventIds } from './stored-events.ts';

export interface SendOptions {
  db: Db;
  site: { id: string; publicKey: string; origin: string };
  offsetMs: number;
  collector: ReplayCollector;
  timeline: ReplayTimeline;
  /** after each 50 sessions */
  onProgress?: (done: number) => void;
}

/** Sessions whose stored state is looked up together. */
const LOOKUP_GROUP = 400;

/**
 * Sends the sessions in time order, moving the clock to each batch's last event first, so receipt times
 * follow the data and the scheduler runs as the year passes. A session whose last event the site already
 * holds was replayed before: it is left for `sendAgain` at the end, since sending it at its own time would
 * make its person due then and evaluate them in the past with facts from the future.
 */
export async function sendSessions(plans: readonly SessionPlan[], o: SendOptions): Promise<SessionPlan[]> {
  const replayedBefore: SessionPlan[] = [];
  for (let i = 0; i < plans.length; i += LOOKUP_GROUP) {
    const group = plans.slice(i, i + LOOKUP_GROUP).map((plan) => ({ plan, events: planEvents(plan, o.site.origin, o.offsetMs) }));
    const stored = await storedEventIds(o.db, o.site.id, group.map((s) => s.events.at(-1)!.id));
    for (const [k, { plan, events }] of group.entries()) {
      if (stored.has(events.at(-1)!.id)) replayedBefore.push(plan);
      else {
        for (const batch of collectorBatches(o.site.publicKey, plan.visitorId, events)) {
          await o.timeline.advanceTo(batch.events.at(-1)!.ts);
          await o.collector.send(batch);
          o.timeline.eventsArrived();
        }
      }
      if ((i + k + 1) % 50 === 0) o.onProgress?.(i + k + 1);
    }
  }
  return replayedBefore;
}

/** Sends sessions replayed before at the clock's present: the collector acknowledges them as duplicates. */
export async function sendAgain(plans: readonly SessionPlan[], o: SendOptions): Promise<void> {
  for (const [i, plan] of plans.entries()) {
    for (const batch of collectorBatches(o.site.publicKey, plan.visitorId, planEvents(plan, o.site.origin, o.offsetMs))) await o.collector.send(batch);
    o.timeline.eventsArrived();
    if ((i + 1) % 50 === 0) o.onProgress?.(i + 1);
  }
}
