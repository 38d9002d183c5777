import { expect, test } from 'vitest';
import { shopifySignature, signatureMatches } from './verify-signature.ts';

const SECRET = 'shpss_0123456789abcdef0123456789abcdef';
const BODY = '{"id":820982911946154508,"total_price":"254.98"}';
// computed apart from this code: printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64
const OPENSSL = 'bLqHIojlHky5hdhZv6ObZ2ZMujkY6NZZfSuhtMkXDoI=';

test('the signature is base64 HMAC-SHA256 of the raw body, as openssl computes it', () => {
  expect(shopifySignature(BODY, SECRET)).toBe(OPENSSL);
  expect(signatureMatches(BODY, OPENSSL, SECRET)).toBe(true);
  expect(signatureMatches(BODY, ` ${OPENSSL} `, SECRET)).toBe(true); // a header value's surrounding spaces are not part of it
});

test('anything else does not match', () => {
  expect(signatureMatches(BODY, undefined, SECRET)).toBe(false);
  expect(signatureMatches(BODY, '', SECRET)).toBe(false);
  expect(signatureMatches(BODY, OPENSSL, `${SECRET}x`)).toBe(false);
  expect(signatureMatches(BODY.replace('254.98', '2.98'), OPENSSL, SECRET)).toBe(false);
  expect(signatureMatches(`${BODY}\n`, OPENSSL, SECRET)).toBe(false);
  // the same digest in hex, or cut short, or as base64url, is not Shopify's header
  expect(signatureMatches(BODY, Buffer.from(OPENSSL, 'base64').toString('hex'), SECRET)).toBe(false);
  expect(signatureMatches(BODY, OPENSSL.slice(0, 20), SECRET)).toBe(false);
  expect(signatureMatches(BODY, Buffer.from(OPENSSL, 'base64').toString('base64url'), SECRET)).toBe(false);
});
