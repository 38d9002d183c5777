import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { limits } from '../../collect/vocabulary.ts';
import type { Context } from 'hono';
import { ApiError, badRequest, rateLimited } from '../../http/errors.ts';
import { callerKey } from '../../http/caller-key.ts';
import { RateLimiter } from '../../http/rate-limit.ts';
import { parseJsonBody, parseQuery } from '../../http/parse-json-body.ts';
import { siteForPage } from '../../sites/site-for-page.ts';
import { checkSubscription, MAX_ENDPOINT_LENGTH, type EndpointPolicy } from '../endpoints/endpoint-policy.ts';
import { readPushKeys } from '../keys/site-push-keys.ts';
import { removeSubscription, saveSubscription } from './subscription-store.ts';

/** subscribes and unsubscribes per minute from one address to one site */
export const SUBSCRIPTION_CHANGES_PER_MINUTE = 20;
/** A subscription body is well under 1 KB; anything near this is not one. */
const MAX_BODY_BYTES = 4096;
const key = z.string().min(1).max(256);
const siteKey = z.string().min(1).max(limits.idLength);
const endpoint = z.string().min(1).max(MAX_ENDPOINT_LENGTH);

const keyQuery = z.object({ site: siteKey });
const subscribeBody = z.strictObject({
  site: siteKey,
  vid: z.string().min(1).max(limits.idLength).regex(/^[\w.:-]+$/),
  subscription: z.object({ endpoint, expirationTime: z.number().nullable().optional(), keys: z.object({ p256dh: key, auth: key }) }),
  tz: z.string().max(limits.shortText).optional(),
});
const unsubscribeBody = z.strictObject({ site: siteKey, endpoint, vid: z.string().max(limits.idLength).optional() });

/**
 * The browser side of web push: the site's public VAPID key, and a visitor's subscription stored or removed.
 * Same origin rule as the collector: only pages on the site's allowed origins.
 */
export function pushSubscriptionRoutes({ db, siteCache, clock, config }: Pick<AppDeps, 'db' | 'siteCache' | 'clock' | 'config'>, endpoints: EndpointPolicy) {
  // a browser subscribes or unsubscribes a few times in its life: past this, a script is filling the table
  const perAddress = new RateLimiter(SUBSCRIPTION_CHANGES_PER_MINUTE, () => clock.now());
  const limit = (c: Context, siteId: string) => {
    if (!perAddress.take(`${siteId} ${callerKey(c, config.trustProxy)}`)) throw rateLimited('too many subscription changes; retry after 60 seconds', 60);
  };
  return (
    new Hono()
      // GET /v1/push/key?site=KEY — { publicKey } for pushManager.subscribe; 409 while the shop has no push contact
      .get('/push/key', async (c) => {
        const q = parseQuery(c, keyQuery);
        const site = await siteForPage(siteCache, q.site, c.req);
        const keys = await readPushKeys(db, site.id);
        if (!keys?.subject) {
          throw new ApiError(409, 'push_not_configured', `push is off for this site until it has a contact: npm run shoploop -- site push-contact ${site.id} mailto:you@shop.example`);
        }
        c.header('cache-control', 'no-store');
        return c.json({ publicKey: keys.publicKey });
      })
      // POST /v1/push/subscriptions — { site, vid, subscription: { endpoint, keys: { p256dh, auth } } }: checked, then stored
      .post('/push/subscriptions', async (c) => {
        const body = await parseJsonBody(c, subscribeBody, MAX_BODY_BYTES);
        const site = await siteForPage(siteCache, body.site, c.req);
        limit(c, site.id);
        const check = checkSubscription(body.subscription, endpoints);
        if (!check.ok) throw badRequest(`invalid subscription: ${check.reason}`, { field: `subscription.${check.field}` });
        const { endpoint: url, keys } = body.subscription;
        await saveSubscription(db, { siteId: site.id, visitorId: body.vid, endpoint: url, p256dh: keys.p256dh, auth: keys.auth }, clock.now());
        return c.json({ subscribed: true }, 201);
      })
      // DELETE /v1/push/subscriptions — { site, endpoint }: unsubscribed at once (also sent by the service worker on pushsubscriptionchange)
      .delete('/push/subscriptions', async (c) => {
        const body = await parseJsonBody(c, unsubscribeBody, MAX_BODY_BYTES);
        const site = await siteForPage(siteCache, body.site, c.req);
        limit(c, site.id);
        return c.json({ removed: await removeSubscription(db, site.id, body.endpoint) });
      })
  );
}
