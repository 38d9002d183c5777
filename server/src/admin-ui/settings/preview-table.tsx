import type { StageCounts } from '../api/types.ts';
import { formatCount, formatDelta } from '../format.ts';
import { stageLabel, stageOrder } from '../stages/labels.ts';

/** Stage sizes now against the same people under the candidate settings. */
export function PreviewTable({ current, preview }: { current: StageCounts; preview: StageCounts }) {
  return (
    <table class="preview">
      <thead>
        <tr>
          <th>Stage</th>
          <th class="num">Now</th>
          <th class="num">With these settings</th>
          <th class="num">Change</th>
        </tr>
      </thead>
      <tbody>
        {stageOrder.map((s) => {
          const delta = preview[s] - current[s];
          return (
            <tr key={s}>
              <td>{stageLabel[s]}</td>
              <td class="num">{formatCount(current[s])}</td>
              <td class="num">{formatCount(preview[s])}</td>
              <td class={`num ${delta > 0 ? 'up' : delta < 0 ? 'down' : 'same'}`}>{formatDelta(current[s], preview[s])}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
