import { expect, test } from 'vitest';
import { z } from 'zod';
import { defaultLifecycleSettings, lifecycleSettingsSchema } from '../../lifecycle/settings.ts';
import { changesOf, draftOf, settingFields } from './fields.ts';

test('the form has every setting once, with the bounds the server enforces', () => {
  const json = z.toJSONSchema(lifecycleSettingsSchema) as { properties: Record<string, { minimum: number; maximum: number }> };
  expect(settingFields.map((f) => f.key).sort()).toEqual(Object.keys(json.properties).sort());
  for (const f of settingFields) {
    expect([f.key, f.min, f.max]).toEqual([f.key, json.properties[f.key]!.minimum, json.properties[f.key]!.maximum]);
  }
});

test('only changed fields are sent; text that is not a number is flagged, not sent', () => {
  const draft = { ...draftOf(defaultLifecycleSettings), atRiskDays: '3', loyalRecencyDays: ' 180 ', sessionTimeoutMinutes: 'abc', pAliveThreshold: '' };
  expect(changesOf(draft, defaultLifecycleSettings)).toEqual({ changes: { atRiskDays: 3 }, invalid: ['sessionTimeoutMinutes', 'pAliveThreshold'] });
});
