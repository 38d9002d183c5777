import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { siteSettings } from '../db/schema/lifecycle.ts';
import { lifecycleSettingsSchema, type LifecycleSettings } from './settings.ts';

/** A site's lifecycle settings: stored overrides over the defaults. */
export async function readLifecycleSettings(db: Db, siteId: string): Promise<LifecycleSettings> {
  const row = await db.orm.query.siteSettings.findFirst({ where: eq(siteSettings.siteId, siteId) });
  return lifecycleSettingsSchema.parse(row?.lifecycle ?? {});
}

export async function writeLifecycleSettings(db: Db, siteId: string, settings: LifecycleSettings, now: number): Promise<void> {
  await db.orm
    .insert(siteSettings)
    .values({ siteId, lifecycle: settings, updatedAt: now })
    .onConflictDoUpdate({ target: siteSettings.siteId, set: { lifecycle: settings, updatedAt: now } });
}
