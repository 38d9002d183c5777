import { createDecipheriv, createECDH, createHmac } from 'node:crypto';

/**
 * The browser's side of Web Push message encryption, written from RFC 8291 (§3.3–3.4) and RFC 8188 (§2) with
 * node:crypto only, so the local push service checks web-push's encryption independently of the code that made it
 * (web-push's http_ece has its own decrypt; using it would let one bug pass both ways).
 */

/** HKDF-Extract (RFC 5869 §2.2): PRK = HMAC-SHA-256(salt, IKM). */
export const hkdfExtract = (salt: Buffer, ikm: Buffer): Buffer => createHmac('sha256', salt).update(ikm).digest();

/** HKDF-Expand (RFC 5869 §2.3) for at most one block (≤ 32 bytes): the first bytes of HMAC(PRK, info ‖ 0x01). */
export function hkdfExpand(prk: Buffer, info: Buffer, length: number): Buffer {
  if (length > 32) throw new RangeError('one HMAC-SHA-256 block is all Web Push needs');
  return createHmac('sha256', prk).update(Buffer.concat([info, Buffer.from([1])])).digest().subarray(0, length);
}

export interface UserAgentKeys {
  /** the subscription's private key, 32 bytes */
  privateKey: Buffer;
  /** its public key as p256dh, the 65-byte uncompressed point */
  publicKey: Buffer;
  /** the subscription's auth secret, 16 bytes */
  authSecret: Buffer;
}

/** Every value RFC 8291 Appendix A lists, so the known-answer test can compare each step. */
export interface KeyDerivation {
  ecdhSecret: Buffer;
  prkKey: Buffer;
  keyInfo: Buffer;
  ikm: Buffer;
  prk: Buffer;
  cek: Buffer;
  nonce: Buffer;
}

/** RFC 8291 §3.3–3.4 and RFC 8188 §2.2–2.3: from the two key pairs, the auth secret and the salt to CEK and NONCE. */
export function deriveKeys(ua: UserAgentKeys, asPublic: Buffer, salt: Buffer): KeyDerivation {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(ua.privateKey);
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const prkKey = hkdfExtract(ua.authSecret, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0', 'latin1'), ua.publicKey, asPublic]);
  const ikm = hkdfExpand(prkKey, keyInfo, 32);
  const prk = hkdfExtract(salt, ikm);
  const cek = hkdfExpand(prk, Buffer.from('Content-Encoding: aes128gcm\0', 'latin1'), 16);
  const nonce = hkdfExpand(prk, Buffer.from('Content-Encoding: nonce\0', 'latin1'), 12);
  return { ecdhSecret, prkKey, keyInfo, ikm, prk, cek, nonce };
}

export interface Decrypted {
  plaintext: Buffer;
  salt: Buffer;
  recordSize: number;
  /** the application server's ephemeral public key from the header's keyid */
  asPublic: Buffer;
  records: number;
  keys: KeyDerivation;
}

/** Thrown for a body that is not a valid aes128gcm message for these keys. */
export class DecryptError extends Error {
  override name = 'DecryptError';
}

const TAG = 16;

/** Decrypts an `aes128gcm` Web Push body (RFC 8188 header, RFC 8291 keys). */
export function decryptAes128gcm(body: Buffer, ua: UserAgentKeys): Decrypted {
  // Header: salt (16) ‖ rs (uint32) ‖ idlen (1) ‖ keyid (idlen): for Web Push the keyid is as_public (65 bytes).
  if (body.length < 21) throw new DecryptError('body shorter than the aes128gcm header');
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idlen = body[20]!;
  if (idlen !== 65) throw new DecryptError(`keyid must be the 65-byte sender key, got ${idlen} bytes`);
  if (recordSize < TAG + 2) throw new DecryptError(`record size ${recordSize} is too small`);
  const asPublic = body.subarray(21, 21 + idlen);
  const content = body.subarray(21 + idlen);
  if (content.length === 0) throw new DecryptError('no records');
  const keys = deriveKeys(ua, asPublic, salt);

  const parts: Buffer[] = [];
  let records = 0;
  for (let start = 0; start < content.length; start += recordSize, records++) {
    const record = content.subarray(start, start + recordSize);
    const last = start + recordSize >= content.length;
    if (record.length <= TAG) throw new DecryptError('a record shorter than its tag');
    // RFC 8188 §2.3: the nonce for record SEQ is NONCE XOR SEQ (SEQ as a 96-bit big-endian number).
    const nonce = Buffer.from(keys.nonce);
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ records) >>> 0, 8);
    const decipher = createDecipheriv('aes-128-gcm', keys.cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - TAG));
    let padded: Buffer;
    try {
      padded = Buffer.concat([decipher.update(record.subarray(0, record.length - TAG)), decipher.final()]);
    } catch {
      throw new DecryptError(`record ${records} failed authentication (wrong keys or altered body)`);
    }
    // RFC 8188 §2: data ‖ delimiter (0x02 in the last record, 0x01 before) ‖ zero padding.
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end--;
    const delimiter = padded[end];
    if (delimiter !== (last ? 2 : 1)) throw new DecryptError(`record ${records} has padding delimiter ${delimiter}, expected ${last ? 2 : 1}`);
    parts.push(padded.subarray(0, end));
  }
  return { plaintext: Buffer.concat(parts), salt, recordSize, asPublic, records, keys };
}
