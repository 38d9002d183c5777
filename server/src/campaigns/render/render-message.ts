import type { TrustedProduct } from '../../catalog/trust/index.ts';
import { MAX_PAYLOAD_BYTES } from '../../push/send/push-sender.ts';
import type { CampaignSettings, PushCampaignId } from '../settings.ts';
import { fillTemplate, formatPrice } from './fill-template.ts';

/** What a message may show of a product: only trusted fields (catalog/trust), null where none is. */
export type MessageProduct = Omit<TrustedProduct, 'saleEndsAt'>;

export interface RenderInput {
  messageId: string;
  campaign: PushCampaignId;
  settings: CampaignSettings;
  shopName: string;
  /** where a message without a product page of its own leads: the site's first allowed origin */
  shopHome: string;
  product: MessageProduct | null;
  oldPrice?: number | null;
  count?: number;
}

export interface RenderedMessage {
  title: string;
  body: string;
  url: string;
  image: string | null;
}

/** The push payload's parameter that attributes a visit to its message (the tracker reports push_click). */
export const ATTRIBUTION_PARAM = 'sl_push';

/**
 * A campaign's title and body filled with its product, and the link with the attribution parameter. A message
 * needs a product with a trusted name; without one it is not sent (null), rather than sent saying nothing.
 */
export function renderMessage(input: RenderInput): RenderedMessage | null {
  const p = input.product;
  if (!p?.name) return null;
  const template = input.settings[input.campaign];
  const values = {
    name: p.name,
    price: formatPrice(p.price, p.currency),
    old_price: formatPrice(input.oldPrice ?? null, p.currency),
    count: String(input.count ?? 1),
    shop: input.shopName,
  };
  const url = new URL(p.url ?? input.shopHome);
  url.searchParams.set(ATTRIBUTION_PARAM, input.messageId);
  return {
    title: fillTemplate(template.title, values, 120),
    body: fillTemplate(template.body, values, 240),
    url: url.href,
    image: p.image,
  };
}

/** The JSON the service worker reads (sw/): at most a few hundred bytes, well under push services' 4 KB. */
export function pushPayload(id: string, m: RenderedMessage, topic: string): string {
  const full = JSON.stringify({ v: 1, id, title: m.title, body: m.body, url: m.url, ...(m.image ? { image: m.image, icon: m.image } : {}), tag: topic });
  // one aes128gcm record holds MAX_PAYLOAD_BYTES: long image URLs go first, the message itself stays
  return Buffer.byteLength(full) <= MAX_PAYLOAD_BYTES ? full : JSON.stringify({ v: 1, id, title: m.title, body: m.body, url: m.url, tag: topic });
}
