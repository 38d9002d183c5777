import { expect, test } from 'vitest';
import { customerLifetimeValue } from './customer-lifetime-value.ts';

// The CDNOW fits (weeks, dollars) this module produces, to 7 significant digits.
const bgNbd = { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425753 };
const gammaGamma = { p: 6.248802, q: 3.744589, v: 15.44775 };

test('reproduces the lifetimes documentation, which fed weekly data with its default freq="D"', () => {
  // lifetimes' README CLV example passes CDNOW weeks with freq 'D', so a "month" there is 30 weeks.
  const customers = [
    [{ frequency: 2, recency: 30.43, age: 38.86, meanSpend: 22.35 }, 140.096211],
    [{ frequency: 1, recency: 1.71, age: 38.86, meanSpend: 11.77 }, 18.943467],
    [{ frequency: 0, recency: 0, age: 38.86, meanSpend: 0 }, 38.180574],
    [{ frequency: 7, recency: 29.43, age: 38.86, meanSpend: 73.74 }, 1003.868107],
    [{ frequency: 2, recency: 35.71, age: 38.86, meanSpend: 25.55 }, 167.418216],
  ] as const;
  for (const [buyer, expected] of customers) {
    expect(Math.abs(customerLifetimeValue(bgNbd, gammaGamma, buyer, { timeUnit: 'days' }) / expected - 1)).toBeLessThan(1e-5);
  }
});

test('with the unit stated correctly, a year is 52 weeks, not 360', () => {
  const buyer = { frequency: 2, recency: 30.43, age: 38.86, meanSpend: 22.35 };
  const inWeeks = customerLifetimeValue(bgNbd, gammaGamma, buyer, { timeUnit: 'weeks' });
  expect(inWeeks).toBeGreaterThan(30);
  expect(inWeeks).toBeLessThan(45);
});

test('grows with frequency for a buyer who just bought', () => {
  const values = [0, 1, 3, 6, 12].map((frequency) =>
    customerLifetimeValue(bgNbd, gammaGamma, { frequency, recency: frequency === 0 ? 0 : 30, age: 30, meanSpend: 40 }, { timeUnit: 'weeks' }),
  );
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]!);
});

test('is next to nothing for a frequent buyer long gone', () => {
  const gone = customerLifetimeValue(bgNbd, gammaGamma, { frequency: 10, recency: 5, age: 150, meanSpend: 40 }, { timeUnit: 'weeks' });
  const active = customerLifetimeValue(bgNbd, gammaGamma, { frequency: 10, recency: 150, age: 150, meanSpend: 40 }, { timeUnit: 'weeks' });
  expect(gone).toBeGreaterThanOrEqual(0);
  expect(gone).toBeLessThan(0.01);
  expect(active).toBeGreaterThan(100);
});

test('discounting lowers the value, and a longer horizon raises it', () => {
  const buyer = { frequency: 3, recency: 20, age: 30, meanSpend: 40 };
  const base = customerLifetimeValue(bgNbd, gammaGamma, buyer, { timeUnit: 'weeks' });
  expect(customerLifetimeValue(bgNbd, gammaGamma, buyer, { timeUnit: 'weeks', monthlyDiscountRate: 0 })).toBeGreaterThan(base);
  expect(customerLifetimeValue(bgNbd, gammaGamma, buyer, { timeUnit: 'weeks', months: 24 })).toBeGreaterThan(base);
});
