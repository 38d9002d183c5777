import { describe, expect, test } from 'vitest';
import { event } from '../../../test/helpers.ts';
import { scenarioForStage } from './choose-scenario.ts';
import { cart, purchase, testShop, view } from './test-shop.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** a seeded shop where `me`'s stage is moved by the real lifecycle scheduler */
async function setup() {
  const t = await testShop();
  await t.seedHistory();
  const stageAfter = async (ms: number) => {
    t.clock.advance(ms);
    await t.scheduler.runDue();
  };
  const auto = async (query: Record<string, string> = {}) => {
    const r = await t.get({ visitor: 'me', ...query });
    expect(r.status).toBe(200);
    return { scenario: r.body.scenario, items: r.body.items.map((i) => i.item_id) };
  };
  return { ...t, stageAfter, auto };
}

describe('auto: the lifecycle stage chooses the scenario', () => {
  test('potential (arrived, no product interest) → popular', async () => {
    const t = await setup();
    await t.send('me', [event('page_view')]);
    await t.stageAfter(0);
    expect(await t.auto()).toEqual({ scenario: 'popular', items: ['m1', 't1', 't2', 'm2', 's1', 'm3'] });
  });

  test('here_and_now → similar on a product page, else also-bought with a cart, else for-you', async () => {
    const t = await setup();
    await t.send('me', [view('m2')], 'live');
    await t.stageAfter(0);
    expect((await t.auto({ item: 'm2' })).scenario).toBe('similar');
    expect((await t.auto({ item: 'm2' })).items[0]).toBe('m1');
    expect((await t.auto()).scenario).toBe('for-you');
    await t.send('me', [cart('s1')], 'live');
    await t.stageAfter(0);
    expect(await t.auto()).toMatchObject({ scenario: 'also-bought', items: expect.arrayContaining(['m1']) as unknown });
    expect((await t.auto()).items).not.toContain('s1');
  });

  test('at_risk → the abandoned cart first, then close alternatives; dormant a week later → win-back', async () => {
    const t = await setup();
    await t.send('me', [view('m2'), cart('m2')]);
    await t.stageAfter(31 * MIN);
    const atRisk = await t.auto();
    expect(atRisk.scenario).toBe('abandoned-cart');
    expect(atRisk.items.slice(0, 2)).toEqual(['m2', 'm1']);
    await t.stageAfter(7 * DAY);
    expect((await t.auto()).scenario).toBe('win-back');
  });

  test('an abandoned cart item that went out of stock is not shown', async () => {
    const t = await setup();
    await t.send('me', [cart('m2')]);
    await t.feed([{ item_id: 'm2', availability: 'out_of_stock' }]);
    await t.stageAfter(31 * MIN);
    const atRisk = await t.auto();
    expect(atRisk.scenario).toBe('abandoned-cart');
    expect(atRisk.items).not.toContain('m2');
    expect(atRisk.items[0]).toBe('m1');
  });

  test('loyal (two orders) with nothing due again → for-you, never what they bought', async () => {
    const t = await setup();
    await t.send('me', [view('m2'), purchase('m2')]);
    t.clock.advance(10 * DAY);
    await t.send('me', [view('t2'), purchase('t2')]);
    await t.stageAfter(31 * MIN);
    const loyal = await t.auto();
    expect(loyal.scenario).toBe('for-you');
    expect(loyal.items).not.toContain('m2');
    expect(loyal.items).not.toContain('t2');
    expect(loyal.items[0]).toBe('m1');
  });

  test('loyal with a consumable due → replenish, which offers what they bought before', async () => {
    const t = await setup();
    for (const vid of ['r1', 'r2', 'r3']) {
      await t.send(vid, [purchase('s1')]);
      t.clock.advance(10 * DAY);
      await t.send(vid, [purchase('s1')]);
    }
    await t.send('me', [view('s1'), purchase('s1')]);
    t.clock.advance(10 * DAY);
    await t.send('me', [view('t2'), purchase('t2')]);
    await t.stageAfter(31 * MIN);
    expect(await t.auto()).toEqual({ scenario: 'replenish', items: ['s1'] });
  });

  test('the decision table itself', () => {
    const none = { item: false, cart: false };
    expect(scenarioForStage('here_and_now', { item: true, cart: true })).toBe('similar');
    expect(scenarioForStage('here_and_now', { item: false, cart: true })).toBe('also-bought');
    expect(scenarioForStage('here_and_now', none)).toBe('for-you');
    expect(scenarioForStage('at_risk', { item: false, cart: true })).toBe('abandoned-cart');
    expect(scenarioForStage('at_risk', none)).toBe('for-you');
    expect(scenarioForStage('dormant', none)).toBe('win-back');
    expect(scenarioForStage('loyal', none)).toBe('replenish');
    expect(scenarioForStage('potential', { item: true, cart: true })).toBe('popular');
  });
});
