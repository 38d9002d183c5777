import { assertValidHistory, type PurchaseHistory } from './purchase-history.ts';

/** Distinct histories with how many buyers share each: the likelihood only needs each pattern once. */
export interface WeightedHistories {
  frequency: Float64Array;
  recency: Float64Array;
  age: Float64Array;
  weight: Float64Array;
  buyers: number;
  repeatBuyers: number;
  maxFrequency: number;
  maxAge: number;
}

/** Validates and collapses identical (x, t_x, T) rows; on CDNOW 2,357 buyers become 1,016 patterns. */
export function weightHistories(histories: readonly PurchaseHistory[]): WeightedHistories {
  const index = new Map<string, number>();
  const rows: { frequency: number; recency: number; age: number; weight: number }[] = [];
  let repeatBuyers = 0;
  let maxFrequency = 0;
  let maxAge = 0;
  histories.forEach((history, i) => {
    assertValidHistory(history, i);
    const { frequency, recency, age } = history;
    if (frequency > 0) repeatBuyers++;
    maxFrequency = Math.max(maxFrequency, frequency);
    maxAge = Math.max(maxAge, age);
    const key = `${frequency}|${recency}|${age}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, rows.length);
      rows.push({ frequency, recency, age, weight: 1 });
    } else {
      rows[at]!.weight++;
    }
  });
  return {
    frequency: Float64Array.from(rows, (row) => row.frequency),
    recency: Float64Array.from(rows, (row) => row.recency),
    age: Float64Array.from(rows, (row) => row.age),
    weight: Float64Array.from(rows, (row) => row.weight),
    buyers: histories.length,
    repeatBuyers,
    maxFrequency,
    maxAge,
  };
}
