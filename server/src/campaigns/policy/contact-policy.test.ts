import { describe, expect, test } from 'vitest';
import { contactPolicyPatchSchema, contactPolicySchema, defaultContactPolicy, type ContactPolicy } from './contact-policy.ts';

const valid = (change: Record<string, unknown>) => ({ ...defaultContactPolicy, ...change });

describe('contact policy settings', () => {
  test('the defaults: 2 a week, 1 a day, quiet 21:00–09:00, and they validate', () => {
    expect(defaultContactPolicy).toEqual({ maxPerWeek: 2, maxPerDay: 1, quietHours: { from: '21:00', to: '09:00' } });
    const parsed: ContactPolicy = contactPolicySchema.parse(defaultContactPolicy);
    expect(parsed).toEqual(defaultContactPolicy);
  });

  const accepted: Array<[string, Record<string, unknown>]> = [
    ['no quiet hours', valid({ quietHours: null })],
    ['a window within the day', valid({ quietHours: { from: '13:00', to: '14:00' } })],
    ['the widest bounds', valid({ maxPerWeek: 50, maxPerDay: 10, quietHours: { from: '00:00', to: '23:59' } })],
    ['paused: 0 and 0', valid({ maxPerWeek: 0, maxPerDay: 0 })],
    ['a day cap equal to the week cap', valid({ maxPerWeek: 3, maxPerDay: 3 })],
  ];
  test.each(accepted)('accepts %s', (_name, input) => {
    expect(contactPolicySchema.parse(input)).toEqual(input);
  });

  test('a missing field takes its default; null quiet hours stay off', () => {
    expect(contactPolicySchema.parse({})).toEqual(defaultContactPolicy);
    expect(contactPolicySchema.parse({ maxPerWeek: 5, quietHours: null })).toEqual({ maxPerWeek: 5, maxPerDay: 1, quietHours: null });
  });

  const refused: Array<[string, unknown, string]> = [
    ['more a day than a week', valid({ maxPerWeek: 1, maxPerDay: 2 }), 'maxPerDay'],
    ['a week cap over 50', valid({ maxPerWeek: 51 }), 'maxPerWeek'],
    ['a day cap over 10', valid({ maxPerWeek: 50, maxPerDay: 11 }), 'maxPerDay'],
    ['a negative cap', valid({ maxPerDay: -1 }), 'maxPerDay'],
    ['a fractional cap', valid({ maxPerWeek: 2.5 }), 'maxPerWeek'],
    ['a cap as a string', valid({ maxPerWeek: '2' }), 'maxPerWeek'],
    ['hour 24', valid({ quietHours: { from: '24:00', to: '09:00' } }), 'quietHours.from'],
    ['minute 60', valid({ quietHours: { from: '21:00', to: '09:60' } }), 'quietHours.to'],
    ['one-digit hour', valid({ quietHours: { from: '9:00', to: '21:00' } }), 'quietHours.from'],
    ['seconds', valid({ quietHours: { from: '21:00:00', to: '09:00' } }), 'quietHours.from'],
    ['an empty window', valid({ quietHours: { from: '21:00', to: '21:00' } }), 'quietHours.to'],
    ['a missing end', valid({ quietHours: { from: '21:00' } }), 'quietHours.to'],
    ['an unknown key in the window', valid({ quietHours: { from: '21:00', to: '09:00', zone: 'UTC' } }), 'quietHours'],
    ['an unknown key', valid({ maxPerMonth: 4 }), ''],
    ['a day cap over the default week cap', { maxPerDay: 3 }, 'maxPerDay'],
    ['not an object', 'often', ''],
  ];
  test.each(refused)('refuses %s', (_name, input, path) => {
    const result = contactPolicySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  test('a patch is any subset, bounded, without defaults; the merge is checked whole', () => {
    expect(contactPolicyPatchSchema.parse({ maxPerDay: 3 })).toEqual({ maxPerDay: 3 });
    expect(contactPolicyPatchSchema.parse({ quietHours: null })).toEqual({ quietHours: null });
    expect(contactPolicyPatchSchema.parse({})).toEqual({});
    for (const bad of [{ maxPerDay: 11 }, { maxPerWeek: -1 }, { quietHours: { from: '7:00', to: '08:00' } }, { quietHours: { from: '08:00', to: '08:00' } }, { often: true }]) {
      expect(contactPolicyPatchSchema.safeParse(bad).success).toBe(false);
    }
    const stored = contactPolicySchema.parse({ maxPerWeek: 5, maxPerDay: 2 });
    expect(contactPolicySchema.safeParse({ ...stored, ...contactPolicyPatchSchema.parse({ maxPerDay: 4 }) }).success).toBe(true);
    expect(contactPolicySchema.safeParse({ ...stored, ...contactPolicyPatchSchema.parse({ maxPerWeek: 1 }) }).success).toBe(false);
  });
});
