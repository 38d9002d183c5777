import type { BlockConfig } from '../../tracker/blocks.ts';

// The reviews' POST routes (reviews-design.md, "HTTP contract"). JSON sent as text/plain, like the collector's
// batches and the push subscriptions: no CORS preflight (the server reads JSON whatever the content type).

const post = (url: string, body: object): Promise<Response> => fetch(url, { method: 'POST', body: JSON.stringify(body) });

/** What the buyer wrote about one item; empty texts are left out. */
export interface ReviewInput {
  itemId: string;
  rating: number;
  title?: string;
  body?: string;
  author?: string;
}

/** `published` or `pending` (held for the shop's moderation); else why the server refused it. */
export type SubmitOutcome =
  | { status: 'published' | 'pending' }
  | { status: 'expired' | 'reviewed' | 'rate_limited' | 'failed' }
  | { status: 'invalid'; message?: string };

const refusals: Record<number, SubmitOutcome['status']> = { 403: 'expired', 409: 'reviewed', 429: 'rate_limited' };

/**
 * `POST /v1/reviews` `{ site, token, item_id, rating, title?, body?, author? }` → 201 `{ review: { id, status } }`;
 * 403 a bad or expired token, 409 already reviewed, 429 rate limited, 400 bad input (with the server's message).
 */
export const submitReview = async ({ api, site }: BlockConfig, token: string, review: ReviewInput): Promise<SubmitOutcome> => {
  const { itemId, rating, ...texts } = review;
  const optional = Object.fromEntries(Object.entries(texts).filter(([, value]) => value?.trim()));
  try {
    const response = await post(`${api}/v1/reviews`, { site, token, item_id: itemId, rating, ...optional });
    const answer = Object(await response.json().catch(() => null));
    if (response.ok) return { status: answer.review?.status == 'published' ? 'published' : 'pending' };
    if (response.status == 400) {
      const message = answer.error?.message;
      return { status: 'invalid', message: typeof message == 'string' ? message : undefined };
    }
    return { status: refusals[response.status] ?? 'failed' } as SubmitOutcome;
  } catch {
    return { status: 'failed' };
  }
};

/**
 * `POST /v1/reviews/dismissals` `{ site, token, scope }`: `request` is "not now" (this request is not shown again on
 * site until its reminder), `always` is "don't ask again" (no further asks at all). True when the server took it.
 */
export const dismiss = async ({ api, site }: BlockConfig, token: string, scope: 'request' | 'always'): Promise<boolean> => {
  try {
    return (await post(`${api}/v1/reviews/dismissals`, { site, token, scope })).ok;
  } catch {
    return false;
  }
};

/** `POST /v1/reviews/:id/helpful` `{ site, vid }` → `{ helpful: n }`, the new count (once per visitor). */
export const markHelpful = async ({ api, site }: BlockConfig, reviewId: string, vid: string): Promise<number | undefined> => {
  try {
    const response = await post(`${api}/v1/reviews/${encodeURIComponent(reviewId)}/helpful`, { site, vid });
    const { helpful } = response.ok ? await response.json() : {};
    if (Number.isInteger(helpful) && helpful >= 0) return helpful;
  } catch {}
};
