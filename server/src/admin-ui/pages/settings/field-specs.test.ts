import { expect, test } from 'vitest';
import { z } from 'zod';
import { campaignDefaults, campaignSettingsPatchSchema, pushCampaignIds } from '../../../campaigns/settings.ts';
import { contactPolicyPatchSchema, defaultContactPolicy } from '../../../campaigns/policy/contact-policy.ts';
import { catalogSettingsPatchSchema } from '../../../catalog/trust/settings.ts';
import { reviewDefaults, reviewSettingsPatchSchema } from '../../../reviews/settings.ts';
import { campaignFields, catalogFields, contactFields, draftOf, patchOf, reviewFields, type FieldSpec } from './field-specs.ts';
import { quietDraftOf, quietPatch, reviewExtrasDraftOf, reviewExtrasPatch } from './paired-fields.ts';

type Prop = { type?: string; minimum?: number; maximum?: number; maxLength?: number };
const propsOf = (schema: z.ZodType) => (z.toJSONSchema(schema) as { properties: Record<string, Prop> }).properties;

/** every field once, of the server's type and with its bounds; `apart` names the fields a form edits in its own way */
function expectSameAsServer(specs: readonly FieldSpec[], props: Record<string, Prop>, apart: string[] = []) {
  expect(specs.map((s) => s.key).sort()).toEqual(Object.keys(props).filter((k) => !apart.includes(k)).sort());
  for (const s of specs) {
    const p = props[s.key]!;
    const kind = ({ integer: 'number', string: 'text' } as Record<string, string>)[p.type ?? ''] ?? p.type;
    expect({ key: s.key, kind: s.kind, min: s.min, max: s.max, maxLength: s.maxLength }).toEqual({ key: s.key, kind, min: p.minimum, max: p.maximum, maxLength: p.maxLength });
  }
}

test('every campaign form has each of its settings once, with the bounds the server enforces', () => {
  const campaigns = propsOf(campaignSettingsPatchSchema) as unknown as Record<string, { properties: Record<string, Prop> }>;
  expect(Object.keys(campaignFields).sort()).toEqual([...pushCampaignIds].sort());
  for (const id of pushCampaignIds) expectSameAsServer(campaignFields[id], campaigns[id]!.properties);
});

test('contact, reviews and catalog forms match their schemas (quiet hours, reminder and category delays edited apart)', () => {
  expectSameAsServer(contactFields, propsOf(contactPolicyPatchSchema), ['quietHours']);
  expectSameAsServer(reviewFields, propsOf(reviewSettingsPatchSchema), ['reminderAfterDays', 'categoryDelays']);
  expectSameAsServer(catalogFields, propsOf(catalogSettingsPatchSchema));
});

test('only changed fields are sent, numbers as numbers, text trimmed; what cannot be sent is named', () => {
  const stored = campaignDefaults.price_drop;
  const draft = draftOf(campaignFields.price_drop, stored);
  expect(draft).toMatchObject({ enabled: true, holdoutPercent: '10', title: '{name} is now {price}' });
  expect(patchOf(campaignFields.price_drop, draft, stored)).toEqual({ patch: {}, invalid: {} });
  const edited = { ...draft, enabled: false, holdoutPercent: ' 20 ', minDropPercent: '1', ttlHours: 'two days', title: '  Now {price}!  ', body: '   ' };
  expect(patchOf(campaignFields.price_drop, edited, stored)).toEqual({
    patch: { enabled: false, holdoutPercent: 20, title: 'Now {price}!' },
    invalid: { ttlHours: 'enter a number', body: 'cannot be empty' },
  });
});

test('quiet hours: switched off sends null, a changed pair sends both, a bad time is named', () => {
  const stored = defaultContactPolicy; // 21:00 to 09:00
  expect(quietPatch(quietDraftOf(stored), stored)).toEqual({ patch: {}, invalid: {} });
  expect(quietPatch({ ...quietDraftOf(stored), quiet: false }, stored).patch).toEqual({ quietHours: null });
  expect(quietPatch({ quiet: true, from: '22:30', to: '09:00' }, stored).patch).toEqual({ quietHours: { from: '22:30', to: '09:00' } });
  expect(quietPatch({ quiet: true, from: '', to: '9:00' }, stored).invalid).toEqual({ from: 'a time of day, HH:MM', to: 'a time of day, HH:MM' });
  const none = { ...stored, quietHours: null };
  expect(quietDraftOf(none)).toEqual({ quiet: false, from: '21:00', to: '09:00' });
  expect(quietPatch(quietDraftOf(none), none).patch).toEqual({});
});

test('review reminder and category delays: null for no reminder, the whole map when a row changed, bad rows named', () => {
  const stored = { ...reviewDefaults, categoryDelays: { furniture: 21, books: 5 } };
  const draft = reviewExtrasDraftOf(stored);
  expect(draft.categories).toEqual([
    { category: 'books', days: '5' },
    { category: 'furniture', days: '21' },
  ]);
  expect(reviewExtrasPatch(draft, stored)).toEqual({ patch: {}, invalid: {} });
  expect(reviewExtrasPatch({ ...draft, reminder: false }, stored).patch).toEqual({ reminderAfterDays: null });
  const more = { ...draft, reminderAfterDays: '3', categories: [...draft.categories, { category: ' toys ', days: '2.5' }, { category: '', days: '' }] };
  expect(reviewExtrasPatch(more, stored)).toEqual({ patch: { reminderAfterDays: 3, categoryDelays: { books: 5, furniture: 21, toys: 2.5 } }, invalid: {} });
  const removed = { ...draft, categories: draft.categories.slice(1) };
  expect(reviewExtrasPatch(removed, stored).patch).toEqual({ categoryDelays: { furniture: 21 } });
  const bad = { ...draft, categories: [{ category: 'books', days: 'x' }, { category: 'books', days: '1' }, { category: '', days: '4' }] };
  expect(reviewExtrasPatch(bad, stored)).toEqual({
    patch: {},
    invalid: { 'category.0': 'enter the days as a number', 'category.1': 'this category is listed twice', 'category.2': 'name the category' },
  });
});
