import { createECDH, createPrivateKey, sign, type KeyObject } from 'node:crypto';

/** A site's VAPID key pair (base64url: the 65-byte public point, the 32-byte private scalar) and its contact. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export const VAPID_VALIDITY_MS = 12 * 60 * 60 * 1000;
/** a token is replaced this long before its exp, so none arrives expired at a push service whose clock runs ahead */
export const VAPID_RESIGN_BEFORE_MS = 60 * 60 * 1000;
const MAX_CACHED = 10_000; // sites × push services; plenty, and bounded

/**
 * VAPID `Authorization` headers (RFC 8292), signed once per push-service origin and key pair and reused until
 * shortly before they expire: signing is most of what a message costs (../shared/perf-notes.md, 60 %), while a
 * token names only the push service (aud), the contact (sub) and exp, never the subscription.
 */
export class VapidTokens {
  /** how many JWTs were signed: tests and the bench read it */
  signatures = 0;
  private readonly tokens = new Map<string, { header: string; refreshAt: number }>();
  private readonly keys = new Map<string, KeyObject>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly validityMs = VAPID_VALIDITY_MS,
    private readonly resignBeforeMs = VAPID_RESIGN_BEFORE_MS,
  ) {}

  /** `vapid t=<JWT>, k=<public key>` for requests to `audience` (the push service's origin). */
  authorization(audience: string, vapid: VapidKeys): string {
    const id = `${audience} ${vapid.publicKey} ${vapid.subject}`;
    const now = this.now();
    const cached = this.tokens.get(id);
    if (cached && now < cached.refreshAt) return cached.header;

    const exp = Math.floor((now + this.validityMs) / 1000);
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const input = `${b64({ typ: 'JWT', alg: 'ES256' })}.${b64({ aud: audience, exp, sub: vapid.subject })}`;
    // JWS wants r ‖ s (RFC 7518 §3.4), which is what ieee-p1363 gives; node's default is DER.
    const signature = sign('sha256', Buffer.from(input), { key: this.signingKey(vapid), dsaEncoding: 'ieee-p1363' });
    const header = `vapid t=${input}.${signature.toString('base64url')}, k=${vapid.publicKey}`;
    this.signatures++;
    this.tokens.delete(id);
    if (this.tokens.size >= MAX_CACHED) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(id, { header, refreshAt: exp * 1000 - this.resignBeforeMs });
    return header;
  }

  private signingKey(vapid: VapidKeys): KeyObject {
    const id = `${vapid.publicKey} ${vapid.privateKey}`;
    const known = this.keys.get(id);
    if (known) return known;
    checkVapidKeys(vapid);
    const pub = Buffer.from(vapid.publicKey, 'base64url');
    const key = createPrivateKey({
      key: { kty: 'EC', crv: 'P-256', d: vapid.privateKey, x: pub.subarray(1, 33).toString('base64url'), y: pub.subarray(33).toString('base64url') },
      format: 'jwk',
    });
    if (this.keys.size >= MAX_CACHED) this.keys.delete(this.keys.keys().next().value!);
    this.keys.set(id, key);
    return key;
  }
}

/** Throws on a key pair or subject no push service would accept: a configuration error, not a delivery failure. */
export function checkVapidKeys(vapid: VapidKeys): void {
  const pub = Buffer.from(vapid.publicKey, 'base64url');
  const priv = Buffer.from(vapid.privateKey, 'base64url');
  if (pub.length !== 65 || pub[0] !== 4) throw new Error('VAPID public key must be a 65-byte uncompressed P-256 point (base64url)');
  if (priv.length !== 32) throw new Error('VAPID private key must be 32 bytes (base64url)');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(priv);
  if (!ecdh.getPublicKey().equals(pub)) throw new Error('VAPID private key does not belong to the public key');
  let subject: URL;
  try {
    subject = new URL(vapid.subject);
  } catch {
    throw new Error(`VAPID subject must be a mailto: or https: URL, got "${vapid.subject}"`);
  }
  if (subject.protocol !== 'mailto:' && subject.protocol !== 'https:') throw new Error(`VAPID subject must be mailto: or https:, got "${vapid.subject}"`);
  // Apple's push service answers BadJwtToken to a localhost contact (web-push warns about it too).
  if (subject.hostname === 'localhost' || /@localhost$/i.test(subject.pathname)) throw new Error('VAPID subject must not be localhost: push services refuse it');
}
