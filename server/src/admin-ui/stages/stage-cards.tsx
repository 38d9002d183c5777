import type { StageCounts } from '../api/types.ts';
import { formatCount } from '../format.ts';
import { stageColour, stageHint, stageLabel, stageOrder } from './labels.ts';

/** People per stage now: one card per stage. */
export function StageCards({ counts }: { counts: StageCounts }) {
  return (
    <ul class="stage-cards">
      {stageOrder.map((stage) => (
        <li class="card stage-card" key={stage}>
          <svg class="swatch" width="10" height="10" aria-hidden="true">
            <rect width="10" height="10" rx="2" fill={stageColour[stage]} />
          </svg>
          <span class="stage-name">{stageLabel[stage]}</span>
          <strong class="stage-count">{formatCount(counts[stage])}</strong>
          <span class="hint">{stageHint[stage]}</span>
        </li>
      ))}
    </ul>
  );
}
