import { nelderMead, type Objective } from './nelder-mead.ts';

export interface MinimiseOptions {
  /** Restarts of Nelder–Mead from its own answer, per start, before giving up on convergence. */
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
  /** Starts that ended at the best value (within the restart tolerance): agreement is evidence of a global optimum. */
  startsAgreeing: number;
  /** Restarts the winning start needed. */
  restarts: number;
}

export interface MinimiseResult {
  point: Float64Array;
  value: number;
  convergence: Convergence;
}

/**
 * Runs Nelder–Mead from each start, restarting each run from its own answer until a restart no longer
 * improves it (a collapsed simplex can stall short of the minimum), and keeps the best.
 */
export function minimiseFromStarts(
  objective: Objective,
  starts: readonly (readonly number[])[],
  options: MinimiseOptions = {},
): MinimiseResult {
  const { maxRestarts = 8, restartTolerance = 1e-9, maxEvaluationsPerRun = 5_000 } = options;
  let evaluations = 0;
  const runs = starts.map((start) => {
    let run = nelderMead(objective, start, { maxEvaluations: maxEvaluationsPerRun });
    evaluations += run.evaluations;
    let restarts = 0;
    let confirmed = false;
    while (!confirmed && restarts < maxRestarts) {
      const again = nelderMead(objective, run.point, { initialStep: 0.1, maxEvaluations: maxEvaluationsPerRun });
      evaluations += again.evaluations;
      restarts++;
      confirmed = again.converged && run.value - again.value <= restartTolerance;
      if (again.value < run.value) run = again;
    }
    return { ...run, restarts, confirmed };
  });

  let best = runs[0];
  if (best === undefined) throw new RangeError('minimiseFromStarts needs at least one start');
  for (const run of runs) if (run.value < best.value) best = run;
  const bestValue = best.value;
  const startsAgreeing = runs.filter((run) => run.value - bestValue <= Math.max(restartTolerance, 1e-12 * Math.abs(bestValue))).length;
  return {
    point: best.point,
    value: best.value,
    convergence: { converged: best.confirmed, evaluations, starts: runs.length, startsAgreeing, restarts: best.restarts },
  };
}
