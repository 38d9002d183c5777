import { numberOf } from './field-specs.ts';
import type { ContactPolicy, ReviewSettings } from './types.ts';

/** Quiet hours as the form holds them: a switch and two times of day. */
export interface QuietDraft {
  quiet: boolean;
  from: string;
  to: string;
}

export const quietDraftOf = (p: ContactPolicy): QuietDraft => ({ quiet: p.quietHours !== null, from: p.quietHours?.from ?? '21:00', to: p.quietHours?.to ?? '09:00' });

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The quiet hours' part of a contact patch: null to switch them off, the pair when changed, nothing when unchanged. */
export function quietPatch(d: QuietDraft, stored: ContactPolicy): { patch: { quietHours?: ContactPolicy['quietHours'] }; invalid: Record<string, string> } {
  if (!d.quiet) return { patch: stored.quietHours === null ? {} : { quietHours: null }, invalid: {} };
  const invalid: Record<string, string> = {};
  if (!TIME.test(d.from)) invalid.from = 'a time of day, HH:MM';
  if (!TIME.test(d.to)) invalid.to = 'a time of day, HH:MM';
  if (Object.keys(invalid).length) return { patch: {}, invalid };
  const same = stored.quietHours?.from === d.from && stored.quietHours?.to === d.to;
  return { patch: same ? {} : { quietHours: { from: d.from, to: d.to } }, invalid };
}

/** The review settings the plain fields do not cover: an optional reminder, and delays per product category. */
export interface ReviewExtrasDraft {
  reminder: boolean;
  reminderAfterDays: string;
  categories: Array<{ category: string; days: string }>;
}

export const reviewExtrasDraftOf = (s: ReviewSettings): ReviewExtrasDraft => ({
  reminder: s.reminderAfterDays !== null,
  reminderAfterDays: String(s.reminderAfterDays ?? 7),
  categories: Object.entries(s.categoryDelays)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([category, days]) => ({ category, days: String(days) })),
});

const sameMap = (a: Record<string, number>, b: Record<string, number>) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k]);
};

/**
 * The reminder and category delays' part of a reviews patch. The category map is sent whole when anything in it
 * changed (the server replaces it); blank rows are ignored; a row's problem is keyed `category.<row>`.
 */
export function reviewExtrasPatch(d: ReviewExtrasDraft, stored: ReviewSettings): { patch: Partial<Pick<ReviewSettings, 'reminderAfterDays' | 'categoryDelays'>>; invalid: Record<string, string> } {
  const patch: Partial<Pick<ReviewSettings, 'reminderAfterDays' | 'categoryDelays'>> = {};
  const invalid: Record<string, string> = {};
  if (!d.reminder) {
    if (stored.reminderAfterDays !== null) patch.reminderAfterDays = null;
  } else {
    const n = numberOf(d.reminderAfterDays);
    if (n === null) invalid.reminderAfterDays = 'enter a number';
    else if (n !== stored.reminderAfterDays) patch.reminderAfterDays = n;
  }
  const map: Record<string, number> = {};
  const seen = new Set<string>();
  d.categories.forEach((row, i) => {
    const category = row.category.trim();
    if (category === '' && row.days.trim() === '') return;
    const n = numberOf(row.days);
    const twice = seen.has(category);
    seen.add(category);
    if (category === '') invalid[`category.${i}`] = 'name the category';
    else if (twice) invalid[`category.${i}`] = 'this category is listed twice';
    else if (n === null) invalid[`category.${i}`] = 'enter the days as a number';
    else map[category] = n;
  });
  if (!Object.keys(invalid).some((k) => k.startsWith('category.')) && !sameMap(map, stored.categoryDelays)) patch.categoryDelays = map;
  return { patch, invalid };
}
