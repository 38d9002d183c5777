import { createECDH, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import webPush from 'web-push';
import { describe, expect, test } from 'vitest';
import { decryptAes128gcm, DecryptError, deriveKeys, type UserAgentKeys } from './aes128gcm-decrypt.ts';

// RFC 8291, Appendix A ("Intermediate Values for Encryption"): every input is fixed there, so each step of the
// derivation and the whole message are known answers. Values are base64url as the RFC prints them.
const b = (s: string) => Buffer.from(s, 'base64url');
const rfc = {
  plaintext: 'When I grow up, I want to be a watermelon',
  asPublic: 'BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8',
  asPrivate: 'yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw',
  uaPublic: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
  uaPrivate: 'q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94',
  salt: 'DGv6ra1nlYgDCS1FRnbzlw',
  authSecret: 'BTBZMqHH6r4Tts7J_aSIgg',
  ecdhSecret: 'kyrL1jIIOHEzg3sM2ZWRHDRB62YACZhhSlknJ672kSs',
  prkKey: 'Snr3JMxaHVDXHWJn5wdC52WjpCtd2EIEGBykDcZW32k',
  keyInfo:
    'V2ViUHVzaDogaW5mbwAEJXGyvs3942BVGq8e0PTNNmwRzr5VX4m8t7GGpTM5FzFo7OLr4BhZe9MEebhuPI-OztV3ylkYfpJGmQ22ggCLDgT-M_SrDepxkU21WCP3O1SUj0EwbZIHMtu5pZpTKGSCIA5Zent7wmC6HCJ5mFgJkuk5cwAvMBKiiujwa7t45ewP',
  ikm: 'S4lYMb_L0FxCeq0WhDx813KgSYqU26kOyzWUdsXYyrg',
  prk: '09_eUZGrsvxChDCGRCdkLiDXrReGOEVeSCdCcPBSJSc',
  cek: 'oIhVW04MRdy2XN9CiKLxTg',
  nonce: '4h_95klXJ5E_qnoN',
  header: 'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8',
  ciphertext: '8pfeW0KbunFT06SuDKoJH9Ql87S1QUrdirN6GcG7sFz1y1sqLgVi1VhjVkHsUoEsbI_0LpXMuGvnzQ',
  body:
    'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
};
const ua: UserAgentKeys = { privateKey: b(rfc.uaPrivate), publicKey: b(rfc.uaPublic), authSecret: b(rfc.authSecret) };

describe('RFC 8291 Appendix A, our decryption (the local push service uses it)', () => {
  test('the published body is header ‖ ciphertext', () => {
    expect(Buffer.concat([b(rfc.header), b(rfc.ciphertext)]).equals(b(rfc.body))).toBe(true);
  });

  test('each intermediate value of the key derivation', () => {
    const k = deriveKeys(ua, b(rfc.asPublic), b(rfc.salt));
    expect(k.ecdhSecret.toString('base64url')).toBe(rfc.ecdhSecret);
    expect(k.prkKey.toString('base64url')).toBe(rfc.prkKey);
    expect(k.keyInfo.toString('base64url')).toBe(rfc.keyInfo);
    expect(k.ikm.toString('base64url')).toBe(rfc.ikm);
    expect(k.prk.toString('base64url')).toBe(rfc.prk);
    expect(k.cek.toString('base64url')).toBe(rfc.cek);
    expect(k.nonce.toString('base64url')).toBe(rfc.nonce);
  });

  test('decrypts the published message to the published text', () => {
    const d = decryptAes128gcm(b(rfc.body), ua);
    expect(d.plaintext.toString('utf8')).toBe(rfc.plaintext);
    expect(d.recordSize).toBe(4096);
    expect(d.records).toBe(1);
    expect(d.salt.toString('base64url')).toBe(rfc.salt);
    expect(d.asPublic.toString('base64url')).toBe(rfc.asPublic);
  });

  test('refuses the message altered by one bit, or under another auth secret', () => {
    const altered = b(rfc.body);
    altered[altered.length - 20]! ^= 1;
    expect(() => decryptAes128gcm(altered, ua)).toThrow(DecryptError);
    expect(() => decryptAes128gcm(b(rfc.body), { ...ua, authSecret: randomBytes(16) })).toThrow(/failed authentication/);
  });

  test("the RFC's key pairs are consistent (public keys derive from the private ones)", () => {
    for (const [priv, pub] of [
      [rfc.asPrivate, rfc.asPublic],
      [rfc.uaPrivate, rfc.uaPublic],
    ] as const) {
      const ecdh = createECDH('prime256v1');
      ecdh.setPrivateKey(b(priv));
      expect(ecdh.getPublicKey().toString('base64url')).toBe(pub);
    }
  });
});

describe("RFC 8291 Appendix A, web-push's encryption", () => {
  // web-push's encrypt() draws a fresh sender key and salt, so the RFC's inputs cannot be given to it. It hands
  // them to http_ece (its pinned dependency) exactly as below (web-push/src/encryption-helper.js); with the RFC's
  // key and salt that call must give the RFC's bytes.
  test('the same http_ece call web-push makes, with the fixed key and salt, gives the published body', () => {
    // resolved from web-push's own folder, so it is the copy web-push runs
    const fromWebPush = createRequire(createRequire(import.meta.url).resolve('web-push'));
    const ece = fromWebPush('http_ece') as { encrypt(data: Buffer, params: Record<string, unknown>): Buffer };
    const sender = createECDH('prime256v1');
    sender.setPrivateKey(b(rfc.asPrivate));
    const body = ece.encrypt(Buffer.from(rfc.plaintext), {
      version: 'aes128gcm',
      dh: rfc.uaPublic,
      privateKey: sender,
      salt: rfc.salt,
      authSecret: rfc.authSecret,
    });
    expect(body.toString('base64url')).toBe(rfc.body);
  });

  test('webPush.encrypt (random key and salt) is read back by our decryption', () => {
    const payload = JSON.stringify({ v: 1, title: 'Your cart misses you', body: 'Ünïcödé ✓ 🛒' });
    const out = webPush.encrypt(rfc.uaPublic, rfc.authSecret, payload, 'aes128gcm');
    const d = decryptAes128gcm(out.cipherText, ua);
    expect(d.plaintext.toString('utf8')).toBe(payload);
    // @types/web-push says string; web-push returns the Buffer ECDH.generateKeys() gave it
    expect(Buffer.compare(d.asPublic, out.localPublicKey as unknown as Buffer)).toBe(0);
    expect(d.salt.toString('base64url')).toBe(out.salt);
  });
});
