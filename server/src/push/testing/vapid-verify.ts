import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** The claims of a VAPID JWT (RFC 8292 §2). */
export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

export type VapidCheck =
  | { ok: true; claims: VapidClaims; publicKey: string; token: string }
  | { ok: false; status: 401 | 403; reason: string };

const MAX_VALIDITY_S = 24 * 60 * 60; // RFC 8292 §2: exp no more than 24 hours after the request

/**
 * Checks `Authorization: vapid t=JWT, k=KEY` the way a push service does (RFC 8292 §3): the ES256 signature
 * against k, aud equal to the push service's origin, exp in the future and at most 24 h ahead, sub a contact.
 * `verified` keeps the (token, key) pairs whose signature already verified.
 */
export function verifyVapid(authorization: string | undefined, audience: string, nowMs: number, verified?: Set<string>): VapidCheck {
  if (!authorization) return { ok: false, status: 401, reason: 'no Authorization header' };
  const m = /^vapid\s+(.*)$/i.exec(authorization.trim());
  if (!m) return { ok: false, status: 401, reason: 'Authorization is not the vapid scheme' };
  const params = new Map<string, string>();
  for (const part of m[1]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const token = params.get('t');
  const k = params.get('k');
  if (!token || !k) return { ok: false, status: 401, reason: 'vapid needs both t= and k=' };

  let key: KeyObject;
  try {
    key = publicKeyFromPoint(Buffer.from(k, 'base64url'));
  } catch {
    return { ok: false, status: 401, reason: 'k is not a P-256 public key' };
  }
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, status: 401, reason: 't is not a JWT' };
  const [h, p, s] = parts as [string, string, string];
  let header: { alg?: unknown; typ?: unknown };
  let claims: Partial<VapidClaims>;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, status: 401, reason: 'JWT parts are not JSON' };
  }
  if (header.alg !== 'ES256') return { ok: false, status: 401, reason: `JWT alg must be ES256, got ${String(header.alg)}` };
  const signature = Buffer.from(s, 'base64url');
  // JWS ES256 signatures are r ‖ s, 64 bytes (RFC 7518 §3.4), not DER.
  // A sender reuses one token for hours; like a real push service, remember signatures already checked (the
  // claims below are still judged on every request).
  const id = `${token} ${k}`;
  if (!verified?.has(id)) {
    if (signature.length !== 64 || !verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, signature)) {
      return { ok: false, status: 401, reason: 'JWT signature does not verify with k' };
    }
    if (verified && verified.size < 10_000) verified.add(id);
  }
  if (claims.aud !== audience) return { ok: false, status: 401, reason: `aud ${String(claims.aud)} is not this push service (${audience})` };
  const nowS = nowMs / 1000;
  if (typeof claims.exp !== 'number' || !Number.isInteger(claims.exp)) return { ok: false, status: 401, reason: 'exp is not an integer' };
  if (claims.exp <= nowS) return { ok: false, status: 401, reason: 'JWT has expired' };
  if (claims.exp > nowS + MAX_VALIDITY_S) return { ok: false, status: 401, reason: 'exp is more than 24 hours ahead' };
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) {
    return { ok: false, status: 401, reason: 'sub must be a mailto: or https: contact' };
  }
  return { ok: true, claims: { aud: claims.aud, exp: claims.exp, sub: claims.sub }, publicKey: k, token };
}

export function publicKeyFromPoint(point: Buffer): KeyObject {
  if (point.length !== 65 || point[0] !== 4) throw new Error('not an uncompressed P-256 point');
  const jwk = { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') };
  return createPublicKey({ key: jwk, format: 'jwk' });
}
