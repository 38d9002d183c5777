import type { SubmitOutcome } from './send.ts';

/** What the card says when the server refuses a review, by the refusal (send.ts). */
export const refusals: Record<Exclude<SubmitOutcome['status'], 'published' | 'pending'>, string> = {
  expired: 'This review link has expired, so this order can no longer be reviewed.',
  reviewed: 'You have already reviewed this product.',
  rate_limited: 'Too many reviews in a short time. Please try again in a few minutes.',
  invalid: 'Your review could not be accepted. Please check it and try again.',
  failed: 'Your review could not be sent. Please check your connection and try again.',
};

/** What the card says after a review was taken. */
export const thanks = {
  published: 'Thank you! Your review is now on the product page.',
  pending: 'Thank you! Your review will appear once the shop has checked it.',
};

export const needsRating = 'Please choose a rating from 1 to 5 stars.';

/** the server's caps (issue 9, "Collecting"): the fields stop there rather than have the server refuse */
export const maxLength = { title: 120, body: 5000, author: 60 };
