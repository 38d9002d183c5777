import { describe, expect, test } from 'vitest';
import type { CampaignId } from '../campaign-ids.ts';
import { defaultContactPolicy, type ContactPolicy } from './contact-policy.ts';
import { decideForPerson, type Decision, type PendingMessage, type PersonInput } from './decide.ts';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const utc = (iso: string) => Date.parse(`${iso}Z`);

/** Noon in Berlin (11:00 UTC), a winter Thursday: outside the default quiet hours. */
const NOW = utc('2026-01-15T11:00:00');
/** Caps alone, no quiet hours. */
const capsOnly: ContactPolicy = { maxPerWeek: 2, maxPerDay: 1, quietHours: null };

/** A decision without its id (Omit over each member of the union, keeping `until` on deferrals). */
type Outcome = Decision extends infer D ? (D extends Decision ? Omit<D, 'id'> : never) : never;

let ids = 0;
function message(campaign: CampaignId, change: Partial<PendingMessage> = {}): PendingMessage {
  ids += 1;
  return { id: `msg_${ids}`, campaign, dueAt: NOW - MIN, expiresAt: NOW + 2 * DAY, ...change };
}

/** By default one cart reminder, due a minute before `now`, fresh for ten more days (longer than any cap's wait). */
function decide(change: Partial<PersonInput>): Decision[] {
  const now = change.now ?? NOW;
  return decideForPerson({
    now,
    timeZone: 'Europe/Berlin',
    fallbackTimeZone: 'UTC',
    sentAt: [],
    pending: [message('abandoned_cart', { dueAt: now - MIN, expiresAt: now + 10 * DAY })],
    policy: defaultContactPolicy,
    ...change,
  });
}

/** The one decision for a single pending message. */
function only(change: Partial<PersonInput>): Outcome {
  const decisions = decide(change);
  expect(decisions).toHaveLength(1);
  const { id: _id, ...rest } = decisions[0] as Decision;
  return rest;
}

describe('caps are rolling windows, with exact edges', () => {
  const rows: Array<[string, ContactPolicy, number[], Outcome]> = [
    ['nothing sent yet', capsOnly, [], { kind: 'send' }],
    ['one sent 24 h less 1 ms ago', capsOnly, [NOW - DAY + 1], { kind: 'defer', until: NOW + 1, reason: '1 message in the last 24 h (cap 1)' }],
    ['one sent exactly 24 h ago', capsOnly, [NOW - DAY], { kind: 'send' }],
    ['one sent 1 h ago waits 23 h', capsOnly, [NOW - HOUR], { kind: 'defer', until: NOW + 23 * HOUR, reason: '1 message in the last 24 h (cap 1)' }],
    ['two in 7 days: until the older leaves the week', capsOnly, [NOW - 3 * DAY, NOW - 1.5 * DAY], { kind: 'defer', until: NOW + 4 * DAY, reason: '2 messages in the last 7 days (cap 2)' }],
    ['the older sent 7 days less 1 ms ago', capsOnly, [NOW - 7 * DAY + 1, NOW - 2 * DAY], { kind: 'defer', until: NOW + 1, reason: '2 messages in the last 7 days (cap 2)' }],
    ['the older sent exactly 7 days ago', capsOnly, [NOW - 7 * DAY, NOW - 2 * DAY], { kind: 'send' }],
    ['sends outside the week do not count', capsOnly, [NOW - 30 * DAY, NOW - 8 * DAY, NOW - 2 * DAY], { kind: 'send' }],
    [
      'both caps hold: the later of the two instants',
      capsOnly,
      [NOW - 7 * DAY + HOUR, NOW - HOUR],
      { kind: 'defer', until: NOW + 23 * HOUR, reason: '1 message in the last 24 h (cap 1); 2 messages in the last 7 days (cap 2)' },
    ],
    ['2 a day: until the oldest of the day leaves', { maxPerWeek: 5, maxPerDay: 2, quietHours: null }, [NOW - 10 * HOUR, NOW - 5 * HOUR], { kind: 'defer', until: NOW + 14 * HOUR, reason: '2 messages in the last 24 h (cap 2)' }],
    ['cap lowered below the sends it counts: until enough have left', capsOnly, [NOW - 6 * DAY, NOW - 5 * DAY, NOW - 2 * DAY], { kind: 'defer', until: NOW + 2 * DAY, reason: '3 messages in the last 7 days (cap 2)' }],
    ['3 in the last day, cap 1: until the newest leaves', { maxPerWeek: 5, maxPerDay: 1, quietHours: null }, [NOW - 9 * HOUR, NOW - 5 * HOUR, NOW - 2 * HOUR], { kind: 'defer', until: NOW + 22 * HOUR, reason: '3 messages in the last 24 h (cap 1)' }],
    ['sends given in any order', { maxPerWeek: 3, maxPerDay: 3, quietHours: null }, [NOW - 2 * DAY, NOW - 6 * DAY, NOW - 4 * DAY], { kind: 'defer', until: NOW + DAY, reason: '3 messages in the last 7 days (cap 3)' }],
  ];
  test.each(rows)('%s', (_name, policy, sentAt, expected) => {
    expect(only({ policy, sentAt })).toEqual(expected);
  });

  test('at the instant it was deferred to, it is sent', () => {
    const pending = [message('win_back')];
    const [first] = decide({ policy: capsOnly, sentAt: [NOW - HOUR], pending });
    expect(first).toMatchObject({ kind: 'defer', until: NOW + 23 * HOUR });
    const until = (first as { until: number }).until;
    expect(decide({ now: until, policy: capsOnly, sentAt: [NOW - HOUR], pending })).toEqual([{ id: pending[0]?.id, kind: 'send' }]);
    expect(decide({ now: until - 1, policy: capsOnly, sentAt: [NOW - HOUR], pending })[0]?.kind).toBe('defer');
  });
});

