import type { StageCounts } from '../api/types.ts';
import { makeFormat } from '../format/format.ts';
import { stageLabel, stageOrder } from '../stages/labels.ts';

/** Stage sizes now against the same people under the candidate settings. */
export function PreviewTable({ current, preview }: { current: StageCounts; preview: StageCounts }) {
  const f = makeFormat();
  return (
    <table class="preview" data-preview>
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
              <td class="num">{f.count(current[s])}</td>
              <td class="num">{f.count(preview[s])}</td>
              <td class={`num ${delta > 0 ? 'up' : delta < 0 ? 'down' : 'same'}`}>{f.delta(current[s], preview[s])}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
