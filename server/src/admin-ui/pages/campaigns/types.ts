// GET /admin/api/campaigns/report and /admin/api/messages, as the Campaigns page reads them. Types only: the server's own.
import type { CampaignReportRow, ReasonCount } from '../../../campaigns/report/campaign-report.ts';
import type { MessageView } from '../../../campaigns/report/messages-list.ts';
import type { Uplift } from '../../../campaigns/uplift/uplift.ts';
import type { CampaignId } from '../../../campaigns/campaign-ids.ts';
import type { MessageStatus } from '../../../db/schema/push.ts';

export type { CampaignId, CampaignReportRow, MessageStatus, MessageView, ReasonCount, Uplift };

export interface CampaignsReport {
  site: string;
  from: string;
  to: string;
  currency: string;
  campaigns: CampaignReportRow[];
}

export interface MessageList {
  site: string;
  messages: MessageView[];
  next: string | null;
}
