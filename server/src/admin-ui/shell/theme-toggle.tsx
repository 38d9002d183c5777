import type { ThemeChoice } from '../theme/theme.ts';

const next: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const label: Record<ThemeChoice, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

/** Cycles system → light → dark. */
export function ThemeToggle({ choice, onChange }: { choice: ThemeChoice; onChange(c: ThemeChoice): void }) {
  return (
    <button type="button" class="secondary small" data-theme-toggle={choice} onClick={() => onChange(next[choice])}>
      {label[choice]}
    </button>
  );
}
