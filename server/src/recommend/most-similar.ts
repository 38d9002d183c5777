/**
 * Indices of the `k` largest similarities; among equal ones the earlier (more recent) candidate wins, as a
 * stable sort would decide. A typed-array sort of the values finds the cut, cheaper than sorting candidates.
 */
export function mostSimilar(similarities: readonly number[], k: number): number[] {
  const chosen = new Int32Array(Math.min(k, similarities.length));
  const count = mostSimilarInto(Float64Array.from(similarities), similarities.length, k, new Float64Array(similarities.length), chosen);
  return Array.from(chosen.subarray(0, count));
}

/**
 * `mostSimilar` over the first `length` similarities, writing the chosen indices (in candidate order) to
 * `chosen` and returning how many; `scratch` (at least `length` long) holds the sort. Allocates nothing.
 */
export function mostSimilarInto(similarities: Float64Array, length: number, k: number, scratch: Float64Array, chosen: Int32Array): number {
  let count = 0;
  if (length <= k) {
    for (let i = 0; i < length; i++) chosen[count++] = i;
    return count;
  }
  for (let i = 0; i < length; i++) scratch[i] = similarities[i] as number;
  const sorted = scratch.subarray(0, length).sort();
  const cut = sorted[length - k] as number;
  let tiesAllowed = 0;
  for (let i = length - k; i < length && sorted[i] === cut; i++) tiesAllowed++;
  for (let i = 0; i < length; i++) {
    const similarity = similarities[i] as number;
    if (similarity > cut) chosen[count++] = i;
    else if (similarity === cut && tiesAllowed > 0) {
      tiesAllowed--;
      chosen[count++] = i;
    }
  }
  return count;
}
