import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What a review token says, signed: which site, request and order, which items, until when. */
export interface ReviewTokenClaims {
  siteId: string;
  requestId: string;
  orderId: string;
  /** digest of the order's item ids (itemsDigest): a token works for exactly those items */
  items: string;
  /** ms since the epoch */
  expiresAt: number;
}

export type TokenCheck = { ok: true; claims: ReviewTokenClaims } | { ok: false; reason: 'malformed' | 'bad signature' | 'expired' };

// a domain tag, so a MAC made for anything else with the same secret can never pass for a review token
const DOMAIN = 'shoploop-review-token-v1.';

const mac = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(DOMAIN).update(payload).digest();

/** The digest of an order's items a token carries (order-independent). */
export function itemsDigest(itemIds: string[]): string {
  return createHash('sha256').update(JSON.stringify([...new Set(itemIds)].sort())).digest('base64url').slice(0, 22);
}

/** `<payload>.<signature>`, both base64url: the payload is JSON, the signature HMAC-SHA-256 with the site's secret. */
export function signReviewToken(secret: Buffer, claims: ReviewTokenClaims): string {
  const payload = Buffer.from(JSON.stringify({ s: claims.siteId, r: claims.requestId, o: claims.orderId, i: claims.items, e: claims.expiresAt })).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/**
 * Checks the signature first (in constant time) and reads the claims only from a token that passed it, then
 * the expiry. Any change to any byte of the payload, or a token of another site's secret, is a bad signature.
 */
export function verifyReviewToken(secret: Buffer, token: string, now: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[\w-]+$/.test(parts[0]!) || !/^[\w-]{43}$/.test(parts[1]!)) return { ok: false, reason: 'malformed' };
  const [payload, signature] = parts as [string, string];
  // the canonical encodings compared, so no other spelling of the same bytes (base64url's spare bits) passes
  const given = Buffer.from(signature);
  const expected = Buffer.from(mac(secret, payload).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad signature' };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const c = raw as Record<string, unknown>;
  if (typeof c.s !== 'string' || typeof c.r !== 'string' || typeof c.o !== 'string' || typeof c.i !== 'string' || typeof c.e !== 'number') return { ok: false, reason: 'malformed' };
  if (c.e <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { siteId: c.s, requestId: c.r, orderId: c.o, items: c.i, expiresAt: c.e } };
}
