import type { Stage } from '../api/types.ts';
import { stageLabel } from '../stages/labels.ts';

/** A stage's name with its colour swatch (the colour is a class: no inline styles under the CSP). */
export function StageBadge({ stage }: { stage: Stage | null }) {
  if (!stage) return <span class="stage-badge">New</span>;
  return (
    <span class={`stage-badge stage-${stage}`}>
      <span class="swatch" aria-hidden="true" />
      {stageLabel[stage]}
    </span>
  );
}
