import { campaignPriority, type CampaignId } from '../campaign-ids.ts';
import { capFreeAt, sendsInWindow } from './caps.ts';
import type { ContactPolicy } from './contact-policy.ts';
import { formatHHMM, resolveTimeZone, wallTimeAt } from './local-time.ts';
import { quietHoursEnd } from './quiet-hours.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export interface PendingMessage {
  id: string;
  campaign: CampaignId;
  dueAt: number;
  expiresAt: number;
}

export type Decision =
  | { id: string; kind: 'send' }
  | { id: string; kind: 'defer'; until: number; reason: string }
  | { id: string; kind: 'expire'; reason: string };

export interface PersonInput {
  now: number;
  /** the person's IANA zone as the tracker reported it */
  timeZone: string | null;
  /** the site's zone, used when the person's is missing or unknown */
  fallbackTimeZone: string;
  /** when messages (any campaign) were sent to this person, ms */
  sentAt: readonly number[];
  pending: readonly PendingMessage[];
  policy: ContactPolicy;
}

const campaignNames: Record<CampaignId, string> = {
  abandoned_cart: 'abandoned cart',
  back_in_stock: 'back in stock',
  price_drop: 'price drop',
  win_back: 'win-back',
  replenish: 'replenish',
  review_request: 'review request',
};

/** Highest priority first; between equals, the one due first; then by id, so the order never depends on input order. */
function servingOrder(a: PendingMessage, b: PendingMessage): number {
  return campaignPriority[a.campaign] - campaignPriority[b.campaign] || a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface Slot {
  /** the earliest instant every rule allows a send; Infinity when a cap is 0 */
  at: number;
  /** why not earlier, as short sentences for the marketer */
  reasons: string[];
}

function messages(count: number): string {
  return count === 1 ? '1 message' : `${count} messages`;
}

/** The earliest instant ≥ from that the caps and quiet hours allow, given the sends so far. */
function nextSlot(from: number, sends: readonly number[], policy: ContactPolicy, zone: string): Slot {
  if (policy.maxPerDay <= 0 || policy.maxPerWeek <= 0) {
    return { at: Infinity, reasons: [`sending is paused (cap 0 per ${policy.maxPerDay <= 0 ? 'day' : 'week'})`] };
  }
  const reasons: string[] = [];
  const dayFree = capFreeAt(sends, from, policy.maxPerDay, DAY);
  const weekFree = capFreeAt(sends, from, policy.maxPerWeek, WEEK);
  if (dayFree > from) reasons.push(`${messages(sendsInWindow(sends, from, DAY).length)} in the last 24 h (cap ${policy.maxPerDay})`);
  if (weekFree > from) reasons.push(`${messages(sendsInWindow(sends, from, WEEK).length)} in the last 7 days (cap ${policy.maxPerWeek})`);
  // Both caps only loosen as time passes, so once they allow a send, waiting out quiet hours keeps them satisfied.
  const capsFree = Math.max(dayFree, weekFree);
  const quietEnd = policy.quietHours ? quietHoursEnd(capsFree, zone, policy.quietHours) : null;
  if (quietEnd === null || quietEnd <= capsFree) return { at: capsFree, reasons };
  const until = `quiet hours until ${formatHHMM(wallTimeAt(quietEnd, zone))} ${zone}`;
  reasons.push(reasons.length > 0 ? `then ${until}` : until);
  return { at: quietEnd, reasons };
}

/**
 * What to do now with each of one person's pending messages, under the one contact policy. Messages are served
 * highest priority first and each one sent here counts against the caps of the ones after it. A message not
 * allowed now is deferred to the earliest instant it would be, unless its time to live ends first. Decisions come
 * back in serving order.
 */
export function decideForPerson(input: PersonInput): Decision[] {
  const { now, policy } = input;
  const zone = resolveTimeZone(input.timeZone, input.fallbackTimeZone);
  const sentBefore = [...input.sentAt].sort((a, b) => a - b);
  const sends = [...sentBefore];
  let lastSent: PendingMessage | null = null;
  const decisions: Decision[] = [];

  for (const message of [...input.pending].sort(servingOrder)) {
    const { id } = message;
    if (message.expiresAt <= now) {
      decisions.push({ id, kind: 'expire', reason: 'its time to live ended before it could be sent' });
      continue;
    }
    const from = Math.max(now, message.dueAt);
    const slot = nextSlot(from, sends, policy, zone);
    if (slot.at === now) {
      decisions.push({ id, kind: 'send' });
      sends.push(now); // now ≥ every earlier send in practice; keep the list sorted anyway
      sends.sort((a, b) => a - b);
      lastSent = message;
      continue;
    }
    const reasons = [...slot.reasons];
    if (lastSent && nextSlot(from, sentBefore, policy, zone).at === now) {
      // Free before this call: a message served before it took the slot.
      const rank =
        campaignPriority[lastSent.campaign] < campaignPriority[message.campaign]
          ? 'higher priority'
          : lastSent.dueAt < message.dueAt
            ? 'same priority, due earlier'
            : 'same priority';
      reasons.unshift(`the slot went to the ${campaignNames[lastSent.campaign]} message (${rank})`);
    }
    if (from > now && slot.at === from) reasons.push(`not due until ${formatHHMM(wallTimeAt(from, zone))} ${zone}`);
    const why = reasons.join('; ');
    if (slot.at === Infinity) {
      // Paused, not refused: if the cap is raised before the message goes stale, it can still go.
      decisions.push({ id, kind: 'defer', until: message.expiresAt, reason: why });
    } else if (slot.at >= message.expiresAt) {
      decisions.push({ id, kind: 'expire', reason: `its time to live ends before the next allowed time (${why})` });
    } else {
      decisions.push({ id, kind: 'defer', until: slot.at, reason: why });
    }
  }
  return decisions;
}
