import { expect, test } from 'vitest';
import { SessionRecommender } from './session-recommender.ts';
import { clicksOf, syntheticStream } from './test-clicks.ts';

// S1 = A B, S2 = A C, S3 = B C D, S4 = E, S5 = D F (so D → F is a sequential rule)
const training = clicksOf([
  ['S1', 'A', 1], ['S1', 'B', 2],
  ['S2', 'A', 3], ['S2', 'C', 4],
  ['S3', 'B', 5], ['S3', 'C', 6], ['S3', 'D', 7],
  ['S4', 'E', 8],
  ['S5', 'D', 9], ['S5', 'F', 10],
]);
const knn = { k: 100, sampleSize: 100, positionWeight: 'div', matchWeight: 'div', similarity: 'dot', idfWeight: 0 } as const;
const ids = (model: SessionRecommender, items: string[], limit = 6) => model.recommend(items, { limit }).map((r) => r.itemId);

test('without rules or reminders it ranks like the kNN alone', () => {
  const model = SessionRecommender.fromClicks(training, { knn });
  expect(model.recommend(['A', 'D'], { limit: 6 })).toEqual(model.knn.recommend(['A', 'D'], { limit: 6 }));
});

test('sequential rules lift the successors of the last click', () => {
  // kNN for A, D: S3 and S5 share D (weight 1), S1 and S2 share A (½): F gets S5's vote only
  const plain = SessionRecommender.fromClicks(training, { knn });
  const withRules = SessionRecommender.fromClicks(training, { knn, rulesWeight: 2, rules: { steps: 1, weighting: 'same' } });
  const plainRank = ids(plain, ['A', 'D']).indexOf('F');
  expect(ids(withRules, ['A', 'D'])[0]).toBe('F');
  expect(plainRank).toBeGreaterThan(0);
});

test('reminders lift the session\'s own items, the newest most', () => {
  const model = SessionRecommender.fromClicks(training, { knn, reminderWeight: 10 });
  expect(ids(model, ['E', 'A', 'D']).slice(0, 3)).toEqual(['D', 'A', 'E']);
  expect(model.recommend(['E', 'A', 'D'], { limit: 6, exclude: new Set(['D']) }).map((r) => r.itemId).slice(0, 2)).toEqual(['A', 'E']);
});

test('incremental updates equal a batch build for the whole hybrid', () => {
  const stream = syntheticStream(300, 50, 3);
  const options = { knn: { k: 30, sampleSize: 12 }, rulesWeight: 0.3, reminderWeight: 0.1 };
  const incremental = new SessionRecommender(options);
  for (const click of stream) incremental.addClick(click);
  // newest first; clicks at the same time keep their order, the one thing a batch cannot recover
  const batch = SessionRecommender.fromClicks([...stream].sort((a, b) => b.time - a.time), options);
  for (const query of [['i1'], ['i4', 'i5'], ['i30', 'i31', 'i30', 'i2']]) {
    expect(batch.recommend(query, { limit: 15 })).toEqual(incremental.recommend(query, { limit: 15 }));
  }
});
