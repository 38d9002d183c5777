import type { RouteQuery } from '../router/hash-route.ts';

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

interface Props {
  from?: string;
  to?: string;
  onChange(range: Pick<RouteQuery, 'from' | 'to'>): void;
}

/** The period every report covers: first and last day included. Empty means the server's default, the last 30 days. */
export function DateRange({ from, to, onChange }: Props) {
  const preset = (days: number) => onChange({ from: daysAgo(days - 1), to: today() });
  return (
    <fieldset class="date-range">
      <legend class="visually-hidden">Period</legend>
      <label class="inline-field">
        <span class="field-label">From</span>
        <input type="date" data-from value={from ?? ''} max={to} onChange={(e) => onChange({ from: e.currentTarget.value || undefined, to })} />
      </label>
      <label class="inline-field">
        <span class="field-label">To</span>
        <input type="date" data-to value={to ?? ''} min={from} onChange={(e) => onChange({ from, to: e.currentTarget.value || undefined })} />
      </label>
      <span class="presets" role="group" aria-label="Quick periods">
        {[7, 30, 90, 365].map((d) => (
          <button key={d} type="button" class="secondary small" onClick={() => preset(d)}>
            {d === 365 ? '1 y' : `${d} d`}
          </button>
        ))}
      </span>
      {!from && !to && <span class="hint">last 30 days</span>}
    </fieldset>
  );
}
