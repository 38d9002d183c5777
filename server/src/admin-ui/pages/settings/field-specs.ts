/**
 * The Settings page's forms as data: each field with the server's bounds (repeated so the browser can hint before
 * the server refuses; field-specs.test.ts holds them to the zod schemas), and the mapping from what was typed to
 * the patch PUT /admin/api/sites/:id/settings takes: only the fields that changed, numbers as numbers.
 */
export interface FieldSpec {
  key: string;
  label: string;
  kind: 'number' | 'boolean' | 'text';
  unit?: string;
  min?: number;
  max?: number;
  /** the input's arrow step; 'any' where the server takes fractions */
  step?: number | 'any';
  maxLength?: number;
  hint?: string;
}

export type Draft = Record<string, string | boolean>;

const MINUTE_IN_HOURS = 1 / 60;
const MINUTE_IN_DAYS = 1 / 1440;
const TEMPLATE_HINT = 'plain text; {name}, {price}, {old_price}, {count} and {shop} are filled in';

const on: FieldSpec = { key: 'enabled', label: 'On', kind: 'boolean', hint: 'off: no new messages of this campaign' };
const holdout: FieldSpec = { key: 'holdoutPercent', label: 'Hold out', kind: 'number', unit: '% of eligible people', min: 0, max: 50, step: 1, hint: 'sent nothing, to measure the uplift against' };
const ttl: FieldSpec = { key: 'ttlHours', label: 'Worth sending for', kind: 'number', unit: 'hours', min: MINUTE_IN_HOURS, max: 24 * 28, step: 'any', hint: 'a message still waiting after this is dropped' };
const delay: FieldSpec = { key: 'delayMinutes', label: 'Send after', kind: 'number', unit: 'minutes', min: 0, max: 60 * 24 * 60, step: 1, hint: 'from the moment it becomes due' };
const lookback: FieldSpec = { key: 'lookbackDays', label: 'Interest within', kind: 'number', unit: 'days', min: 1, max: 90, step: 'any', hint: 'people who looked at the product this recently' };
const title: FieldSpec = { key: 'title', label: 'Title', kind: 'text', maxLength: 200, hint: TEMPLATE_HINT };
const body: FieldSpec = { key: 'body', label: 'Text', kind: 'text', maxLength: 200, hint: TEMPLATE_HINT };

/** Per push campaign: switch and holdout, timing, then the wording (campaigns/settings.ts). */
export const campaignFields = {
  abandoned_cart: [
    on,
    holdout,
    ttl,
    { key: 'firstDelayMinutes', label: 'First reminder after', kind: 'number', unit: 'minutes', min: 1, max: 60 * 24 * 60, step: 1, hint: 'from the last change to the cart' },
    { key: 'secondEnabled', label: 'Second reminder', kind: 'boolean', hint: 'one more if the cart is still there' },
    { key: 'secondDelayMinutes', label: 'Second reminder after', kind: 'number', unit: 'minutes', min: 1, max: 60 * 24 * 60, step: 1, hint: 'from the first' },
    title,
    body,
  ],
  back_in_stock: [on, holdout, ttl, delay, lookback, title, body],
  price_drop: [on, holdout, ttl, delay, lookback, { key: 'minDropPercent', label: 'Price down by at least', kind: 'number', unit: '%', min: 0, max: 90, step: 'any' }, title, body],
  win_back: [on, holdout, ttl, delay, title, body],
  replenish: [on, holdout, ttl, delay, title, body],
  review_request: [on, holdout, ttl, title, body],
} satisfies Record<string, FieldSpec[]>;

/** The contact policy's caps; its quiet hours are a pair edited apart (contactPatch). */
export const contactFields: FieldSpec[] = [
  { key: 'maxPerWeek', label: 'At most per week', kind: 'number', unit: 'messages per person, any 7 days', min: 0, max: 50, step: 1 },
  { key: 'maxPerDay', label: 'At most per day', kind: 'number', unit: 'messages per person, any 24 h', min: 0, max: 10, step: 1, hint: 'no more than per week' },
];

/** Review requests; the optional reminder and the per-category delays are edited apart (reviewsPatch). */
export const reviewFields: FieldSpec[] = [
  { key: 'enabled', label: 'Ask buyers for reviews', kind: 'boolean' },
  { key: 'requestAfterDays', label: 'Ask after', kind: 'number', unit: 'days from the purchase', min: MINUTE_IN_DAYS, max: 365, step: 'any', hint: 'unless the product\u2019s category says otherwise' },
  { key: 'tokenDays', label: 'The review link works for', kind: 'number', unit: 'days', min: 1, max: 365, step: 'any' },
  { key: 'autoPublish', label: 'Publish at once', kind: 'boolean', hint: 'what shows no sign of spam; off: every review waits for you' },
];

export const catalogFields: FieldSpec[] = [
  { key: 'trustedReporters', label: 'Trust a product detail once', kind: 'number', unit: 'visitors reported it', min: 2, max: 1000, step: 1, hint: 'before messages and blocks may show it (one visitor is never enough)' },
];

export function draftOf(specs: readonly FieldSpec[], stored: object): Draft {
  const values = stored as Record<string, unknown>;
  return Object.fromEntries(specs.map((s) => [s.key, s.kind === 'boolean' ? values[s.key] === true : String(values[s.key] ?? '')]));
}

/** A typed number, or null when the text is not one (range checks are the server's: its message names the field). */
export function numberOf(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The fields of a draft that differ from the stored values; fields that cannot be sent come back in `invalid`. */
export function patchOf(specs: readonly FieldSpec[], draft: Draft, stored: object): { patch: Record<string, number | string | boolean>; invalid: Record<string, string> } {
  const values = stored as Record<string, unknown>;
  const patch: Record<string, number | string | boolean> = {};
  const invalid: Record<string, string> = {};
  for (const s of specs) {
    const v = draft[s.key];
    let value: number | string | boolean;
    if (s.kind === 'boolean') value = v === true;
    else if (s.kind === 'number') {
      const n = numberOf(String(v ?? ''));
      if (n === null) {
        invalid[s.key] = 'enter a number';
        continue;
      }
      value = n;
    } else {
      value = String(v ?? '').trim();
      if (value === '') {
        invalid[s.key] = 'cannot be empty';
        continue;
      }
    }
    if (value !== values[s.key]) patch[s.key] = value;
  }
  return { patch, invalid };
}
