import type { LifecycleSettings } from '../api/types.ts';

export type SettingKey = keyof LifecycleSettings;

export interface SettingField {
  key: SettingKey;
  label: string;
  unit: string;
  /** the server's bounds (settings.ts), repeated so the browser can hint before the server refuses */
  min: number;
  max: number;
  /** the input's arrow step; 'any' where the server takes fractions (a step would make the browser refuse 3 after a 0.1 minimum) */
  step: number | 'any';
  hint: string;
}

/** The settings form, in the order a marketer tunes them. fields.test.ts holds these to the server's schema. */
export const settingFields: readonly SettingField[] = [
  { key: 'sessionTimeoutMinutes', label: 'Session ends after', unit: 'minutes idle', min: 1, max: 1440, step: 1, hint: 'how long "here and now" lasts without activity' },
  { key: 'atRiskDays', label: 'At risk for', unit: 'days', min: 0.1, max: 365, step: 'any', hint: 'after a cart or checkout is left, before it counts as dormant' },
  { key: 'oneTimeBuyerDormantDays', label: 'One-time buyer dormant after', unit: 'days unseen', min: 1, max: 3650, step: 1, hint: 'a single order, then no visit for this long' },
  { key: 'loyalMinPurchases', label: 'Loyal from', unit: 'orders', min: 2, max: 100, step: 1, hint: 'distinct orders that make a buyer a loyalty candidate' },
  { key: 'loyalRecencyDays', label: 'Loyal while last order within', unit: 'days', min: 1, max: 3650, step: 1, hint: 'used until the site has enough repeat buyers for a model' },
  { key: 'pAliveThreshold', label: 'Loyal while P(alive) above', unit: '(0–1)', min: 0.01, max: 0.99, step: 'any', hint: 'used once the buyer model is fitted' },
  { key: 'minRepeatBuyersForModel', label: 'Fit the buyer model from', unit: 'repeat buyers', min: 5, max: 100000, step: 1, hint: 'takes effect at the next model refit (daily), not in the preview' },
];

export type SettingsDraft = Record<SettingKey, string>;

export const draftOf = (s: LifecycleSettings): SettingsDraft =>
  Object.fromEntries(settingFields.map((f) => [f.key, String(s[f.key])])) as SettingsDraft;

/**
 * The fields of a draft that differ from the stored settings, as numbers; the keys that are not numbers at all
 * come back in `invalid` (range checks are the server's: its message names the field).
 */
export function changesOf(draft: SettingsDraft, stored: LifecycleSettings): { changes: Partial<LifecycleSettings>; invalid: SettingKey[] } {
  const changes: Partial<LifecycleSettings> = {};
  const invalid: SettingKey[] = [];
  for (const { key } of settingFields) {
    const text = draft[key].trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) invalid.push(key);
    else if (value !== stored[key]) changes[key] = value;
  }
  return { changes, invalid };
}
