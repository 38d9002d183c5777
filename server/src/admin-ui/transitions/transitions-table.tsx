import type { TransitionCount } from '../api/types.ts';
import { formatCount } from '../format.ts';
import { stageLabel } from '../stages/labels.ts';

export type Window = 7 | 30;

interface Props {
  byWindow: Record<Window, TransitionCount[]>;
  window: Window;
  onWindow(w: Window): void;
}

/** Who moved where in the last 7 or 30 days, largest movement first. */
export function TransitionsTable({ byWindow, window, onWindow }: Props) {
  const rows = byWindow[window];
  return (
    <section class="card">
      <header class="section-head">
        <h2>Stage changes</h2>
        <div class="toggle" role="group" aria-label="Period">
          {([7, 30] as const).map((w) => (
            <button key={w} type="button" aria-pressed={window === w} class={window === w ? 'on' : ''} onClick={() => onWindow(w)}>
              {w} days
            </button>
          ))}
        </div>
      </header>
      {rows.length === 0 ? (
        <p class="hint">No stage changes in the last {window} days.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>From</th>
              <th>To</th>
              <th class="num">People</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={`${t.from}-${t.to}`}>
                <td>{t.from ? stageLabel[t.from] : <em>new</em>}</td>
                <td>{stageLabel[t.to]}</td>
                <td class="num">{formatCount(t.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