describe('quiet hours in the person’s zone', () => {
  test('22:00 in Berlin: deferred to 09:00 Berlin', () => {
    expect(only({ now: utc('2026-01-15T21:00:00') })).toEqual({ kind: 'defer', until: utc('2026-01-16T08:00:00'), reason: 'quiet hours until 09:00 Europe/Berlin' });
  });

  test('the same instant is daytime for one person and night for another', () => {
    const now = utc('2026-01-15T19:00:00'); // 20:00 Berlin, 08:00 next day Auckland, 11:00 Los Angeles
    expect(only({ now, timeZone: 'Europe/Berlin' })).toEqual({ kind: 'send' });
    expect(only({ now, timeZone: 'America/Los_Angeles' })).toEqual({ kind: 'send' });
    expect(only({ now, timeZone: 'Pacific/Auckland' })).toEqual({ kind: 'defer', until: utc('2026-01-15T20:00:00'), reason: 'quiet hours until 09:00 Pacific/Auckland' });
    const later = utc('2026-01-16T06:00:00'); // 07:00 Berlin, 19:00 Auckland, 22:00 (the 15th) Los Angeles
    expect(only({ now: later, timeZone: 'Europe/Berlin' })).toEqual({ kind: 'defer', until: utc('2026-01-16T08:00:00'), reason: 'quiet hours until 09:00 Europe/Berlin' });
    expect(only({ now: later, timeZone: 'Pacific/Auckland' })).toEqual({ kind: 'send' });
    expect(only({ now: later, timeZone: 'America/Los_Angeles' })).toEqual({ kind: 'defer', until: utc('2026-01-16T17:00:00'), reason: 'quiet hours until 09:00 America/Los_Angeles' });
  });

  test('on the night clocks go forward the quiet hours end at 09:00 summer time', () => {
    expect(only({ now: utc('2026-03-28T22:00:00') })).toEqual({ kind: 'defer', until: utc('2026-03-29T07:00:00'), reason: 'quiet hours until 09:00 Europe/Berlin' });
  });

  test('the cap frees the slot at night: deferred past both, both named', () => {
    // sent 21:30 Berlin yesterday; the day cap frees it at 21:30 today, which is quiet until 09:00 tomorrow
    expect(only({ sentAt: [utc('2026-01-14T20:30:00')] })).toEqual({
      kind: 'defer',
      until: utc('2026-01-16T08:00:00'),
      reason: '1 message in the last 24 h (cap 1); then quiet hours until 09:00 Europe/Berlin',
    });
  });

  test('quiet now: the reason names what holds it when the quiet hours end', () => {
    // 07:00 Berlin, a send 3 h ago (04:00 Berlin): the cap frees it at 04:00 tomorrow, inside the next quiet hours
    const now = utc('2026-01-15T06:00:00');
    expect(only({ now, sentAt: [now - 3 * HOUR] })).toEqual({
      kind: 'defer',
      until: utc('2026-01-16T08:00:00'),
      reason: '1 message in the last 24 h (cap 1); then quiet hours until 09:00 Europe/Berlin',
    });
    // a send at 10:00 Berlin yesterday: free at 10:00 today, after the quiet hours that hold now
    expect(only({ now, sentAt: [utc('2026-01-14T09:00:00')] })).toEqual({ kind: 'defer', until: utc('2026-01-15T09:00:00'), reason: '1 message in the last 24 h (cap 1)' });
  });

  test('no quiet hours: a night send is fine', () => {
    expect(only({ now: utc('2026-01-15T23:00:00'), policy: capsOnly })).toEqual({ kind: 'send' });
  });

  test('a missing or unknown zone uses the site’s fallback, named in the reason', () => {
    const now = utc('2026-01-15T21:00:00'); // 22:00 Berlin, 21:00 London
    expect(only({ now, timeZone: null, fallbackTimeZone: 'Europe/London' })).toEqual({ kind: 'defer', until: utc('2026-01-16T09:00:00'), reason: 'quiet hours until 09:00 Europe/London' });
    expect(only({ now, timeZone: 'Not/AZone', fallbackTimeZone: 'Europe/London' })).toEqual({ kind: 'defer', until: utc('2026-01-16T09:00:00'), reason: 'quiet hours until 09:00 Europe/London' });
    expect(only({ now: utc('2026-01-15T19:30:00'), timeZone: 'Not/AZone', fallbackTimeZone: 'Not/Either' })).toEqual({ kind: 'send' }); // 19:30 UTC
    expect(only({ now: utc('2026-01-15T21:30:00'), timeZone: null, fallbackTimeZone: 'Not/Either' })).toMatchObject({ reason: 'quiet hours until 09:00 UTC' });
  });
});

