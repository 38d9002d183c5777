import { describe, expect, test } from 'vitest';
import { categorise, CATEGORY_RULES, FALLBACK_CATEGORY, slugify } from './categories.ts';

describe('categorise', () => {
  test.each([
    ['WHITE HANGING HEART T-LIGHT HOLDER', 'Candles & Lights'],
    ['JUMBO BAG 50\'S CHRISTMAS', 'Christmas'], // Christmas wins over Bags & Storage
    ['LUNCH BAG RED RETROSPOT', 'Bags & Storage'],
    ['SPACEBOY LUNCH BOX', 'Kitchen & Dining'],
    ['PACK OF 72 RETROSPOT CAKE CASES', 'Baking & Party'],
    ['GARDENERS KNEELING PAD CUP OF TEA', 'Garden & Outdoor'],
    ['CHOCOLATE HOT WATER BOTTLE', 'Cosy & Comfort'],
    ['SPACEBOY BIRTHDAY CARD', 'Stationery & Gift Wrap'],
    ['VINTAGE SNAP CARDS', 'Toys & Games'],
    ['PLEASE ONE PERSON METAL SIGN', 'Home Decor'],
  ])('%s is in %s', (description, category) => {
    expect(categorise(description).name).toBe(category);
  });

  test('matches whole words only', () => {
    // "PENCE" contains PEN, "CARDIGAN" contains CARD: neither is stationery
    expect(categorise('LUCKY PENCE CARDIGAN').name).toBe(FALLBACK_CATEGORY.name);
  });
});

describe('slugify', () => {
  test('makes URL slugs of department names', () => {
    expect(slugify('Candles & Lights')).toBe('candles-lights');
    expect(slugify('  Toys, Games & More! ')).toBe('toys-games-more');
  });

  test('gives every department a distinct slug', () => {
    const slugs = [...CATEGORY_RULES, FALLBACK_CATEGORY].map((rule) => slugify(rule.name));
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
