import type { CampaignId, MessageStatus } from './types.ts';

/** Every campaign in the contact policy's priority order (campaigns/campaign-ids.ts), as a marketer names it. */
export const campaignOrder: readonly CampaignId[] = ['abandoned_cart', 'back_in_stock', 'price_drop', 'win_back', 'replenish', 'review_request'];

const campaignLabel: Record<CampaignId, string> = {
  abandoned_cart: 'Abandoned cart',
  back_in_stock: 'Back in stock',
  price_drop: 'Price drop',
  win_back: 'Win-back',
  replenish: 'Replenish',
  review_request: 'Review request',
};

export const statusOrder: readonly MessageStatus[] = ['scheduled', 'deferred', 'held_out', 'sent', 'clicked', 'failed', 'expired', 'cancelled'];

export const statusLabel: Record<MessageStatus, string> = {
  scheduled: 'Scheduled',
  deferred: 'Deferred',
  held_out: 'Held out',
  sent: 'Sent',
  clicked: 'Clicked',
  failed: 'Failed',
  expired: 'Expired',
  cancelled: 'Cancelled',
};

/** A campaign id the server may add later still reads as something. */
export const campaignName = (id: string) => campaignLabel[id as CampaignId] ?? id.replace(/_/g, ' ');
