import { createECDH, randomBytes } from 'node:crypto';

const b64 = (b: Buffer) => b.toString('base64url');

/** The keys a browser's pushManager.subscribe() hands out: a fresh P-256 public key and a 16-byte auth secret. */
export function browserKeys(): { p256dh: string; auth: string } {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { p256dh: b64(ecdh.getPublicKey()), auth: b64(randomBytes(16)) };
}

/** A browser's subscription as a page posts it: an FCM endpoint of its own and fresh keys. */
export function browserSubscription() {
  return { endpoint: `https://fcm.googleapis.com/fcm/send/${b64(randomBytes(24))}`, expirationTime: null, keys: browserKeys() };
}
