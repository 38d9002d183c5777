import { expect, test } from 'vitest';
import { SessionKnn } from './session-knn.ts';
import { syntheticStream } from './test-clicks.ts';
import type { Click } from './types.ts';

/**
 * V-SKNN written the slow, obvious way, straight from session-rec's vsknn.py: every session holding a current
 * item, the `sampleSize` most recent of them, the k most similar, votes summed. The index's logs, cursors and
 * compaction must select exactly the same neighbours.
 */
function bruteForceVotes(stream: readonly Click[], current: string[], k: number, sampleSize: number): Map<string, number> {
  const sessions = new Map<string, { items: Set<string>; time: number; touched: number }>();
  stream.forEach((click, i) => {
    const session = sessions.get(click.sessionId) ?? { items: new Set<string>(), time: -Infinity, touched: -1 };
    session.items.add(click.itemId);
    session.time = click.time;
    session.touched = i;
    sessions.set(click.sessionId, session);
  });
  const weight = new Map<string, number>();
  current.forEach((item, i) => weight.set(item, (i + 1) / current.length)); // `div`, newest position wins
  const candidates = [...sessions.values()]
    .filter((s) => current.some((item) => s.items.has(item)))
    .sort((a, b) => b.time - a.time || b.touched - a.touched)
    .slice(0, sampleSize)
    .map((s) => {
      let overlap = 0;
      for (const item of s.items) overlap += weight.get(item) ?? 0;
      const step = [...current].reverse().findIndex((item) => s.items.has(item)) + 1;
      return { items: s.items, similarity: overlap / weight.size, step };
    });
  const neighbours = candidates.map((c, i) => ({ ...c, i })).sort((a, b) => b.similarity - a.similarity || a.i - b.i).slice(0, k);
  const votes = new Map<string, number>();
  for (const n of neighbours) for (const item of n.items) votes.set(item, (votes.get(item) ?? 0) + n.similarity / n.step);
  const best = Math.max(...votes.values());
  for (const [item, vote] of votes) votes.set(item, vote / best);
  return votes;
}

test.each([0.2, 0.9])('the incremental index selects the same neighbours as a brute-force V-SKNN (%s of clicks at the same time)', (sameTimeShare) => {
  const stream = syntheticStream(600, 40, 11, sameTimeShare);
  const options = { k: 6, sampleSize: 10, positionWeight: 'div', matchWeight: 'div', similarity: 'dot', idfWeight: 0 } as const;
  const model = new SessionKnn(options);
  for (const click of stream) model.addClick(click);
  const queries = [['i20', 'i21', 'i20'], ['i0', 'i39', 'i17', 'i18', 'i19']];
  for (let i = 0; i < 40; i++) queries.push([`i${i}`], [`i${i}`, `i${(i + 1) % 40}`]);
  for (const current of queries) {
    const expected = bruteForceVotes(stream, current, options.k, options.sampleSize);
    const actual = new Map(model.neighbourVotes(current).map((r) => [r.itemId, r.score]));
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [item, score] of expected) expect(actual.get(item)).toBeCloseTo(score, 10);
  }
});
