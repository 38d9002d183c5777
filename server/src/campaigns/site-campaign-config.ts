import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { siteSettings } from '../db/schema/lifecycle.ts';
import { z } from 'zod';
import { badRequest } from '../http/errors.ts';
import { contactPolicyPatchSchema, contactPolicySchema, defaultContactPolicy, type ContactPolicy } from './policy/index.ts';
import { campaignSettingsSchema, mergeCampaignSettings, stripUndefined, type CampaignSettings, type CampaignSettingsPatch } from './settings.ts';

/** A site's campaign settings and contact policy: stored overrides over the defaults. */
export async function readCampaignSettings(db: Db, siteId: string): Promise<CampaignSettings> {
  const row = await db.orm.query.siteSettings.findFirst({ where: eq(siteSettings.siteId, siteId), columns: { campaigns: true } });
  return campaignSettingsSchema.parse(row?.campaigns ?? {});
}

export async function readContactPolicy(db: Db, siteId: string): Promise<ContactPolicy> {
  const row = await db.orm.query.siteSettings.findFirst({ where: eq(siteSettings.siteId, siteId), columns: { contact: true } });
  return contactPolicySchema.parse({ ...defaultContactPolicy, ...row?.contact });
}

export type ContactPolicyPatch = z.infer<typeof contactPolicyPatchSchema>;
export { contactPolicyPatchSchema };

/** Merges and stores; the dispatcher and the triggers read settings every round, so they apply on the next one. */
export async function applyCampaignSettings(db: Db, siteId: string, patch: { campaigns?: CampaignSettingsPatch | undefined; contact?: ContactPolicyPatch | undefined }, now: number) {
  const campaigns = mergeCampaignSettings(await readCampaignSettings(db, siteId), patch.campaigns ?? {});
  const merged = { ...(await readContactPolicy(db, siteId)), ...stripUndefined(patch.contact ?? {}) };
  const parsed = contactPolicySchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badRequest(`invalid body: contact.${issue.path.join('.')}: ${issue.message}`, { issues: parsed.error.issues.map((i) => ({ path: ['contact', ...i.path].join('.'), message: i.message })) });
  }
  const contact = parsed.data;
  await db.orm
    .insert(siteSettings)
    .values({ siteId, campaigns, contact, updatedAt: now })
    .onConflictDoUpdate({ target: siteSettings.siteId, set: { campaigns, contact, updatedAt: now } });
  return { campaigns, contact };
}
