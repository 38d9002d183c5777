// GET/PUT /admin/api/sites/:id/settings, /sites/:id/snippet and POST /campaigns/preview as the Settings page reads them.
// Types only: the server's own.
import type { CampaignSettings, PushCampaignId } from '../../../campaigns/settings.ts';
import type { ContactPolicy } from '../../../campaigns/policy/contact-policy.ts';
import type { ReviewSettings } from '../../../reviews/settings.ts';
import type { CatalogSettings } from '../../../catalog/trust/settings.ts';
import type { SiteSnippet } from '../../../sites/snippet.ts';
import type { MessagePreview } from '../../../campaigns/render/preview-message.ts';
import type { LifecycleSettings } from '../../api/types.ts';

export type { CampaignSettings, CatalogSettings, ContactPolicy, MessagePreview, PushCampaignId, ReviewSettings, SiteSnippet };

export interface AllSettings {
  site: string;
  lifecycle: LifecycleSettings;
  campaigns: CampaignSettings;
  contact: ContactPolicy;
  catalog: CatalogSettings;
  reviews: ReviewSettings;
}
