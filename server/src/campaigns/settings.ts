import { z } from 'zod';
import type { CampaignId } from './campaign-ids.ts';

/**
 * Per-site campaign settings: each campaign switchable, timed, held out and worded. Every field has its own
 * bounds; delays are minutes (any may be as low as 1, so a test can run a whole path), TTLs hours.
 * Templates may use {name}, {price}, {old_price}, {count} and {shop}; they are plain text in a notification.
 */
const template = z.string().trim().min(1).max(200);
const common = {
  enabled: z.boolean(),
  /** the share of eligible people who are sent nothing, to measure the campaign against */
  holdoutPercent: z.number().int().min(0).max(50),
  /** how long a message stays worth sending; past it, a deferred message is dropped */
  ttlHours: z.number().min(1 / 60).max(24 * 28),
  title: template,
  body: template,
};
const delayMinutes = z.number().min(0).max(60 * 24 * 60);

const fields = {
  abandoned_cart: { ...common, firstDelayMinutes: delayMinutes.min(1), secondDelayMinutes: delayMinutes.min(1), secondEnabled: z.boolean() },
  back_in_stock: { ...common, delayMinutes, lookbackDays: z.number().min(1).max(90) },
  price_drop: { ...common, delayMinutes, lookbackDays: z.number().min(1).max(90), minDropPercent: z.number().min(0).max(90) },
  win_back: { ...common, delayMinutes },
  replenish: { ...common, delayMinutes },
  // when it goes is the reviews' settings (reviews/settings.ts): after the purchase, per category, one reminder
  review_request: { ...common },
} as const;

export type PushCampaignId = keyof typeof fields;
export const pushCampaignIds = Object.keys(fields) as PushCampaignId[];

export const campaignDefaults = {
  abandoned_cart: {
    enabled: true,
    holdoutPercent: 10,
    ttlHours: 24,
    firstDelayMinutes: 60,
    secondDelayMinutes: 24 * 60,
    secondEnabled: true,
    title: 'You left something in your cart',
    body: '{name} is still in your cart at {shop}.',
  },
  back_in_stock: { enabled: true, holdoutPercent: 10, ttlHours: 48, delayMinutes: 0, lookbackDays: 30, title: '{name} is back in stock', body: 'You looked at it recently. Now {price}.' },
  price_drop: { enabled: true, holdoutPercent: 10, ttlHours: 48, delayMinutes: 0, lookbackDays: 30, minDropPercent: 1, title: '{name} is now {price}', body: 'Down from {old_price} at {shop}.' },
  win_back: { enabled: true, holdoutPercent: 10, ttlHours: 7 * 24, delayMinutes: 0, title: 'New picks for you at {shop}', body: '{name} and more, chosen for you.' },
  replenish: { enabled: true, holdoutPercent: 10, ttlHours: 72, delayMinutes: 0, title: 'Time to restock {name}?', body: 'Order it again at {shop}: {price}.' },
  review_request: { enabled: true, holdoutPercent: 10, ttlHours: 72, title: 'How do you like your {name}?', body: 'A few words or just stars help other shoppers at {shop}.' },
} satisfies { [K in PushCampaignId]: z.infer<z.ZodObject<(typeof fields)[K]>> };

export type CampaignSettingsOf<K extends PushCampaignId> = z.infer<z.ZodObject<(typeof fields)[K]>>;
export type CampaignSettings = { [K in PushCampaignId]: CampaignSettingsOf<K> };
export type CampaignSettingsPatch = { [K in PushCampaignId]?: Partial<CampaignSettingsOf<K>> };

/** The full settings: a missing campaign or field takes its default. */
export const campaignSettingsSchema = z.strictObject(
  Object.fromEntries(
    pushCampaignIds.map((id) => [id, z.strictObject(fields[id]).partial().transform((v) => ({ ...campaignDefaults[id], ...stripUndefined(v) })).default(campaignDefaults[id])]),
  ),
) as unknown as z.ZodType<CampaignSettings>;

/** Any subset, per campaign any subset of its fields; unknown keys refused. */
export const campaignSettingsPatchSchema = z.strictObject(
  Object.fromEntries(pushCampaignIds.map((id) => [id, z.strictObject(fields[id]).partial().optional()])),
) as unknown as z.ZodType<CampaignSettingsPatch>;

export function mergeCampaignSettings(current: CampaignSettings, patch: CampaignSettingsPatch): CampaignSettings {
  const out = { ...current } as Record<PushCampaignId, unknown>;
  for (const id of pushCampaignIds) if (patch[id]) out[id] = { ...current[id], ...stripUndefined(patch[id]!) };
  return campaignSettingsSchema.parse(out);
}

export const isPushCampaign = (id: CampaignId): id is PushCampaignId => id in fields;

/** The fields of a patch that were given (zod's .partial() leaves absent ones as undefined keys). */
export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
