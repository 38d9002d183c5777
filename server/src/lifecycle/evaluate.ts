import { cartCount, type PersonFacts } from './facts.ts';
import { DAY, type Thresholds } from './settings.ts';
import type { Stage } from './stages.ts';

/** P(alive) of a repeat buyer from the site's fitted BG/NBD model, or undefined when the site has none. */
export type AliveProbability = (facts: PersonFacts, now: number) => number | undefined;

export interface Evaluation {
  stage: Stage;
  /** the decision-table row that placed the person (docs/lifecycle.md) */
  rule: RuleId;
  /** the facts behind it, for people: "cart with 2 items left at 14:02, no purchase" */
  reason: string;
  /** when the stage may next change with no new event; null when only an event can change it */
  dueAt: number | null;
}

export type RuleId =
  | 'live_interest'
  | 'unfinished_cart'
  | 'unfinished_checkout'
  | 'repeat_buyer_alive'
  | 'repeat_buyer_recent'
  | 'abandoned_gone_quiet'
  | 'one_time_buyer_gone_quiet'
  | 'repeat_buyer_not_alive'
  | 'repeat_buyer_lapsed'
  | 'everyone_else';

const time = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The decision table: the stage a person is in at `now`, with precedence
 * here_and_now > at_risk > loyal > dormant > potential. Pure and allocation-light: it runs for every visitor.
 */
export function evaluate(f: PersonFacts, t: Thresholds, now: number, pAlive?: AliveProbability): Evaluation {
  const sessionEnd = f.lastEventAt + t.session;
  const live = now < sessionEnd;
  const items = cartCount(f);
  const purchases = f.orders.length;
  const due: number[] = [];

  // here_and_now: a live session with product interest
  if (live && (f.sessionInterest || items > 0)) {
    return { stage: 'here_and_now', rule: 'live_interest', reason: `live session since ${time(f.lastEventAt)} with ${items > 0 ? `${items} item(s) in the cart` : 'product interest'}`, dueAt: sessionEnd };
  }

  // at_risk: the session ended with a cart or an open checkout, no purchase since, for atRisk after it ended
  const unfinished = items > 0 || f.checkoutOpen;
  const riskEnd = sessionEnd + t.atRisk;
  if (unfinished && !live && now < riskEnd) {
    const what = f.checkoutOpen ? `checkout begun, ${items} item(s) in the cart` : `cart with ${items} item(s)`;
    return { stage: 'at_risk', rule: f.checkoutOpen ? 'unfinished_checkout' : 'unfinished_cart', reason: `${what} left at ${time(f.lastEventAt)}, no purchase`, dueAt: riskEnd };
  }
  if (unfinished && live) due.push(sessionEnd); // an open checkout with no interest this session: at risk when it ends

  // loyal / dormant for repeat buyers: the model when the site has one, else purchase recency
  if (purchases >= t.loyalMinPurchases) {
    const p = pAlive?.(f, now);
    if (p !== undefined) {
      const reason = `${purchases} orders, P(alive) ${p.toFixed(2)} vs threshold ${t.pAliveThreshold}`;
      // P(alive) falls continuously while a buyer is quiet: look again in a day
      const dueAt = Math.min(now + DAY, ...due);
      if (p > t.pAliveThreshold) return { stage: 'loyal', rule: 'repeat_buyer_alive', reason, dueAt };
      if (!unfinished) return { stage: 'dormant', rule: 'repeat_buyer_not_alive', reason, dueAt };
    } else {
      const lapse = f.lastPurchaseAt! + t.loyalRecency;
      const reason = `${purchases} orders, last ${time(f.lastPurchaseAt!)}`;
      if (now < lapse) return { stage: 'loyal', rule: 'repeat_buyer_recent', reason, dueAt: Math.min(lapse, ...due) };
      if (!unfinished) return { stage: 'dormant', rule: 'repeat_buyer_lapsed', reason: `${reason}, no order for ${t.loyalRecency / DAY} days`, dueAt: due.length ? Math.min(...due) : null };
    }
  }

  // dormant: an abandoned cart never came back, or a one-time buyer went quiet
  if (unfinished && now >= riskEnd) {
    return { stage: 'dormant', rule: 'abandoned_gone_quiet', reason: `cart left at ${time(f.lastEventAt)}, no return for ${Math.round(t.atRisk / DAY)} days`, dueAt: null };
  }
  if (purchases === 1) {
    const quietAt = f.lastEventAt + t.oneTimeDormant;
    if (now >= quietAt) return { stage: 'dormant', rule: 'one_time_buyer_gone_quiet', reason: `one order (${time(f.lastPurchaseAt!)}), not seen since ${time(f.lastEventAt)}`, dueAt: null };
    due.push(quietAt);
  }

  return { stage: 'potential', rule: 'everyone_else', reason: purchases ? `${purchases} order(s), no other rule holds` : 'no cart, no purchase', dueAt: due.length ? Math.min(...due) : null };
}
