import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { checkEndpoint, checkSubscription, endpointPolicy, MAX_ENDPOINT_LENGTH } from './endpoint-policy.ts';

const browserKeys = () => {
  const ecdh = createECDH('prime256v1');
  return { p256dh: ecdh.generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') };
};
const knownServices = endpointPolicy(undefined);
const named = endpointPolicy('https://127.0.0.1:8443, https://push.test.example');

describe('endpointPolicy (SHOPLOOP_PUSH_ENDPOINTS)', () => {
  test('unset or blank: the known push services', () => {
    expect(knownServices.namedOrigins.size).toBe(0);
    expect(endpointPolicy('  ').namedOrigins.size).toBe(0);
  });

  test('a comma-separated list of origins, normalised', () => {
    expect([...endpointPolicy('https://127.0.0.1:8443/, https://Push.Example:443').namedOrigins]).toEqual([
      'https://127.0.0.1:8443',
      'https://push.example',
    ]);
  });

  test.each([
    ['http://127.0.0.1:8443', /entry 1 .*must use https/],
    ['https://127.0.0.1:8443/push', /must be an origin only/],
    ['https://127.0.0.1:8443,', /entry 2 \(""\) is empty/],
    ['127.0.0.1:8443', /must use https|not a URL/],
    ['https://a b', /not a URL/],
    ['https://user:pw@push.example', /user name or password/],
    ['https://push.example?x=1', /origin only/],
  ])('a malformed entry is a clear error at start: %s', (env, message) => {
    expect(() => endpointPolicy(env)).toThrow(message);
  });
});

describe('checkEndpoint', () => {
  test.each([
    'https://fcm.googleapis.com/fcm/send/dQw4w9WgXcQ:APA91bH',
    'https://android.googleapis.com/gcm/send/abc',
    'https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk',
    'https://web.push.apple.com/QGuQyavXutnMH',
    'https://wns2-par02p.notify.windows.com/w/?token=BQYAAAD',
  ])('a known push service: %s', (endpoint) => {
    expect(checkEndpoint(endpoint, knownServices)).toMatchObject({ ok: true });
  });

  test.each([
    ['http://fcm.googleapis.com/fcm/send/x', /must use https/],
    ['https://evil.example/push', /host evil.example is not a known push service/],
    ['https://fcm.googleapis.com.evil.example/x', /not a known push service/],
    ['https://notpush.apple.com/x', /not a known push service/],
    ['https://fcm.googleapis.com:8443/x', /port 443/],
    ['https://127.0.0.1/push', /host 127.0.0.1 is an internal address/],
    ['https://169.254.169.254/latest/meta-data', /host 169.254.169.254 is an internal address/],
    ['https://[::1]:8443/x', /host ::1 is an internal address/],
    ['https://2130706433/x', /host 127.0.0.1 is an internal address/], // the URL parser reads a number as IPv4
    ['https://8.8.8.8/x', /an IP address, not a push service name/],
    ['https://localhost:8443/x', /internal name/],
    ['https://user@fcm.googleapis.com/x', /user name/],
    ['https://fcm.googleapis.com/x#frag', /fragment/],
    ['https://fcm.googleapis.com/x y', /printable ASCII/],
    ['not a url', /printable|not a URL/],
    ['', /missing/],
    [`https://fcm.googleapis.com/fcm/send/${'a'.repeat(MAX_ENDPOINT_LENGTH)}`, /longer than 1024/],
  ])('refused: %s', (endpoint, reason) => {
    const check = checkEndpoint(endpoint, knownServices);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  test('SHOPLOOP_PUSH_ENDPOINTS replaces the list: only the exact origins it names', () => {
    expect(checkEndpoint('https://127.0.0.1:8443/push/abc', named)).toMatchObject({ ok: true, origin: 'https://127.0.0.1:8443' });
    expect(checkEndpoint('https://push.test.example/x', named)).toMatchObject({ ok: true });
    const otherPort = checkEndpoint('https://127.0.0.1:8444/push/abc', named);
    expect(otherPort).toMatchObject({ ok: false, reason: expect.stringMatching(/internal address/) });
    const knownButReplaced = checkEndpoint('https://fcm.googleapis.com/fcm/send/x', named);
    expect(knownButReplaced).toMatchObject({ ok: false, reason: expect.stringMatching(/not one of the origins in SHOPLOOP_PUSH_ENDPOINTS/) });
    expect(checkEndpoint('https://169.254.169.254/x', named).ok).toBe(false);
  });
});

describe('checkSubscription', () => {
  const endpoint = 'https://fcm.googleapis.com/fcm/send/abc';

  test('a browser subscription passes, keys padded or not', () => {
    const keys = browserKeys();
    expect(checkSubscription({ endpoint, keys }, knownServices)).toEqual({ ok: true });
    const padded = { p256dh: Buffer.from(keys.p256dh, 'base64url').toString('base64').replace(/\+/g, '-').replace(/\//g, '_'), auth: `${keys.auth}==` };
    expect(padded.p256dh.endsWith('=')).toBe(true);
    expect(checkSubscription({ endpoint, keys: padded }, knownServices)).toEqual({ ok: true });
  });

  const wrongPoint = () => {
    const p = Buffer.from(browserKeys().p256dh, 'base64url');
    p[64]! ^= 1; // y changed by one bit: 65 bytes, first byte 0x04, no longer on the curve
    return p.toString('base64url');
  };
  const compressed = () => {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    return ecdh.getPublicKey(undefined, 'compressed').toString('base64url');
  };

  test.each<[string, () => { endpoint: string; keys: { p256dh: string; auth: string } }, string, RegExp]>([
    ['http endpoint', () => ({ endpoint: 'http://fcm.googleapis.com/x', keys: browserKeys() }), 'endpoint', /https/],
    ['unknown host', () => ({ endpoint: 'https://push.evil.example/x', keys: browserKeys() }), 'endpoint', /not a known push service/],
    ['127.0.0.1 not named', () => ({ endpoint: 'https://127.0.0.1/x', keys: browserKeys() }), 'endpoint', /internal address/],
    ['169.254.169.254 not named', () => ({ endpoint: 'https://169.254.169.254/x', keys: browserKeys() }), 'endpoint', /internal address/],
    ['oversized endpoint', () => ({ endpoint: `${endpoint}/${'x'.repeat(2000)}`, keys: browserKeys() }), 'endpoint', /longer than/],
    ['p256dh of 64 bytes', () => ({ endpoint, keys: { ...browserKeys(), p256dh: randomBytes(64).toString('base64url') } }), 'keys.p256dh', /65-byte/],
    ['p256dh compressed (33 bytes)', () => ({ endpoint, keys: { ...browserKeys(), p256dh: compressed() } }), 'keys.p256dh', /65-byte .* got 33/],
    ['p256dh not on the curve', () => ({ endpoint, keys: { ...browserKeys(), p256dh: wrongPoint() } }), 'keys.p256dh', /not a point on the P-256 curve/],
    ['p256dh first byte not 0x04', () => ({ endpoint, keys: { ...browserKeys(), p256dh: Buffer.concat([Buffer.from([5]), randomBytes(64)]).toString('base64url') } }), 'keys.p256dh', /uncompressed/],
    ['p256dh oversized', () => ({ endpoint, keys: { ...browserKeys(), p256dh: 'A'.repeat(5000) } }), 'keys.p256dh', /too long/],
    ['p256dh not base64url', () => ({ endpoint, keys: { ...browserKeys(), p256dh: `${browserKeys().p256dh.slice(0, 80)}+/!` } }), 'keys.p256dh', /not base64url/],
    ['auth of 15 bytes', () => ({ endpoint, keys: { ...browserKeys(), auth: randomBytes(15).toString('base64url') } }), 'keys.auth', /16 bytes, got 15/],
    ['auth of 17 bytes', () => ({ endpoint, keys: { ...browserKeys(), auth: randomBytes(17).toString('base64url') } }), 'keys.auth', /16 bytes, got 17/],
    ['auth missing', () => ({ endpoint, keys: { ...browserKeys(), auth: '' } }), 'keys.auth', /missing/],
  ])('%s is refused, naming the field', (_name, make, field, reason) => {
    const check = checkSubscription(make(), knownServices);
    expect(check).toMatchObject({ ok: false, field });
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  test('an internal endpoint passes once its exact origin is named', () => {
    const sub = { endpoint: 'https://127.0.0.1:8443/push/1', keys: browserKeys() };
    expect(checkSubscription(sub, knownServices).ok).toBe(false);
    expect(checkSubscription(sub, named)).toEqual({ ok: true });
  });
});
