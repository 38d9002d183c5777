import { describe, expect, test } from 'vitest';
import { internalAddressReason, ipv6Bytes, isInternalHostName } from './internal-address.ts';

describe('internalAddressReason', () => {
  test.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.251',
    '255.255.255.255',
    '198.18.0.1',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '64:ff9b::10.0.0.1',
    '2002:c0a8:0101::1', // 6to4 of 192.168.1.1
    '2001:db8::1',
    '2001::1', // Teredo
    '::127.0.0.1', // IPv4-compatible (deprecated)
  ])('%s is refused', (address) => {
    expect(internalAddressReason(address)).toMatch(/address/);
  });

  test.each(['8.8.8.8', '142.250.74.138', '172.32.0.1', '172.15.255.255', '192.169.0.1', '2607:f8b0:4004:c1b::5f', '2a00:1450:4001::200e', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(internalAddressReason(address)).toBeNull();
    },
  );

  test('a name is not an address', () => {
    expect(internalAddressReason('example.com')).toMatch(/not an IP address/);
  });
});

test('ipv6Bytes reads every textual form', () => {
  expect(Buffer.from(ipv6Bytes('::1')).toString('hex')).toBe('00000000000000000000000000000001');
  expect(Buffer.from(ipv6Bytes('::ffff:127.0.0.1')).toString('hex')).toBe('00000000000000000000ffff7f000001');
  expect(Buffer.from(ipv6Bytes('2001:db8::8:800:200c:417a')).toString('hex')).toBe('20010db8000000000008080020' + '0c417a');
  expect(Buffer.from(ipv6Bytes('1:2:3:4:5:6:7:8')).toString('hex')).toBe('00010002000300040005000600070008');
});

test('internal host names', () => {
  for (const name of ['localhost', 'api.localhost', 'metadata.google.internal', 'printer.local', 'router.home.arpa', 'intranet', 'db.lan']) {
    expect(isInternalHostName(name), name).toBe(true);
  }
  for (const name of ['fcm.googleapis.com', 'web.push.apple.com', 'shop.example']) expect(isInternalHostName(name), name).toBe(false);
});