describe('priority', () => {
  test('one slot: the cart goes, the others are deferred naming it, in serving order', () => {
    const replenish = message('replenish');
    const winBack = message('win_back');
    const cart = message('abandoned_cart');
    const drop = message('price_drop');
    const review = message('review_request');
    const decisions = decide({ policy: capsOnly, pending: [replenish, review, winBack, cart, drop] });
    const lost = '1 message in the last 24 h (cap 1)';
    expect(decisions).toEqual([
      { id: cart.id, kind: 'send' },
      { id: drop.id, kind: 'defer', until: NOW + DAY, reason: `the slot went to the abandoned cart message (higher priority); ${lost}` },
      { id: winBack.id, kind: 'defer', until: NOW + DAY, reason: `the slot went to the abandoned cart message (higher priority); ${lost}` },
      { id: replenish.id, kind: 'defer', until: NOW + DAY, reason: `the slot went to the abandoned cart message (higher priority); ${lost}` },
      { id: review.id, kind: 'defer', until: NOW + DAY, reason: `the slot went to the abandoned cart message (higher priority); ${lost}` },
    ]);
  });

  test('back in stock and price drop share a rank: the one due first goes', () => {
    const drop = message('price_drop', { dueAt: NOW - 2 * HOUR });
    const stock = message('back_in_stock', { dueAt: NOW - HOUR });
    expect(decide({ policy: capsOnly, pending: [stock, drop] })).toEqual([
      { id: drop.id, kind: 'send' },
      { id: stock.id, kind: 'defer', until: NOW + DAY, reason: 'the slot went to the price drop message (same priority, due earlier); 1 message in the last 24 h (cap 1)' },
    ]);
  });

  test('a message sent here counts against the caps of those after it', () => {
    const policy: ContactPolicy = { maxPerWeek: 3, maxPerDay: 2, quietHours: null };
    const [a, b, c] = [message('abandoned_cart'), message('back_in_stock'), message('win_back')];
    expect(decide({ policy, pending: [c, b, a] })).toEqual([
      { id: a.id, kind: 'send' },
      { id: b.id, kind: 'send' },
      { id: c.id, kind: 'defer', until: NOW + DAY, reason: 'the slot went to the back in stock message (higher priority); 2 messages in the last 24 h (cap 2)' },
    ]);
    // with one sent 3 days ago, the week's cap holds the third until that one is 7 days old
    const late = { ...c, expiresAt: NOW + 10 * DAY };
    expect(decide({ policy, sentAt: [NOW - 3 * DAY], pending: [late, b, a] })).toEqual([
      { id: a.id, kind: 'send' },
      { id: b.id, kind: 'send' },
      { id: c.id, kind: 'defer', until: NOW + 4 * DAY, reason: 'the slot went to the back in stock message (higher priority); 2 messages in the last 24 h (cap 2); 3 messages in the last 7 days (cap 3)' },
    ]);
  });

  test('a loser whose wait is the cap alone, not the winner, is not told it lost a slot', () => {
    const [cart, winBack] = [message('abandoned_cart'), message('win_back')];
    // both blocked by a send an hour ago: nobody won anything in this call
    expect(decide({ policy: capsOnly, sentAt: [NOW - HOUR], pending: [winBack, cart] })).toEqual([
      { id: cart.id, kind: 'defer', until: NOW + 23 * HOUR, reason: '1 message in the last 24 h (cap 1)' },
      { id: winBack.id, kind: 'defer', until: NOW + 23 * HOUR, reason: '1 message in the last 24 h (cap 1)' },
    ]);
  });

  test('a message not yet due waits for its time and does not hold the slot', () => {
    const [cart, winBack] = [message('abandoned_cart', { dueAt: NOW + HOUR }), message('win_back')];
    expect(decide({ policy: capsOnly, pending: [winBack, cart] })).toEqual([
      { id: cart.id, kind: 'defer', until: NOW + HOUR, reason: 'not due until 13:00 Europe/Berlin' },
      { id: winBack.id, kind: 'send' },
    ]);
  });
});

