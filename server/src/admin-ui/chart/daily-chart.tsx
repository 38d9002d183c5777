import type { DailyStages } from '../api/types.ts';
import { formatCount, formatDay } from '../format.ts';
import { stageColour, stageLabel, stageOrder } from '../stages/labels.ts';
import { stackedBars, type Frame } from './stacked-bars.ts';

const frame: Frame = { width: 760, height: 260, margin: { top: 12, right: 8, bottom: 26, left: 48 } };

/** People per stage at the end of each day (UTC), as stacked bars; hovering a bar shows its numbers. */
export function DailyChart({ data }: { data: DailyStages }) {
  const first = data.from.slice(0, 10);
  const last = new Date(Date.parse(data.to) - 1).toISOString().slice(0, 10);
  const chart = stackedBars(data.days, first, last, frame);
  const labelEvery = Math.max(1, Math.ceil(chart.days.length / 8));
  const right = frame.width - frame.margin.right;
  const baseline = frame.height - frame.margin.bottom;

  return (
    <section class="card">
      <header class="section-head">
        <h2>People per stage, day by day</h2>
        <ul class="legend">
          {stageOrder.map((s) => (
            <li key={s}>
              <svg width="10" height="10" aria-hidden="true">
                <rect width="10" height="10" rx="2" fill={stageColour[s]} />
              </svg>
              {stageLabel[s]}
            </li>
          ))}
        </ul>
      </header>
      {data.days.length === 0 && <p class="hint">No daily counts yet: they are recorded as the server runs, once a minute.</p>}
      <svg class="chart" viewBox={`0 0 ${frame.width} ${frame.height}`} role="img" aria-label="Stacked bars of people per stage by day">
        {chart.ticks.map((t) => (
          <g key={t.value}>
            <line x1={frame.margin.left} x2={right} y1={t.y} y2={t.y} class="grid" />
            <text x={frame.margin.left - 6} y={t.y + 4} text-anchor="end" class="axis">
              {formatCount(t.value)}
            </text>
          </g>
        ))}
        {chart.bars.map((bar) => (
          <g key={bar.day}>
            <title>{`${formatDay(bar.day)}: ${stageOrder.map((s) => `${stageLabel[s]} ${formatCount(bar.counts[s])}`).join(', ')}`}</title>
            {bar.segments.map((seg) => (
              <rect key={seg.stage} x={bar.x} width={bar.width} y={seg.y} height={seg.height} fill={stageColour[seg.stage]} />
            ))}
          </g>
        ))}
        {chart.days.map((day, i) =>
          i % labelEvery === 0 ? (
            <text key={day} x={frame.margin.left + (i + 0.5) * chart.slot} y={baseline + 18} text-anchor="middle" class="axis">
              {formatDay(day)}
            </text>
          ) : null,
        )}
      </svg>
    </section>
  );
}
