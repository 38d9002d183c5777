import type { InStatement } from '@libsql/client';
import type { Db } from '../../db/client.ts';
import type { EvaluatedPerson, EvaluationHook } from '../../lifecycle/evaluation-hook.ts';
import { readCampaignSettings } from '../site-campaign-config.ts';
import type { CampaignSettings } from '../settings.ts';
import { cancelPending, MINUTE, planMessage } from './new-message.ts';

const DAY = 24 * 60 * MINUTE;
/** a purchase this soon after a message (or a held-out decision) counts as its conversion */
export const CONVERSION_WINDOW_MS = 7 * DAY;

/**
 * What stage changes and new events set off, in the lifecycle scheduler's transaction: entering at_risk plans
 * the cart reminders, entering dormant the win-back; a purchase cancels waiting cart reminders and is stamped
 * as the conversion of the person's messages of the last 7 days; a push_click marks its message clicked.
 */
export function stageTriggers(db: Db): EvaluationHook {
  return {
    async forSite(siteId) {
      const settings = await readCampaignSettings(db, siteId);
      return (person) => triggered(person, settings);
    },
    // a customer absorbing a device takes its messages along; where both planned the same trigger, the customer's
    // stands and the device's waiting one is cancelled, so the browser does not get it twice
    onAbsorb: (siteId, from, to) => [
      { sql: 'UPDATE OR IGNORE messages SET profile_id = ? WHERE site_id = ? AND profile_id = ?', args: [to, siteId, from] },
      {
        sql: `UPDATE messages SET status = 'cancelled', reason = 'merged into the customer, who has the same message', due_at = NULL, claim_until = NULL
              WHERE site_id = ? AND profile_id = ? AND status IN ('scheduled', 'deferred')`,
        args: [siteId, from],
      },
    ],
  };
}

export function triggered(p: EvaluatedPerson, settings: CampaignSettings): InStatement[] {
  const out: InStatement[] = [];
  const { siteId, profileId, now } = p;
  const purchases = p.newEvents.filter((e) => e.name === 'purchase');

  if (purchases.length > 0) out.push(cancelPending(siteId, profileId, 'abandoned_cart', 'bought', now));
  if (p.changed && p.from === 'at_risk' && p.to === 'here_and_now') out.push(cancelPending(siteId, profileId, 'abandoned_cart', 'came back to the shop', now));
  if (p.changed && p.from === 'dormant') out.push(cancelPending(siteId, profileId, 'win_back', 'came back to the shop', now));

  const cart = settings.abandoned_cart;
  const cartItems = Object.keys(p.facts.cart);
  if (p.changed && p.to === 'at_risk' && cart.enabled && cartItems.length > 0) {
    const first = now + cart.firstDelayMinutes * MINUTE;
    const reminders = cart.secondEnabled ? [first, first + cart.secondDelayMinutes * MINUTE] : [first];
    reminders.forEach((sendAt, i) => {
      out.push(
        planMessage({
          siteId,
          profileId,
          campaign: 'abandoned_cart',
          triggerKey: `at_risk@${now}#${i + 1}`,
          createdAt: now,
          sendAt,
          ttlHours: cart.ttlHours,
          holdoutPercent: cart.holdoutPercent,
          urgency: 'normal',
          topic: 'cart', // the second reminder replaces the first on the device
          itemId: cartItems[0] ?? null,
          context: { items: cartItems.slice(0, 20), reminder: i + 1 },
        }),
      );
    });
  }

  const winBack = settings.win_back;
  if (p.changed && p.to === 'dormant' && winBack.enabled) {
    out.push(
      planMessage({
        siteId,
        profileId,
        campaign: 'win_back',
        triggerKey: `dormant@${now}`,
        createdAt: now,
        sendAt: now + winBack.delayMinutes * MINUTE,
        ttlHours: winBack.ttlHours,
        holdoutPercent: winBack.holdoutPercent,
        urgency: 'low',
        topic: 'winback',
      }),
    );
  }

  for (const e of purchases) {
    const orderId = e.params.transaction_id ?? `${e.receivedAt}`;
    out.push({
      sql: `UPDATE messages SET converted_at = ?, order_id = ?, revenue = ?, updated_at = ?
            WHERE site_id = ? AND profile_id = ? AND converted_at IS NULL AND created_at <= ? AND created_at > ?`,
      args: [e.receivedAt, orderId, e.params.value ?? 0, now, siteId, profileId, e.receivedAt, e.receivedAt - CONVERSION_WINDOW_MS],
    });
  }

  for (const e of p.newEvents) {
    if (e.name !== 'push_click') continue;
    const messageId = (e.params as { message_id?: unknown }).message_id;
    if (typeof messageId !== 'string') continue;
    // only the person's own message: a page cannot mark another visitor's message clicked
    out.push({
      sql: `UPDATE messages SET status = 'clicked', clicked_at = ?, updated_at = ? WHERE id = ? AND site_id = ? AND profile_id = ? AND clicked_at IS NULL AND status IN ('sent', 'clicked')`,
      args: [e.receivedAt, now, messageId, siteId, profileId],
    });
  }
  return out;
}
