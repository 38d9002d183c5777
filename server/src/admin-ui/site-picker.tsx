import type { SiteSummary } from './api/types.ts';

/** The site whose lifecycle is shown; a plain name when there is only one. */
export function SitePicker({ sites, value, onChange }: { sites: SiteSummary[]; value: string; onChange(id: string): void }) {
  if (sites.length === 1) return <span class="site-name">{sites[0]!.name}</span>;
  return (
    <label class="site-picker">
      <span class="visually-hidden">Site</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.id})
          </option>
        ))}
      </select>
    </label>
  );
}
