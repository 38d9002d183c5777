import { stages, type Stage } from '../../lifecycle/stages.ts';
import type { ReplayedPerson } from './replayed-people.ts';

export interface StageMix {
  counts: Record<Stage, number>;
  /** people with a stage */
  total: number;
  /** people the lifecycle has no stage for (should be 0 after a replay) */
  unevaluated: number;
}

export function stageMix(people: readonly ReplayedPerson[]): StageMix {
  const counts = Object.fromEntries(stages.map((s) => [s, 0])) as Record<Stage, number>;
  let unevaluated = 0;
  for (const p of people) {
    if (p.stage) counts[p.stage]++;
    else unevaluated++;
  }
  return { counts, total: people.length - unevaluated, unevaluated };
}
