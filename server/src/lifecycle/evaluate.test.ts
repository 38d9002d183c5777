import { describe, expect, test } from 'vitest';
import { evaluate, type RuleId } from './evaluate.ts';
import { emptyFacts, type PersonFacts } from './facts.ts';
import { defaultLifecycleSettings, thresholdsOf } from './settings.ts';
import type { Stage } from './stages.ts';

const MIN = 60_000;
const DAY = 1440 * MIN;
const NOW = Date.UTC(2026, 10, 23, 12);
const t = thresholdsOf(defaultLifecycleSettings);

/** A person last seen `ago` before now, with some facts changed. */
function person(ago: number, change: Partial<PersonFacts> = {}): PersonFacts {
  return { ...emptyFacts(NOW - ago), ...change };
}
const orders = (...daysAgo: number[]) => daysAgo.map((d, i) => ({ id: `o${i}`, at: NOW - d * DAY, value: 10 }));
const buyer = (ago: number, daysAgo: number[], change: Partial<PersonFacts> = {}) =>
  person(ago, { orders: orders(...daysAgo), firstPurchaseAt: NOW - Math.max(...daysAgo) * DAY, lastPurchaseAt: NOW - Math.min(...daysAgo) * DAY, ...change });

// One row per line of the decision table in docs/lifecycle.md, with its edge.
const rows: Array<[string, PersonFacts, Stage, RuleId, ((f: PersonFacts) => number | undefined)?]> = [
  ['1 live session with a product view', person(5 * MIN, { sessionInterest: true }), 'here_and_now', 'live_interest'],
  ['1 live session, items in the cart (no view this session)', person(5 * MIN, { cart: { a: 1 } }), 'here_and_now', 'live_interest'],
  ['1 edge: 29 min 59 s after the last event', person(30 * MIN - 1000, { sessionInterest: true }), 'here_and_now', 'live_interest'],
  ['2 session ended with a cart', person(30 * MIN, { cart: { a: 2 } }), 'at_risk', 'unfinished_cart'],
  ['2 edge: just inside 7 days after the session ended', person(30 * MIN + 7 * DAY - 1, { cart: { a: 1 } }), 'at_risk', 'unfinished_cart'],
  ['3 session ended mid-checkout', person(40 * MIN, { cart: { a: 1 }, checkoutOpen: true }), 'at_risk', 'unfinished_checkout'],
  ['4 repeat buyer, model says alive', buyer(20 * DAY, [20, 50]), 'loyal', 'repeat_buyer_alive', () => 0.8],
  ['5 repeat buyer, no model, last order 179 days ago', buyer(179 * DAY, [179, 300]), 'loyal', 'repeat_buyer_recent'],
  ['6 cart left, no return for 7 days after the session', person(30 * MIN + 7 * DAY, { cart: { a: 1 } }), 'dormant', 'abandoned_gone_quiet'],
  ['7 one order, not seen for 60 days', buyer(60 * DAY, [60]), 'dormant', 'one_time_buyer_gone_quiet'],
  ['8 repeat buyer, model says not alive', buyer(20 * DAY, [20, 50]), 'dormant', 'repeat_buyer_not_alive', () => 0.3],
  ['9 repeat buyer, no model, last order 180 days ago', buyer(180 * DAY, [180, 300]), 'dormant', 'repeat_buyer_lapsed'],
  ['10 arrived, no interest, live', person(MIN), 'potential', 'everyone_else'],
  ['10 looked at products, session over, no cart', person(31 * MIN, { sessionInterest: true }), 'potential', 'everyone_else'],
  ['10 one order, seen 59 days ago', buyer(59 * DAY, [59]), 'potential', 'everyone_else'],
];

describe('decision table', () => {
  test.each(rows)('row %s', (_name, facts, stage, rule, pAlive) => {
    expect(evaluate(facts, t, NOW, pAlive ? (f) => pAlive(f) : undefined)).toMatchObject({ stage, rule });
  });
});

describe('precedence: here_and_now > at_risk > loyal > dormant > potential', () => {
  test('a live loyal buyer is here_and_now', () => {
    expect(evaluate(buyer(5 * MIN, [1, 30], { sessionInterest: true }), t, NOW).stage).toBe('here_and_now');
  });
  test('a loyal buyer who left a cart is at_risk', () => {
    expect(evaluate(buyer(2 * DAY, [2, 30], { cart: { a: 1 } }), t, NOW).stage).toBe('at_risk');
  });
  test('a loyal buyer whose abandoned cart went quiet is loyal, not dormant', () => {
    expect(evaluate(buyer(8 * DAY, [8, 30], { cart: { a: 1 } }), t, NOW).stage).toBe('loyal');
  });
  test('a one-time buyer with a fresh abandoned cart is at_risk, not potential', () => {
    expect(evaluate(buyer(DAY, [20], { cart: { a: 1 } }), t, NOW).stage).toBe('at_risk');
  });
});

describe('the next moment time alone may change the stage', () => {
  test('here_and_now: when the session ends', () => {
    expect(evaluate(person(5 * MIN, { sessionInterest: true }), t, NOW).dueAt).toBe(NOW - 5 * MIN + 30 * MIN);
  });
  test('at_risk: 7 days after the session ended', () => {
    expect(evaluate(person(40 * MIN, { cart: { a: 1 } }), t, NOW).dueAt).toBe(NOW - 40 * MIN + 30 * MIN + 7 * DAY);
  });
  test('a one-time buyer: 60 days after last seen', () => {
    expect(evaluate(buyer(10 * DAY, [10]), t, NOW).dueAt).toBe(NOW - 10 * DAY + 60 * DAY);
  });
  test('a browser with no cart and no order: only an event can change it', () => {
    expect(evaluate(person(40 * MIN, { sessionInterest: true }), t, NOW).dueAt).toBeNull();
  });
  test('thresholds are settings: a 10-minute session makes 11 minutes an ended session', () => {
    const short = thresholdsOf({ ...defaultLifecycleSettings, sessionTimeoutMinutes: 10 });
    expect(evaluate(person(11 * MIN, { cart: { a: 1 } }), short, NOW).stage).toBe('at_risk');
  });
});
