import type { BlockConfig, BlockTracker } from '../../tracker/blocks.ts';
import { reviewsKey } from '../../tracker/storage.ts';

// When to ask the server for the visitor's review requests (part of the UI bundle; the card is in the reviews
// chunk). The tracker writes `shoploop:reviews` = −(time) when the visitor buys, and loads the UI on a page view
// while that key holds a time in the past (widget/src/tracker/blocks.ts): a buyer's browser asks, nobody
// else's. Here the key becomes the time of the next check, half an hour on (a new visit: the buyer who comes
// back), for as long as a request may come: 90 days after the last purchase (a 7-day delay, reminders, and
// tokens that last 45 days), kept in `shoploop:reviews-until`. Times, never ids.

const untilKey = 'shoploop:reviews-until';
export const visitMs = 30 * 60_000;
export const askDays = 90;

/** The card's element: one card at a time. */
export const cardSelector = '[data-shoploop-review-card]';

/** Whether to ask now; if so, the next check is put off by a visit. False wherever localStorage fails. */
export const reviewCheckDue = (now = Date.now()): boolean => {
  try {
    const marker = Number(localStorage.getItem(reviewsKey) ?? NaN);
    if (!(now >= marker)) return false;
    const until = Math.max(Number(localStorage.getItem(untilKey)) || 0, marker < 0 ? askDays * 864e5 - marker : 0);
    if (now > until) {
      stopAsking();
      return false;
    }
    localStorage.setItem(untilKey, String(until));
    localStorage.setItem(reviewsKey, String(now + visitMs));
    return true;
  } catch {
    return false;
  }
};

/** "Don't ask again", or the last purchase is too long ago: the tracker stops loading the UI for reviews. */
export const stopAsking = (): void => {
  try {
    localStorage.removeItem(reviewsKey);
    localStorage.removeItem(untilKey);
  } catch {}
};

/**
 * On a page view (while collection is allowed): if a check is due and no card is open, asks
 * `GET {api}/v1/reviews/requests?site&visitor`, and shows the card when a request has items. Never throws.
 */
export const askForReviews = async ({ api, site }: BlockConfig, tracker: BlockTracker): Promise<void> => {
  const visitor = tracker.visitor();
  if (!visitor || document.querySelector(cardSelector) || !reviewCheckDue()) return;
  try {
    const response = await fetch(`${api}/v1/reviews/requests?${new URLSearchParams({ site, visitor })}`);
    const answer = response.ok && (await response.json());
    if (answer?.requests?.[0]) (await import('./reviews.ts')).showReviewCard(answer, { api, site });
  } catch {} // offline, blocked, or a malformed answer: no card this visit
};
