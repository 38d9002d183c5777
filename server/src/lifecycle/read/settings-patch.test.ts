import { expect, test } from 'vitest';
import { defaultLifecycleSettings, lifecycleSettingsSchema } from '../settings.ts';
import { lifecycleSettingsPatchSchema, mergeSettings } from './settings-patch.ts';

test('a patch holds only the fields given: no defaults filled in to overwrite stored values', () => {
  expect(lifecycleSettingsPatchSchema.parse({ atRiskDays: 2 })).toEqual({ atRiskDays: 2 });
  const stored = { ...defaultLifecycleSettings, loyalRecencyDays: 90 };
  expect(mergeSettings(stored, { atRiskDays: 2 })).toEqual({ ...stored, atRiskDays: 2 });
});

test('every setting can be patched, within the same bounds as the settings themselves', () => {
  expect(Object.keys(lifecycleSettingsPatchSchema.shape).sort()).toEqual(Object.keys(lifecycleSettingsSchema.shape).sort());
  expect(lifecycleSettingsPatchSchema.safeParse({ atRiskDays: 0.05 }).success).toBe(false);
  expect(lifecycleSettingsPatchSchema.safeParse({ loyalMinPurchases: 2.5 }).success).toBe(false);
  expect(lifecycleSettingsPatchSchema.safeParse({ pAliveThreshold: 1 }).success).toBe(false);
});

test('an unknown key is refused by name', () => {
  const r = lifecycleSettingsPatchSchema.safeParse({ atRiskDays: 2, atriskdays: 3 });
  expect(r.success).toBe(false);
  expect(r.error?.issues[0]?.message).toMatch(/"atriskdays"/);
});
