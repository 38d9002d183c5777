/**
 * Indices of the `k` largest similarities; among equal ones the earlier (more recent) candidate wins, as a
 * stable sort would decide. A typed-array sort of the values finds the cut, cheaper than sorting candidates.
 */
export function mostSimilar(similarities: readonly number[], k: number): number[] {
  const chosen: number[] = [];
  if (similarities.length <= k) {
    for (let i = 0; i < similarities.length; i++) chosen.push(i);
    return chosen;
  }
  const sorted = Float64Array.from(similarities).sort();
  const cut = sorted[sorted.length - k] as number;
  let tiesAllowed = 0;
  for (let i = sorted.length - k; i < sorted.length && sorted[i] === cut; i++) tiesAllowed++;
  for (let i = 0; i < similarities.length; i++) {
    const similarity = similarities[i] as number;
    if (similarity > cut) chosen.push(i);
    else if (similarity === cut && tiesAllowed > 0) {
      tiesAllowed--;
      chosen.push(i);
    }
  }
  return chosen;
}
