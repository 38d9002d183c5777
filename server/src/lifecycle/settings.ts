import { z } from 'zod';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Every lifecycle number is a per-site setting; these are the defaults of docs/lifecycle.md. */
export const lifecycleSettingsSchema = z.object({
  /** a session ends after this much inactivity */
  sessionTimeoutMinutes: z.number().int().min(1).max(24 * 60).default(30),
  /** an unfinished cart or checkout keeps a visitor at risk this long after the session ended */
  atRiskDays: z.number().min(0.1).max(365).default(7),
  /** a one-time buyer not seen this long is dormant */
  oneTimeBuyerDormantDays: z.number().min(1).max(3650).default(60),
  /** purchases (distinct orders) that make a buyer a candidate for loyal */
  loyalMinPurchases: z.number().int().min(2).max(100).default(2),
  /** without a fitted model: a repeat buyer is loyal while the last purchase is this recent */
  loyalRecencyDays: z.number().min(1).max(3650).default(180),
  /** with a fitted BG/NBD model: loyal while P(alive) is above this */
  pAliveThreshold: z.number().min(0.01).max(0.99).default(0.5),
  /** below this many repeat buyers the model is not fitted and the recency rule applies */
  minRepeatBuyersForModel: z.number().int().min(5).max(100_000).default(30),
});

export type LifecycleSettings = z.infer<typeof lifecycleSettingsSchema>;
export const defaultLifecycleSettings: LifecycleSettings = lifecycleSettingsSchema.parse({});

/** The settings as durations in milliseconds, for the evaluator's hot loop. */
export interface Thresholds {
  session: number;
  atRisk: number;
  oneTimeDormant: number;
  loyalRecency: number;
  loyalMinPurchases: number;
  pAliveThreshold: number;
}

export function thresholdsOf(s: LifecycleSettings): Thresholds {
  return {
    session: s.sessionTimeoutMinutes * MINUTE,
    atRisk: s.atRiskDays * DAY,
    oneTimeDormant: s.oneTimeBuyerDormantDays * DAY,
    loyalRecency: s.loyalRecencyDays * DAY,
    loyalMinPurchases: s.loyalMinPurchases,
    pAliveThreshold: s.pAliveThreshold,
  };
}

export { DAY, MINUTE };
