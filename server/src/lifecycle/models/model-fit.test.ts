import { expect, test } from 'vitest';
import { DEFAULT_MINIMUM_REPEAT_BUYERS, tooFewRepeatBuyers } from './model-fit.ts';

test('the fallback decision names the count and the minimum', () => {
  expect(DEFAULT_MINIMUM_REPEAT_BUYERS).toBe(30);
  expect(tooFewRepeatBuyers(12, 30)).toEqual({ fitted: false, reason: 'only 12 repeat buyers; need 30' });
  expect(tooFewRepeatBuyers(1, 30)).toEqual({ fitted: false, reason: 'only 1 repeat buyer; need 30' });
  expect(tooFewRepeatBuyers(30, 30)).toBeNull();
});