describe('time to live', () => {
  test('expired at or before now', () => {
    expect(only({ pending: [message('abandoned_cart', { expiresAt: NOW })] })).toEqual({ kind: 'expire', reason: 'its time to live ended before it could be sent' });
    expect(only({ pending: [message('abandoned_cart', { expiresAt: NOW + 1 })] })).toEqual({ kind: 'send' });
  });

  test('the next allowed instant is after its TTL: expired with why', () => {
    const now = utc('2026-01-15T21:00:00'); // 22:00 Berlin; allowed at 08:00 UTC tomorrow
    const allowed = utc('2026-01-16T08:00:00');
    expect(only({ now, pending: [message('price_drop', { expiresAt: allowed })] })).toEqual({
      kind: 'expire',
      reason: 'its time to live ends before the next allowed time (quiet hours until 09:00 Europe/Berlin)',
    });
    expect(only({ now, pending: [message('price_drop', { expiresAt: allowed + 1 })] })).toEqual({ kind: 'defer', until: allowed, reason: 'quiet hours until 09:00 Europe/Berlin' });
  });

  test('a loser whose next slot is too late expires naming the winner', () => {
    const cart = message('abandoned_cart');
    const drop = message('price_drop', { expiresAt: NOW + 6 * HOUR });
    expect(decide({ policy: capsOnly, pending: [drop, cart] })).toEqual([
      { id: cart.id, kind: 'send' },
      {
        id: drop.id,
        kind: 'expire',
        reason: 'its time to live ends before the next allowed time (the slot went to the abandoned cart message (higher priority); 1 message in the last 24 h (cap 1))',
      },
    ]);
  });

  test('a cap of 0 sends nothing: deferred to the end of the TTL, then expired', () => {
    const cart = message('abandoned_cart', { expiresAt: NOW + 5 * HOUR });
    for (const policy of [{ ...capsOnly, maxPerDay: 0 }, { maxPerWeek: 0, maxPerDay: 0, quietHours: null }]) {
      expect(decide({ policy, pending: [cart] })).toEqual([{ id: cart.id, kind: 'defer', until: NOW + 5 * HOUR, reason: 'sending is paused (cap 0 per day)' }]);
      expect(decide({ now: NOW + 5 * HOUR, policy, pending: [cart] })).toEqual([{ id: cart.id, kind: 'expire', reason: 'its time to live ended before it could be sent' }]);
    }
    expect(only({ policy: { maxPerWeek: 0, maxPerDay: 1, quietHours: null } })).toMatchObject({ kind: 'defer', reason: 'sending is paused (cap 0 per week)' });
  });
});
