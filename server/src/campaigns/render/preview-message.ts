import type { Db } from '../../db/client.ts';
import type { Site } from '../../db/schema/sites.ts';
import { trustedProduct } from '../../catalog/trust/index.ts';
import { readCampaignSettings } from '../site-campaign-config.ts';
import type { PushCampaignId } from '../settings.ts';
import { renderMessage, type MessageProduct } from './render-message.ts';

export interface MessagePreview {
  title: string;
  body: string;
  url: string;
  /** the image the notification shows (the service worker uses it as icon and image), null without one */
  icon: string | null;
  /** the product shown, or null when the catalog has no trusted product yet and a made-up one stands in */
  item: { itemId: string; name: string } | null;
}

/** the link's attribution value in a preview: a real message's id goes there */
export const PREVIEW_MESSAGE_ID = 'preview';

/** what a preview shows on a site whose catalog has no trusted product yet */
const STAND_IN: MessageProduct = { itemId: 'sample', name: 'Sample product', price: 19.99, currency: null, image: null, url: null, availability: 'in_stock' };

/**
 * A campaign's message as it would go now, for a sample product of the site (the first trusted, visible, priced
 * one by id), with the saved wording or the one being edited; nothing is stored or sent. A price drop shows the
 * price as down from 25 % more.
 */
export async function previewMessage(db: Db, site: Site, campaign: PushCampaignId, template: { title?: string | undefined; body?: string | undefined }): Promise<MessagePreview> {
  const settings = await readCampaignSettings(db, site.id);
  const wording = { ...settings[campaign], ...(template.title ? { title: template.title } : {}), ...(template.body ? { body: template.body } : {}) };
  const sample = await db.client.execute({
    sql: 'SELECT item_id FROM products WHERE site_id = ? AND name IS NOT NULL AND price IS NOT NULL AND hidden = 0 ORDER BY item_id LIMIT 1',
    args: [site.id],
  });
  const found = sample.rows[0] ? await trustedProduct(db, site, String(sample.rows[0].item_id)) : null;
  const product = found?.name ? found : STAND_IN;
  const rendered = renderMessage({
    messageId: PREVIEW_MESSAGE_ID,
    campaign,
    settings: { ...settings, [campaign]: wording },
    shopName: site.name,
    shopHome: `${site.allowedOrigins[0] ?? 'https://invalid.example'}/`,
    product,
    oldPrice: product.price === null ? null : Math.round(product.price * 125) / 100,
    count: 1,
  })!; // the product always has a name here
  return { title: rendered.title, body: rendered.body, url: rendered.url, icon: rendered.image, item: product === STAND_IN ? null : { itemId: product.itemId, name: product.name! } };
}
