import { createHash } from 'node:crypto';

/** What a review says, as the buyer typed it. */
export interface ReviewText {
  title: string | null;
  body: string | null;
  author: string | null;
}

// a scheme, www., or a host name under a TLD spammers use; "5.0 stars" or "e.g." are not links
const LINK = /\b(?:https?:\/\/|www\.)|\b[a-z0-9-]{2,63}\.(?:com|net|org|info|biz|ru|cn|xyz|top|io|co|shop|store|online|site|click|link|app|me|ly|gg|tk)\b/i;
// one character ten times in a row ("!!!!!!!!!!", "aaaaaaaaaaaa"); "Soooo good" is not spam
const REPEATED = /(\S)\1{9,}/u;
/** a body shorter than this (once normalised) is too common to call a copy: "Great mug!" */
const MIN_COPY_LENGTH = 20;

/**
 * Obvious spam signs in a review, or null. A review showing one is held for moderation even when the site
 * publishes automatically; it is never rejected automatically. The rating is not looked at: a one-star review
 * and a five-star one are held or published by the same rule.
 */
export function spamSign(r: ReviewText): string | null {
  const all = [r.title, r.body, r.author].filter((t): t is string => t !== null);
  if (all.some((t) => LINK.test(t))) return 'contains a link';
  if (all.some((t) => REPEATED.test(t))) return 'repeated characters';
  return null;
}

/**
 * A digest of the body reduced to what makes it the same text as another (case, Unicode forms, punctuation
 * and spacing ignored), or null when it is too short to tell a copy from a common phrase.
 */
export function textKey(body: string | null): string | null {
  if (body === null) return null;
  const key = body.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return key.length >= MIN_COPY_LENGTH ? createHash('sha256').update(key).digest('base64url') : null;
}
