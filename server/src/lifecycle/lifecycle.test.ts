import { describe, expect, test } from 'vitest';
import { batch, event, postCollect, testApp } from '../../test/helpers.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const item = { item_id: 'SKU-1', item_name: 'Mug', price: 5, currency: 'GBP', quantity: 1 };

async function setup() {
  const t = await testApp();
  const send = async (vid: string, ...events: ReturnType<typeof event>[]) => {
    const res = await postCollect(t.app, batch(events, { vid }));
    expect(res.status).toBe(200);
  };
  const profile = async (profileId: string) => {
    const rs = await t.db.client.execute({ sql: 'SELECT stage, rule, reason, due_at FROM profiles WHERE profile_id = ?', args: [profileId] });
    return rs.rows[0] as unknown as { stage: string; rule: string; reason: string; due_at: number | null } | undefined;
  };
  /** moves the clock, lets the scheduler do what is due, and returns the stage */
  const stageAfter = async (profileId: string, ms = 0) => {
    t.clock.advance(ms);
    await t.scheduler.runDue();
    return (await profile(profileId))?.stage;
  };
  const transitions = async (profileId: string) => {
    const rs = await t.db.client.execute({ sql: 'SELECT from_stage, to_stage, rule, reason FROM stage_transitions WHERE profile_id = ? ORDER BY id', args: [profileId] });
    return rs.rows.map((r) => `${String(r.from_stage)}→${String(r.to_stage)} (${String(r.rule)})`);
  };
  const purchase = (id: string) => event('purchase', { transaction_id: id, value: 5, currency: 'GBP', items: [item] });
  return { ...t, send, profile, stageAfter, transitions, purchase };
}

describe('decision table', () => {
  test('arrived and looked around, no product interest → potential', async () => {
    const t = await setup();
    await t.send('v1', event('page_view'));
    expect(await t.stageAfter('v:v1')).toBe('potential');
    expect((await t.profile('v:v1'))?.rule).toBe('everyone_else');
  });

  test('a product view in a live session → here_and_now; the session ending with no cart → potential (time alone)', async () => {
    const t = await setup();
    await t.send('v1', event('page_view'), event('view_item', { items: [item] }));
    expect(await t.stageAfter('v:v1')).toBe('here_and_now');
    expect(await t.stageAfter('v:v1', 29 * MIN)).toBe('here_and_now');
    expect(await t.stageAfter('v:v1', 1 * MIN)).toBe('potential');
    expect(await t.transitions('v:v1')).toEqual(['null→here_and_now (live_interest)', 'here_and_now→potential (everyone_else)']);
  });

  test('a search counts as product interest', async () => {
    const t = await setup();
    await t.send('v1', event('search', { search_term: 'mug' }));
    expect(await t.stageAfter('v:v1')).toBe('here_and_now');
  });

  test('left with a cart → at_risk after the session timeout, with the why; dormant 7 days later, by time alone', async () => {
    const t = await setup();
    await t.send('v1', event('view_item', { items: [item] }), event('add_to_cart', { items: [{ ...item, quantity: 2 }] }));
    expect(await t.stageAfter('v:v1')).toBe('here_and_now');
    expect(await t.stageAfter('v:v1', 30 * MIN)).toBe('at_risk');
    const p = await t.profile('v:v1');
    expect(p?.rule).toBe('unfinished_cart');
    expect(p?.reason).toMatch(/^cart with 2 item\(s\) left at \d{4}-\d\d-\d\d \d\d:\d\d, no purchase$/);
    expect(await t.stageAfter('v:v1', 7 * DAY - 1)).toBe('at_risk');
    expect(await t.stageAfter('v:v1', 1)).toBe('dormant');
    expect((await t.profile('v:v1'))?.rule).toBe('abandoned_gone_quiet');
  });

  test('a removed cart item is not a cart left behind', async () => {
    const t = await setup();
    await t.send('v1', event('add_to_cart', { items: [item] }), event('remove_from_cart', { items: [item] }));
    expect(await t.stageAfter('v:v1', 31 * MIN)).toBe('potential');
  });

  test('left mid-checkout → at_risk (unfinished_checkout)', async () => {
    const t = await setup();
    await t.send('v1', event('add_to_cart', { items: [item] }), event('begin_checkout', { items: [item] }));
    expect(await t.stageAfter('v:v1', 31 * MIN)).toBe('at_risk');
    expect((await t.profile('v:v1'))?.rule).toBe('unfinished_checkout');
  });

  test('a one-time buyer is potential after the session, dormant when not seen for 60 days', async () => {
    const t = await setup();
    await t.send('v1', event('add_to_cart', { items: [item] }), t.purchase('T1'));
    expect(await t.stageAfter('v:v1', 31 * MIN)).toBe('potential');
    expect(await t.stageAfter('v:v1', 60 * DAY - 31 * MIN - 1)).toBe('potential');
    expect(await t.stageAfter('v:v1', 1)).toBe('dormant');
    expect((await t.profile('v:v1'))?.rule).toBe('one_time_buyer_gone_quiet');
  });

  test('two purchases → loyal; no order for 180 days → dormant (no model: the recency rule)', async () => {
    const t = await setup();
    await t.send('v1', t.purchase('T1'));
    t.clock.advance(10 * DAY);
    await t.send('v1', t.purchase('T2'));
    expect(await t.stageAfter('v:v1', 31 * MIN)).toBe('loyal');
    expect((await t.profile('v:v1'))?.rule).toBe('repeat_buyer_recent');
    expect(await t.stageAfter('v:v1', 180 * DAY - 31 * MIN - 1)).toBe('loyal');
    expect(await t.stageAfter('v:v1', 1)).toBe('dormant');
    expect((await t.profile('v:v1'))?.rule).toBe('repeat_buyer_lapsed');
  });

  test('a reloaded confirmation page (same transaction id) is one order, not two', async () => {
    const t = await setup();
    await t.send('v1', t.purchase('T1'), t.purchase('T1'));
    expect(await t.stageAfter('v:v1', 31 * MIN)).toBe('potential');
  });
});

