import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { itemsDigest, signReviewToken, verifyReviewToken, type ReviewTokenClaims } from './review-token.ts';

const secret = randomBytes(32);
const now = Date.UTC(2026, 10, 23, 12);
const claims: ReviewTokenClaims = { siteId: 'site_a', requestId: 'rr_1', orderId: 'o-1', items: itemsDigest(['mug-1', 'sofa-1']), expiresAt: now + 1000 };

/** flips one base64url character of part `which` of the token */
function flip(token: string, which: 0 | 1, at: number): string {
  const parts = token.split('.');
  const part = parts[which]!;
  const c = part[at]!;
  parts[which] = part.slice(0, at) + (c === 'A' ? 'B' : 'A') + part.slice(at + 1);
  return parts.join('.');
}

describe('review tokens', () => {
  test('a signed token verifies and gives back its claims', () => {
    const token = signReviewToken(secret, claims);
    expect(verifyReviewToken(secret, token, now)).toEqual({ ok: true, claims });
  });

  test('the signature is HMAC-SHA-256 of the payload with the site secret (another secret fails)', () => {
    const token = signReviewToken(secret, claims);
    expect(token.split('.')[1]).toHaveLength(43); // 32 bytes in base64url
    expect(verifyReviewToken(randomBytes(32), token, now)).toEqual({ ok: false, reason: 'bad signature' });
  });

  test('any change to the payload or the signature is refused', () => {
    const token = signReviewToken(secret, claims);
    const [payload, signature] = token.split('.') as [string, string];
    for (let i = 0; i < payload.length; i += 3) expect(verifyReviewToken(secret, flip(token, 0, i), now).ok, `payload ${i}`).toBe(false);
    for (let i = 0; i < signature.length; i += 3) expect(verifyReviewToken(secret, flip(token, 1, i), now).ok, `signature ${i}`).toBe(false);
    expect(verifyReviewToken(secret, flip(token, 1, signature.length - 1), now).ok).toBe(false); // even base64url's spare bits
    // a payload re-encoded with another order, the signature kept
    const forged = Buffer.from(JSON.stringify({ s: 'site_a', r: 'rr_1', o: 'o-2', i: claims.items, e: claims.expiresAt })).toString('base64url');
    expect(verifyReviewToken(secret, `${forged}.${signature}`, now)).toEqual({ ok: false, reason: 'bad signature' });
  });

  test('it expires', () => {
    const token = signReviewToken(secret, claims);
    expect(verifyReviewToken(secret, token, claims.expiresAt - 1).ok).toBe(true);
    expect(verifyReviewToken(secret, token, claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
  });

  test('malformed tokens are refused without throwing', () => {
    for (const bad of ['', 'x', 'a.b', 'a.b.c', `${'a'.repeat(10)}.${'!'.repeat(43)}`, `.${'a'.repeat(43)}`]) {
      expect(verifyReviewToken(secret, bad, now).ok, bad).toBe(false);
    }
    // a correctly signed payload that is not the claims
    const junk = Buffer.from('[1,2]').toString('base64url');
    const signed = signReviewToken(secret, claims).split('.')[1];
    expect(verifyReviewToken(secret, `${junk}.${signed}`, now).ok).toBe(false);
  });

  test('the items digest names the set of items, whatever their order', () => {
    expect(itemsDigest(['b', 'a', 'a'])).toBe(itemsDigest(['a', 'b']));
    expect(itemsDigest(['a', 'b'])).not.toBe(itemsDigest(['a', 'c']));
    expect(itemsDigest(['a,b'])).not.toBe(itemsDigest(['a', 'b']));
  });
});
