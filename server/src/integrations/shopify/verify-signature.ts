import { createHmac, timingSafeEqual } from 'node:crypto';

/** A SHA-256 digest in base64: 44 characters, one `=` of padding. */
const BASE64_DIGEST = /^[A-Za-z0-9+/]{43}=$/;

/** The `X-Shopify-Hmac-Sha256` value for a body: base64 of HMAC-SHA256 over the raw body, keyed by the secret. */
export function shopifySignature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

/**
 * Whether the header is Shopify's signature of exactly this body under this secret, compared in constant time.
 * The body is the text as read: for a UTF-8 body (Shopify sends JSON in UTF-8) encoding it again gives back the
 * bytes Shopify signed.
 */
export function signatureMatches(body: string, header: string | undefined, secret: string): boolean {
  if (!header || !BASE64_DIGEST.test(header.trim())) return false;
  const expected = createHmac('sha256', secret).update(body, 'utf8').digest();
  return timingSafeEqual(expected, Buffer.from(header.trim(), 'base64'));
}
