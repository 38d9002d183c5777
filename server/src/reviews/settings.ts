import { z } from 'zod';
import { limits } from '../collect/vocabulary.ts';

export const DAY = 86_400_000;
/** the shortest delay: a minute, so a whole path can be tried quickly */
const MINUTE_IN_DAYS = 1 / 1440;
const days = z.number().min(MINUTE_IN_DAYS).max(365);

/**
 * Per-site review settings (`reviews` in PUT /admin/api/sites/:siteId/settings). Delays are days, fractions
 * allowed down to a minute; `categoryDelays` overrides the delay for a product category (an order waits for
 * its slowest item); `reminderAfterDays` counts from the ask, null for no reminder; `tokenDays` is how long a
 * request's token works, from the ask.
 */
const fields = {
  enabled: z.boolean(),
  requestAfterDays: days,
  reminderAfterDays: days.max(90).nullable(),
  categoryDelays: z
    .record(z.string().min(1).max(limits.shortText), days)
    .refine((r) => Object.keys(r).length <= 200, { message: 'at most 200 categories' }),
  /** publish at once what shows no sign of spam; off: every review waits for moderation */
  autoPublish: z.boolean(),
  tokenDays: z.number().min(1).max(365),
};

export const reviewDefaults = {
  enabled: true,
  requestAfterDays: 7,
  reminderAfterDays: 7,
  categoryDelays: {},
  autoPublish: false,
  tokenDays: 45,
} satisfies z.infer<z.ZodObject<typeof fields>>;

export type ReviewSettings = z.infer<z.ZodObject<typeof fields>>;

const coherent = (s: ReviewSettings) => s.reminderAfterDays === null || s.reminderAfterDays < s.tokenDays;
const coherentMessage = { message: 'reminderAfterDays must be shorter than tokenDays: a reminder would carry a dead token', path: ['reminderAfterDays'] };

/** The full settings: a missing field takes its default. */
export const reviewSettingsSchema = z
  .strictObject(fields)
  .partial()
  .transform((v) => ({ ...reviewDefaults, ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) }) as ReviewSettings)
  .refine(coherent, coherentMessage);

/** Any subset; unknown keys refused. `categoryDelays` replaces the stored map as a whole. */
export const reviewSettingsPatchSchema = z.strictObject(fields).partial();
export type ReviewSettingsPatch = z.infer<typeof reviewSettingsPatchSchema>;
