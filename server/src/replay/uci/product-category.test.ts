import { describe, expect, test } from 'vitest';
import { productCategory } from './product-category.ts';

describe('productCategory', () => {
  test('picks the first rule whose keywords the description holds', () => {
    expect(productCategory('WHITE HANGING HEART T-LIGHT HOLDER')).toBe('Candles & lights');
    expect(productCategory('CHRISTMAS CRAFT TREE TOP ANGEL')).toBe('Christmas');
    expect(productCategory('JUMBO BAG RED RETROSPOT')).toBe('Bags');
    expect(productCategory('set of 3 cake tins pantry design')).toBe('Kitchen & dining');
  });

  test('matches whole words and leaves unknown products without a category', () => {
    expect(productCategory('SPRING BOUQUET')).toBeUndefined(); // RING is not a word here
    expect(productCategory('')).toBeUndefined();
  });
});
