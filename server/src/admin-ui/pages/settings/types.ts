// GET/PUT /admin/api/sites/:id/settings, /sites and /sites/:id/snippet as the Settings page reads them. Types only.
import type { CampaignSettings, PushCampaignId } from '../../../campaigns/settings.ts';
import type { ContactPolicy } from '../../../campaigns/policy/contact-policy.ts';
import type { ReviewSettings } from '../../../reviews/settings.ts';
import type { CatalogSettings } from '../../../catalog/trust/settings.ts';
import type { SiteSnippet } from '../../../sites/snippet.ts';
import type { LifecycleSettings } from '../../api/types.ts';

export type { CampaignSettings, CatalogSettings, ContactPolicy, PushCampaignId, ReviewSettings, SiteSnippet };

export interface AllSettings {
  site: string;
  lifecycle: LifecycleSettings;
  campaigns: CampaignSettings;
  contact: ContactPolicy;
  catalog: CatalogSettings;
  reviews: ReviewSettings;
}

/** One site as GET /admin/api/sites lists it (the stored row). */
export interface SiteRow {
  id: string;
  name: string;
  publicKey: string;
  allowedOrigins: string[];
  createdAt: number | string;
}

/** POST /admin/api/campaigns/preview */
export interface MessagePreview {
  title: string;
  body: string;
  url: string;
  icon: string | null;
  item: { itemId: string; name: string } | null;
}
