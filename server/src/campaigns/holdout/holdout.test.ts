import { describe, expect, test } from 'vitest';
import { holdoutPosition, inHoldout } from './holdout.ts';

const N = 100_000;
const ids = Array.from({ length: N }, (_, i) => `v_${i.toString(36)}_${(i * 2_654_435_761) >>> 0}`);

/** Bounds 5 standard deviations either side of the binomial mean: a correct hash fails this about 1 in 3.5 million. */
function binomialBand(n: number, p: number): [number, number] {
  const sd = Math.sqrt(n * p * (1 - p));
  return [n * p - 5 * sd, n * p + 5 * sd];
}

describe('holdout', () => {
  test('stable: the same person gets the same answer every time', () => {
    for (const id of ids.slice(0, 1000)) {
      expect(inHoldout(id, 'abandoned_cart', 10)).toBe(inHoldout(id, 'abandoned_cart', 10));
    }
  });

  test('pinned: sha256("campaign\\nperson"), first 48 bits (worked out with Python’s hashlib)', () => {
    // Changing the hash would move people between groups in the middle of running experiments.
    const pattern = (campaign: 'abandoned_cart' | 'win_back') =>
      Array.from({ length: 24 }, (_, i) => (inHoldout(`v_${i}`, campaign, 50) ? '1' : '0')).join('');
    expect(pattern('abandoned_cart')).toBe('011011111101100111010100');
    expect(pattern('win_back')).toBe('001110100011011101110010');
    expect(holdoutPosition('v_0', 'abandoned_cart')).toBeCloseTo(0.7715756193039454, 12);
  });

  test.each([10, 50])('about %i % of 100,000 people are held out', (percent) => {
    const held = ids.filter((id) => inHoldout(id, 'win_back', percent)).length;
    const [low, high] = binomialBand(N, percent / 100);
    expect(held).toBeGreaterThan(low);
    expect(held).toBeLessThan(high);
  });

  test('0 % holds out nobody, 100 % everybody', () => {
    const some = ids.slice(0, 10_000);
    expect(some.some((id) => inHoldout(id, 'replenish', 0))).toBe(false);
    expect(some.every((id) => inHoldout(id, 'replenish', 100))).toBe(true);
  });

  test('nested: raising the percent only adds people', () => {
    for (const id of ids.slice(0, 20_000)) {
      if (inHoldout(id, 'price_drop', 10)) expect(inHoldout(id, 'price_drop', 20)).toBe(true);
    }
  });

  test('independent across campaigns: being held out of one says nothing about another', () => {
    const inCart = ids.map((id) => inHoldout(id, 'abandoned_cart', 10));
    const inWinBack = ids.map((id) => inHoldout(id, 'win_back', 10));
    const both = inCart.filter((held, i) => held && inWinBack[i]).length;
    // P(both) = 0.1 × 0.1 if independent; the same campaign twice would give 0.1
    const [low, high] = binomialBand(N, 0.01);
    expect(both).toBeGreaterThan(low);
    expect(both).toBeLessThan(high);
    const cartCount = inCart.filter(Boolean).length;
    const [condLow, condHigh] = binomialBand(cartCount, 0.1);
    expect(both).toBeGreaterThan(condLow); // of those held out of the cart campaign, still about 10 % of win-back
    expect(both).toBeLessThan(condHigh);
  });

  test('a percent outside 0–100 is a programming error', () => {
    for (const bad of [-1, 101, Number.NaN]) expect(() => inHoldout('v_1', 'win_back', bad)).toThrow(RangeError);
  });
});
