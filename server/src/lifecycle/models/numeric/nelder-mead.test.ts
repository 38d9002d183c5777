import { expect, test } from 'vitest';
import { minimiseFromStarts } from './minimise-from-starts.ts';
import { nelderMead } from './nelder-mead.ts';

const rosenbrock = (p: Float64Array): number => 100 * (p[1]! - p[0]! ** 2) ** 2 + (1 - p[0]!) ** 2;

test('finds the Rosenbrock minimum at (1, 1)', () => {
  const result = nelderMead(rosenbrock, [-1.2, 1]);
  expect(result.converged).toBe(true);
  expect(result.point[0]).toBeCloseTo(1, 4);
  expect(result.point[1]).toBeCloseTo(1, 4);
});

test('treats a non-finite value as a wall', () => {
  // Undefined for x < 0.5: the simplex must stay on the valid side and still find x = 2.
  const result = nelderMead((p) => (p[0]! < 0.5 ? Number.NaN : (p[0]! - 2) ** 2), [1]);
  expect(result.point[0]).toBeCloseTo(2, 5);
});

test('reports its budget when it runs out', () => {
  expect(nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 20 }).converged).toBe(false);
});

test('several starts agree on a single minimum and report it', () => {
  const { point, convergence } = minimiseFromStarts(rosenbrock, [[-1.2, 1], [2, 2], [0, -1]]);
  expect(point[0]).toBeCloseTo(1, 5);
  expect(convergence).toMatchObject({ converged: true, starts: 3, startsAgreeing: 3 });
});

test('starts in different basins do not agree', () => {
  // Two minima: x = −1 (value 0) and x = 2 (value 1).
  const twoWells = (p: Float64Array): number => Math.min((p[0]! + 1) ** 2, (p[0]! - 2) ** 2 + 1);
  const { point, convergence } = minimiseFromStarts(twoWells, [[-2], [3]]);
  expect(point[0]).toBeCloseTo(-1, 5);
  expect(convergence.startsAgreeing).toBe(1);
});
