import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { reviewSettings } from '../db/schema/reviews.ts';
import { badRequest } from '../http/errors.ts';
import { reviewSettingsSchema, type ReviewSettings, type ReviewSettingsPatch } from './settings.ts';

/** A site's review settings: the stored ones over the defaults. */
export async function readReviewSettings(db: Db, siteId: string): Promise<ReviewSettings> {
  const row = await db.orm.query.reviewSettings.findFirst({ where: eq(reviewSettings.siteId, siteId) });
  return reviewSettingsSchema.parse(row?.settings ?? {});
}

/** The stored settings with the patch over them, checked as a whole (a 400 naming the field); stores nothing. */
export async function mergeReviewSettings(db: Db, siteId: string, patch: ReviewSettingsPatch): Promise<ReviewSettings> {
  const merged = { ...(await readReviewSettings(db, siteId)), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  const parsed = reviewSettingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw badRequest(`invalid body: reviews.${issue.path.join('.')}: ${issue.message}`, { issues: parsed.error.issues.map((i) => ({ path: ['reviews', ...i.path].join('.'), message: i.message })) });
}

/** Stores merged settings; the scheduler reads them every round, so they apply to the next purchase evaluated. */
export async function storeReviewSettings(db: Db, siteId: string, settings: ReviewSettings, now: number): Promise<ReviewSettings> {
  await db.orm
    .insert(reviewSettings)
    .values({ siteId, settings, updatedAt: now })
    .onConflictDoUpdate({ target: reviewSettings.siteId, set: { settings, updatedAt: now } });
  return settings;
}
