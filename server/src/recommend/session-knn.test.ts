import { expect, test } from 'vitest';
import { mostSimilar } from './most-similar.ts';
import { SessionKnn, type SessionKnnOptions } from './session-knn.ts';
import { clicksOf, syntheticStream } from './test-clicks.ts';

// S1 = A B, S2 = A C, S3 = B C D, S4 = E, in that time order
const training = clicksOf([
  ['S1', 'A', 1], ['S1', 'B', 2],
  ['S2', 'A', 3], ['S2', 'C', 4],
  ['S3', 'B', 5], ['S3', 'C', 6], ['S3', 'D', 7],
  ['S4', 'E', 8],
]);
// position weights of the session A B with `div`: A 1/2, B 2/2; dot similarity divides by 2 distinct items
const plain: Partial<SessionKnnOptions> = { k: 100, sampleSize: 100, positionWeight: 'div', matchWeight: 'div', similarity: 'dot', idfWeight: 0 };
const ranking = (model: SessionKnn, items: string[], limit = 5, exclude?: Set<string>) =>
  model.recommend(items, { limit, ...(exclude && { exclude }) }).map((r) => `${r.itemId}:${r.score.toFixed(3)}`);

test('V-SKNN by hand: similarities S1 .75, S2 .25, S3 .5; S2 matched one click back votes at half', () => {
  // A = .75 + .25·½ = .875, B = .75 + .5 = 1.25, C = .125 + .5 = .625, D = .5; scaled by B; E is popularity fill
  const model = SessionKnn.fromClicks(training, plain);
  expect(ranking(model, ['A', 'B'])).toEqual(['B:1.000', 'A:0.700', 'C:0.500', 'D:0.400', 'E:0.000']);
});

test('k keeps the most similar neighbours only; equal scores go to the more clicked item', () => {
  // k = 2 drops S2: A .75, B 1.25, C .5, D .5, and C (2 clicks) ranks before D (1 click)
  const model = SessionKnn.fromClicks(training, { ...plain, k: 2 });
  expect(ranking(model, ['A', 'B'], 4)).toEqual(['B:1.000', 'A:0.600', 'C:0.400', 'D:0.400']);
});

test('the sample takes the most recent sessions sharing an item', () => {
  // sampleSize 2 keeps S3 and S2: A .125, B .5, C .625, D .5
  const model = SessionKnn.fromClicks(training, { ...plain, sampleSize: 2 });
  expect(ranking(model, ['A', 'B'], 4).map((r) => r.split(':')[0])).toEqual(['C', 'B', 'D', 'A']);
});

test('IDF lifts rare items: D (1 click) overtakes C (2 clicks)', () => {
  // ×(1 + ln(4 sessions / clicks)): C .625·(1+ln 2) = 1.058, D .5·(1+ln 4) = 1.193
  const model = SessionKnn.fromClicks(training, { ...plain, idfWeight: 1 });
  expect(ranking(model, ['A', 'B'], 4).map((r) => r.split(':')[0])).toEqual(['B', 'A', 'D', 'C']);
});

test('excluded items never appear, and the list is still filled to the limit', () => {
  const model = SessionKnn.fromClicks(training, plain);
  expect(ranking(model, ['A', 'B'], 4, new Set(['B', 'E'])).map((r) => r.split(':')[0])).toEqual(['A', 'C', 'D']);
  expect(ranking(model, ['A', 'B'], 3, new Set(['B'])).map((r) => r.split(':')[0])).toEqual(['A', 'C', 'D']);
});

test('an unknown or empty session gets the popular items; a short kNN list is topped up with them', () => {
  const model = SessionKnn.fromClicks(training, plain);
  // clicks: A 2, B 2, C 2, D 1, E 1; ties go to the item seen first
  expect(ranking(model, ['never-seen'], 3)).toEqual(['A:0.000', 'B:0.000', 'C:0.000']);
  expect(ranking(model, [], 2)).toEqual(['A:0.000', 'B:0.000']);
  expect(ranking(model, ['E'], 3)).toEqual(['E:1.000', 'A:0.000', 'B:0.000']);
});

test('a session already in the index is not its own neighbour when its id is given', () => {
  const model = SessionKnn.fromClicks([...training, ...clicksOf([['live', 'E', 9], ['live', 'Z', 10]])], plain);
  expect(model.recommend(['E'], { limit: 1 })[0]?.itemId).toBe('E');
  const own = model.recommend(['E'], { limit: 3, sessionId: 'live' }).map((r) => r.itemId);
  expect(own).toEqual(['E', 'A', 'B']); // S4 still votes for E; Z came only from the session itself
});

test('adding clicks one at a time gives the same model as a batch build from shuffled input', () => {
  const stream = syntheticStream(400, 60);
  // a small sample makes item logs compact often; item decay reads each session's click order
  const options = { k: 20, sampleSize: 8, idfWeight: 2, neighbourItemDecay: 2 };
  const incremental = new SessionKnn(options);
  for (const click of stream) incremental.addClick(click);
  // newest first; clicks at the same time keep their order, the one thing a batch cannot recover
  const shuffled = [...stream].sort((a, b) => b.time - a.time);
  const batch = SessionKnn.fromClicks(shuffled, options);
  const queries = [['i1'], ['i5', 'i6'], ['i10', 'i11', 'i10'], ['i59', 'i0', 'i2', 'i3'], ['nope', 'i7']];
  for (const query of queries) {
    expect(batch.recommend(query, { limit: 20 })).toEqual(incremental.recommend(query, { limit: 20 }));
  }
  expect(incremental.recommend(['i5', 'i6'], { limit: 20 })).toHaveLength(20);
});

test('mostSimilar keeps the k largest, earlier candidates winning ties', () => {
  expect(mostSimilar([0.5, 0.9, 0.5, 0.1, 0.5], 3)).toEqual([0, 1, 2]);
  expect(mostSimilar([0.2, 0.1], 5)).toEqual([0, 1]);
});
