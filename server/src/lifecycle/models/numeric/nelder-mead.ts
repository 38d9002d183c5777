export type Objective = (point: Float64Array) => number;

export interface NelderMeadOptions {
  /** Edge length of the starting simplex along each axis. */
  initialStep?: number;
  /** Converged when every vertex is within this distance of the best, on every axis. */
  pointTolerance?: number;
  /** …and every vertex's value within this of the best value. */
  valueTolerance?: number;
  maxEvaluations?: number;
}

export interface NelderMeadResult {
  point: Float64Array;
  value: number;
  evaluations: number;
  converged: boolean;
}

// Standard coefficients (reflection, expansion, contraction, shrink) as in Lagarias et al. 1998.
const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;

/**
 * Minimises `objective` from `start` with the Nelder–Mead simplex method. Non-finite values are treated
 * as +∞, so an objective can reject a point (e.g. an overflow) by returning NaN.
 */
export function nelderMead(objective: Objective, start: ArrayLike<number>, options: NelderMeadOptions = {}): NelderMeadResult {
  const { initialStep = 0.5, pointTolerance = 1e-6, valueTolerance = 1e-10, maxEvaluations = 20_000 } = options;
  const n = start.length;
  let evaluations = 0;
  const evaluate = (point: Float64Array): number => {
    evaluations++;
    const value = objective(point);
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };

  const vertices: Float64Array[] = [];
  const values = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const vertex = Float64Array.from(start);
    if (i > 0) vertex[i - 1]! += initialStep;
    vertices.push(vertex);
    values[i] = evaluate(vertex);
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);
  const along = (to: Float64Array, from: Float64Array, coefficient: number): void => {
    for (let j = 0; j < n; j++) to[j] = centroid[j]! + coefficient * (from[j]! - centroid[j]!);
  };

  let converged = false;
  while (evaluations < maxEvaluations) {
    order.sort((i, j) => values[i]! - values[j]!);
    const best = order[0]!;
    const worst = order[n]!;
    if (isConverged(vertices, values, best, pointTolerance, valueTolerance)) {
      converged = true;
      break;
    }

    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const vertex = vertices[order[k]!]!;
      for (let j = 0; j < n; j++) centroid[j]! += vertex[j]! / n;
    }
    const worstVertex = vertices[worst]!;
    along(reflected, worstVertex, -REFLECT);
    const reflectedValue = evaluate(reflected);

    if (reflectedValue < values[best]!) {
      along(trial, worstVertex, -REFLECT * EXPAND);
      const expandedValue = evaluate(trial);
      const takeExpanded = expandedValue < reflectedValue;
      worstVertex.set(takeExpanded ? trial : reflected);
      values[worst] = takeExpanded ? expandedValue : reflectedValue;
      continue;
    }
    if (reflectedValue < values[order[n - 1]!]!) {
      worstVertex.set(reflected);
      values[worst] = reflectedValue;
      continue;
    }
    // Contract outside if the reflection beat the worst vertex, inside otherwise.
    const outside = reflectedValue < values[worst]!;
    along(trial, outside ? reflected : worstVertex, CONTRACT);
    const contractedValue = evaluate(trial);
    if (contractedValue < (outside ? reflectedValue : values[worst]!)) {
      worstVertex.set(trial);
      values[worst] = contractedValue;
      continue;
    }
    const bestVertex = vertices[best]!;
    for (let k = 1; k <= n; k++) {
      const vertex = vertices[order[k]!]!;
      for (let j = 0; j < n; j++) vertex[j] = bestVertex[j]! + SHRINK * (vertex[j]! - bestVertex[j]!);
      values[order[k]!] = evaluate(vertex);
    }
  }

  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i]! < values[best]!) best = i;
  return { point: Float64Array.from(vertices[best]!), value: values[best]!, evaluations, converged };
}

function isConverged(
  vertices: readonly Float64Array[],
  values: Float64Array,
  best: number,
  pointTolerance: number,
  valueTolerance: number,
): boolean {
  const bestVertex = vertices[best]!;
  const bestValue = values[best]!;
  if (!Number.isFinite(bestValue)) return false;
  for (let i = 0; i < vertices.length; i++) {
    if (Math.abs(values[i]! - bestValue) > valueTolerance) return false;
    const vertex = vertices[i]!;
    for (let j = 0; j < vertex.length; j++) if (Math.abs(vertex[j]! - bestVertex[j]!) > pointTolerance) return false;
  }
  return true;
}
