import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { catalogSettings } from '../../db/schema/catalog-trust.ts';

/**
 * How many distinct visitors must report a product field's value before messages and recommendation blocks
 * may show it. The default is also written in the `catalog_reports_promote` trigger (migration 0004), which
 * applies it to a site without a stored row. One visitor is never enough: anyone can send events.
 */
export const DEFAULT_TRUSTED_REPORTERS = 3;

export const catalogSettingsSchema = z.strictObject({
  trustedReporters: z.number().int().min(2).max(1000).default(DEFAULT_TRUSTED_REPORTERS),
});
export type CatalogSettings = z.infer<typeof catalogSettingsSchema>;

/** Any subset of the catalog settings (for PUT /admin/api/sites/:siteId/settings `catalog`), unknown keys refused. */
export const catalogSettingsPatchSchema = z.strictObject({ trustedReporters: catalogSettingsSchema.shape.trustedReporters.unwrap().optional() });
export type CatalogSettingsPatch = z.infer<typeof catalogSettingsPatchSchema>;

/** A site's catalog settings: the stored row over the defaults. */
export async function readCatalogSettings(db: Db, siteId: string): Promise<CatalogSettings> {
  const row = await db.orm.query.catalogSettings.findFirst({ where: eq(catalogSettings.siteId, siteId) });
  return catalogSettingsSchema.parse({ trustedReporters: row?.trustedReporters });
}

/** Merges the patch and stores it; the next report of any value is counted against the new threshold. */
export async function applyCatalogSettings(db: Db, siteId: string, patch: CatalogSettingsPatch, now: number): Promise<CatalogSettings> {
  const settings = catalogSettingsSchema.parse({ ...(await readCatalogSettings(db, siteId)), ...patch });
  await db.orm
    .insert(catalogSettings)
    .values({ siteId, trustedReporters: settings.trustedReporters, updatedAt: now })
    .onConflictDoUpdate({ target: catalogSettings.siteId, set: { trustedReporters: settings.trustedReporters, updatedAt: now } });
  return settings;
}
