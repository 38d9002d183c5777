import webPush from 'web-push';
import { expect, test } from 'vitest';
import { ManualClock } from '../../clock.ts';
import { verifyVapid } from '../testing/vapid-verify.ts';
import { checkVapidKeys, VapidTokens } from './vapid-tokens.ts';

const site = { ...webPush.generateVAPIDKeys(), subject: 'mailto:owner@shop.example' };
const fcm = 'https://fcm.googleapis.com';
const mozilla = 'https://updates.push.services.mozilla.com';

test('a token a push service accepts: ES256 over aud, exp (12 h) and sub, with k the public key', () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 12));
  const header = new VapidTokens(() => clock.now()).authorization(fcm, site);
  const check = verifyVapid(header, fcm, clock.now());
  expect(check).toMatchObject({ ok: true, publicKey: site.publicKey, claims: { aud: fcm, sub: site.subject, exp: Date.UTC(2026, 10, 24, 0) / 1000 } });
  expect(verifyVapid(header, mozilla, clock.now())).toMatchObject({ ok: false });
});

test('one signature per origin and key pair until an hour before exp', () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 12));
  const tokens = new VapidTokens(() => clock.now());
  const a = tokens.authorization(fcm, site);
  expect(tokens.authorization(fcm, site)).toBe(a);
  const m = tokens.authorization(mozilla, site);
  expect(m).not.toBe(a);
  expect(tokens.signatures).toBe(2);

  clock.advance(11 * 3600_000 - 1);
  expect(tokens.authorization(fcm, site)).toBe(a);
  expect(tokens.signatures).toBe(2);
  clock.advance(1);
  const renewed = tokens.authorization(fcm, site);
  expect(renewed).not.toBe(a);
  expect(tokens.signatures).toBe(3);
  expect(verifyVapid(renewed, fcm, clock.now() + 11.5 * 3600_000)).toMatchObject({ ok: true });
});

test('a changed subject is a new token', () => {
  const tokens = new VapidTokens();
  const a = tokens.authorization(fcm, site);
  const b = tokens.authorization(fcm, { ...site, subject: 'https://shop.example/contact' });
  expect(b).not.toBe(a);
  expect(verifyVapid(b, fcm, Date.now())).toMatchObject({ ok: true, claims: { sub: 'https://shop.example/contact' } });
});

test.each([
  [{ ...site, publicKey: site.publicKey.slice(0, 40) }, /65-byte/],
  [{ ...site, privateKey: 'AAAA' }, /32 bytes/],
  [{ ...site, privateKey: webPush.generateVAPIDKeys().privateKey }, /does not belong/],
  [{ ...site, subject: 'owner@shop.example' }, /mailto: or https:/],
  [{ ...site, subject: 'http://shop.example' }, /mailto: or https:/],
  [{ ...site, subject: 'https://localhost/contact' }, /localhost/],
  [{ ...site, subject: 'mailto:owner@localhost' }, /localhost/],
])('unusable VAPID settings throw: %#', (vapid, message) => {
  expect(() => checkVapidKeys(vapid)).toThrow(message);
});
