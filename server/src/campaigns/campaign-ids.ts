/**
 * Every campaign Shoploop runs, highest contact priority first: when two messages want the same person's one
 * free slot, the earlier one in this list goes (back in stock and price drop share a rank).
 */
export const campaignIds = ['abandoned_cart', 'back_in_stock', 'price_drop', 'win_back', 'replenish', 'review_request'] as const;
export type CampaignId = (typeof campaignIds)[number];

/** Lower is more urgent. */
export const campaignPriority: Record<CampaignId, number> = {
  abandoned_cart: 0,
  back_in_stock: 1,
  price_drop: 1,
  win_back: 2,
  replenish: 3,
  review_request: 4,
};
