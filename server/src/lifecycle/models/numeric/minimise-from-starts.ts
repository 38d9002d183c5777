import { nelderMead, type Objective } from './nelder-mead.ts';

export interface MinimiseOptions {
  /** Restarts of Nelder–Mead from its own answer before giving up on convergence. */
  maxRestarts?: number;
  /** A restart that improves the value by no more than this confirms the minimum. */
  restartTolerance?: number;
  maxEvaluationsPerRun?: number;
}

/** How the minimum was reached; a caller should not trust `point` unless `converged`. */
export interface Convergence {
  converged: boolean;
  /** Objective evaluations over all starts and restarts: the cost of the fit. */
  evaluations: number;
  starts: number;
  /** Starts whose rough search reached the final value (to 1e-6 relative): agreement is evidence of a global optimum. */
  startsAgreeing: number;
  /** Restarts the polishing run needed before one confirmed the minimum. */
  restarts: number;
}

export interface MinimiseResult {
  point: Float64Array;
  value: number;
  convergence: Convergence;
}

// Scouts stop at ~0.1 % on each log-parameter: enough to pick a basin at about 60 % of a full run's cost.
const SCOUT = { pointTolerance: 1e-3, valueTolerance: 1e-7 };
const AGREEMENT = 1e-6;

/**
 * Runs a rough Nelder–Mead from each start, polishes the best to full tolerance, then restarts it from its
 * own answer until a restart no longer improves it (a collapsed simplex can stall short of the minimum).
 */
export function minimiseFromStarts(
  objective: Objective,
  starts: readonly (readonly number[])[],
  options: MinimiseOptions = {},
): MinimiseResult {
  const { maxRestarts = 8, restartTolerance = 1e-9, maxEvaluationsPerRun = 5_000 } = options;
  if (starts.length === 0) throw new RangeError('minimiseFromStarts needs at least one start');
  let evaluations = 0;
  const scouts = starts.map((start) => {
    const scout = nelderMead(objective, start, { ...SCOUT, maxEvaluations: maxEvaluationsPerRun });
    evaluations += scout.evaluations;
    return scout;
  });
  const bestScout = scouts.reduce((best, scout) => (scout.value < best.value ? scout : best));

  let run = nelderMead(objective, bestScout.point, { initialStep: 0.1, maxEvaluations: maxEvaluationsPerRun });
  evaluations += run.evaluations;
  let restarts = 0;
  let confirmed = false;
  while (!confirmed && restarts < maxRestarts) {
    const again = nelderMead(objective, run.point, { initialStep: 0.1, maxEvaluations: maxEvaluationsPerRun });
    evaluations += again.evaluations;
    restarts++;
    confirmed = run.converged && again.converged && run.value - again.value <= restartTolerance;
    if (again.value < run.value) run = again;
  }

  const agreement = AGREEMENT * Math.max(1, Math.abs(run.value));
  const startsAgreeing = scouts.filter((scout) => scout.value - run.value <= agreement).length;
  return {
    point: run.point,
    value: run.value,
    convergence: { converged: confirmed, evaluations, starts: starts.length, startsAgreeing, restarts },
  };
}
