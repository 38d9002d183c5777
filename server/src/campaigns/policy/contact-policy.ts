import { z } from 'zod';

/** The one budget every campaign's messages ask: per person, across all campaigns. */
export interface ContactPolicy {
  /** at most this many messages in any 7 days */
  maxPerWeek: number;
  /** at most this many messages in any 24 h */
  maxPerDay: number;
  /** no message while the person's wall clock is in [from, to); 'HH:MM', may cross midnight; null: none */
  quietHours: { from: string; to: string } | null;
}

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM, 00:00 to 23:59');

const fields = {
  maxPerWeek: z.number().int().min(0).max(50),
  maxPerDay: z.number().int().min(0).max(10),
  quietHours: z
    .strictObject({ from: clockTime, to: clockTime })
    .refine((quiet) => quiet.from !== quiet.to, { path: ['to'], message: 'quiet hours must end at another time than they start' })
    .nullable(),
};

/**
 * The `contact` part of a site's settings: a whole policy, unknown keys refused; a missing field takes its
 * default (so `parse({})` is the default policy). Quiet hours `null` means none.
 */
export const contactPolicySchema = z
  .strictObject({
    maxPerWeek: fields.maxPerWeek.default(2),
    maxPerDay: fields.maxPerDay.default(1),
    quietHours: fields.quietHours.default({ from: '21:00', to: '09:00' }),
  })
  .refine((policy) => policy.maxPerDay <= policy.maxPerWeek, { path: ['maxPerDay'], message: 'maxPerDay cannot be more than maxPerWeek' });

export const defaultContactPolicy: ContactPolicy = contactPolicySchema.parse({});

/**
 * A change to the policy as PUT sends it: any subset of the fields, each with its bounds, no defaults filled in
 * (they would undo the stored values on merge). Parse the merged result with contactPolicySchema, which checks
 * maxPerDay ≤ maxPerWeek across the stored and the new fields.
 */
export const contactPolicyPatchSchema = z.strictObject({
  maxPerWeek: fields.maxPerWeek.optional(),
  maxPerDay: fields.maxPerDay.optional(),
  quietHours: fields.quietHours.optional(),
});
