import { createPublicKey } from 'node:crypto';

export type Decoded = { ok: true; bytes: Buffer } | { ok: false; reason: string };

// base64url as PushSubscription.toJSON() gives it, with or without '=' padding. Buffer.from(…, 'base64url')
// alone would skip any character it does not know, so the alphabet is checked first.
const base64url = /^[A-Za-z0-9_-]*={0,2}$/;

function decode(value: unknown, maxChars: number): Decoded {
  if (typeof value !== 'string' || value === '') return { ok: false, reason: 'is missing' };
  if (value.length > maxChars) return { ok: false, reason: `is too long (${value.length} characters)` };
  if (!base64url.test(value) || value.replace(/=+$/, '').length % 4 === 1) return { ok: false, reason: 'is not base64url' };
  return { ok: true, bytes: Buffer.from(value.replace(/=+$/, ''), 'base64url') };
}

/**
 * The subscription's `p256dh`: a 65-byte uncompressed P-256 point (0x04 ‖ x ‖ y) that lies on the curve. A point
 * off the curve would make every encryption for it fail later (or, for a careless ECDH, leak key bits).
 */
export function decodeP256dh(value: unknown): Decoded {
  const d = decode(value, 100);
  if (!d.ok) return d;
  const b = d.bytes;
  if (b.length !== 65) return { ok: false, reason: `must be a 65-byte P-256 public key, got ${b.length} bytes` };
  if (b[0] !== 0x04) return { ok: false, reason: 'must be an uncompressed P-256 point (first byte 0x04)' };
  try {
    // OpenSSL refuses coordinates that are not a point of the curve.
    createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: b.subarray(1, 33).toString('base64url'), y: b.subarray(33).toString('base64url') },
      format: 'jwk',
    });
  } catch {
    return { ok: false, reason: 'is not a point on the P-256 curve' };
  }
  return d;
}

/** The subscription's `auth` secret: exactly 16 bytes (RFC 8291 §3.2). */
export function decodeAuth(value: unknown): Decoded {
  const d = decode(value, 30);
  if (!d.ok) return d;
  if (d.bytes.length !== 16) return { ok: false, reason: `must be 16 bytes, got ${d.bytes.length}` };
  return d;
}