describe('precedence and returns', () => {
  test('here_and_now beats loyal; at_risk beats loyal', async () => {
    const t = await setup();
    await t.send('v1', t.purchase('T1'), t.purchase('T2'));
    expect(await t.stageAfter('v:v1', 31 * MIN)).toBe('loyal');
    await t.send('v1', event('view_item', { items: [item] }));
    expect(await t.stageAfter('v:v1')).toBe('here_and_now');
    await t.send('v1', event('add_to_cart', { items: [item] }));
    expect(await t.stageAfter('v:v1', 31 * MIN)).toBe('at_risk');
    // when the at-risk window closes, a loyal buyer is loyal again rather than dormant (loyal > dormant)
    expect(await t.stageAfter('v:v1', 7 * DAY)).toBe('loyal');
  });

  test('returning to a live session leaves at_risk and dormant at once; the purchase that follows moves them on', async () => {
    const t = await setup();
    await t.send('v1', event('add_to_cart', { items: [item] }));
    expect(await t.stageAfter('v:v1', 8 * DAY)).toBe('dormant');
    await t.send('v1', event('page_view'));
    expect(await t.stageAfter('v:v1')).toBe('here_and_now'); // the cart is still there: live intent
    await t.send('v1', t.purchase('T1'));
    expect(await t.stageAfter('v:v1', 31 * MIN)).toBe('potential');
  });
});

describe('scheduler', () => {
  test('only due people are evaluated: nothing due, nothing done', async () => {
    const t = await setup();
    await t.send('v1', event('page_view'));
    expect((await t.scheduler.runDue()).evaluated).toBe(1);
    expect((await t.scheduler.runDue()).evaluated).toBe(0); // potential with no cart: only an event can change it
    t.clock.advance(DAY);
    expect((await t.scheduler.runDue()).evaluated).toBe(0);
  });

  test('an event arriving while a person is being evaluated is not lost', async () => {
    const t = await setup();
    await t.send('v1', event('page_view'));
    const claimed = t.scheduler.round();
    await t.send('v1', event('view_item', { items: [item] })); // lands between the claim and the write
    await claimed;
    expect(await t.stageAfter('v:v1')).toBe('here_and_now');
  });
});
