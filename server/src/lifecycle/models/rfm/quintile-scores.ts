export type Quintile = 1 | 2 | 3 | 4 | 5;

/**
 * Scores each value 1–5 by its place in the population, higher value → higher score.
 *
 * A value's place is the midpoint of its tie block: p = (values below + ties / 2) / n, and the score is
 * 1 + ⌊5p⌋. So equal values always get equal scores; with n distinct values the scores are equal-sized
 * quintiles (n = 10 gives two of each); and small populations land in the middle instead of the
 * bottom: one buyer scores 3, two distinct buyers 2 and 4, an all-equal population 3 throughout.
 * O(n log n).
 */
export function quintileScores(values: readonly number[]): Quintile[] {
  const n = values.length;
  const bad = values.findIndex((value) => !Number.isFinite(value));
  if (bad !== -1) throw new RangeError(`quintileScores: value ${bad} is not finite (${values[bad]})`);
  const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
  const scores = new Array<Quintile>(n);
  let blockStart = 0;
  while (blockStart < n) {
    const value = values[order[blockStart]!]!;
    let blockEnd = blockStart + 1;
    while (blockEnd < n && values[order[blockEnd]!] === value) blockEnd++;
    const place = (blockStart + (blockEnd - blockStart) / 2) / n;
    const score = Math.min(5, 1 + Math.floor(5 * place)) as Quintile;
    for (let k = blockStart; k < blockEnd; k++) scores[order[k]!] = score;
    blockStart = blockEnd;
  }
  return scores;
}
