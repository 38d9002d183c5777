import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sites } from '../../db/schema/sites.ts';
import { readPushKeys } from '../../push/keys/site-push-keys.ts';
import type { VapidKeys } from '../../push/send/push-sender.ts';
import type { ContactPolicy } from '../policy/index.ts';
import { renderMessage, type MessageProduct, type RenderedMessage } from '../render/render-message.ts';
import { isPushCampaign, type CampaignSettings } from '../settings.ts';
import { readCampaignSettings, readContactPolicy } from '../site-campaign-config.ts';
import type { ClaimedMessage } from './claimed-message.ts';
import { sellableAvailabilities } from '../../db/schema/catalog.ts';

/** Where a message's words and pictures come from: trusted catalog fields, and personal picks for win-back. */
export interface MessageContentSource {
  product(site: { id: string; allowedOrigins: string[] }, itemId: string): Promise<MessageProduct | null>;
  /** the person's win-back picks, best first */
  picks(siteId: string, profileId: string, limit: number): Promise<string[]>;
}

/** What a dispatch round needs of one site, read once per round: settings apply on the next round. */
export class SiteContext {
  private readonly products = new Map<string, Promise<MessageProduct | null>>();

  private constructor(
    readonly site: { id: string; name: string; allowedOrigins: string[] },
    readonly settings: CampaignSettings,
    readonly policy: ContactPolicy,
    /** null while the site has no push contact: nothing is sent */
    readonly push: VapidKeys | null,
    private readonly content: MessageContentSource,
  ) {}

  static async load(db: Db, siteId: string, content: MessageContentSource): Promise<SiteContext | null> {
    const site = await db.orm.query.sites.findFirst({ where: eq(sites.id, siteId) });
    if (!site) return null;
    const keys = await readPushKeys(db, siteId);
    const push = keys?.subject ? { publicKey: keys.publicKey, privateKey: keys.privateKey, subject: keys.subject } : null;
    return new SiteContext(site, await readCampaignSettings(db, siteId), await readContactPolicy(db, siteId), push, content);
  }

  /**
   * The message's title, body, link and image as of now (prices change), or why it is no longer worth sending: no
   * trusted product to name, a price drop that has gone, a restock sold out again.
   */
  async render(m: ClaimedMessage): Promise<RenderedMessage | { skip: string }> {
    if (!isPushCampaign(m.campaign)) return { skip: `${m.campaign} is not sent by push` };
    const items = await this.itemsOf(m);
    let product: MessageProduct | null = null;
    for (const itemId of items) {
      product = await this.product(itemId);
      if (product?.name) break;
    }
    const oldPrice = typeof m.context?.oldPrice === 'number' ? m.context.oldPrice : null;
    if (m.campaign === 'price_drop' && product && !(product.price !== null && oldPrice !== null && product.price < oldPrice)) {
      return { skip: 'the price drop is over: the price is no longer below the old one' };
    }
    if (m.campaign === 'back_in_stock' && product && !sellableAvailabilities.has(product.availability ?? '')) return { skip: 'sold out again' };
    const rendered = renderMessage({
      messageId: m.id,
      campaign: m.campaign,
      settings: this.settings,
      shopName: this.site.name,
      shopHome: `${this.site.allowedOrigins[0] ?? 'https://invalid.example'}/`,
      product,
      oldPrice,
      count: items.length,
    });
    return rendered ?? { skip: 'nothing trusted to show: no product with a name from the feed or several visitors' };
  }

  /** a round asks for the same few products many times: each is read once per round */
  private product(itemId: string): Promise<MessageProduct | null> {
    let p = this.products.get(itemId);
    if (!p) this.products.set(itemId, (p = this.content.product(this.site, itemId)));
    return p;
  }

  private async itemsOf(m: ClaimedMessage): Promise<string[]> {
    if (m.campaign === 'win_back') return this.content.picks(this.site.id, m.profileId, 4);
    const fromContext = Array.isArray(m.context?.items) ? (m.context.items as unknown[]).filter((i): i is string => typeof i === 'string') : [];
    return fromContext.length > 0 ? fromContext : m.itemId ? [m.itemId] : [];
  }
}
