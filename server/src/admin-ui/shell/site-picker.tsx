import type { Site } from '../api/types.ts';

export function SitePicker({ sites, value, onChange }: { sites: Site[]; value: string; onChange(id: string): void }) {
  return (
    <label class="inline-field">
      <span class="field-label">Site</span>
      <select data-site-picker value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
