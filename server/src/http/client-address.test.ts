import { expect, test } from 'vitest';
import { clientAddress } from './client-address.ts';

const socket = '127.0.0.1';

test.each([
  ['no proxy trusted: the socket, whatever the header says', '203.0.113.9', 0, socket],
  ['one proxy, no header: the socket', undefined, 1, socket],
  ['one proxy: the address it appended', '203.0.113.9', 1, '203.0.113.9'],
  ['one proxy: the client\'s own entries on the left are ignored', '10.9.9.9, 198.51.100.1, 203.0.113.9', 1, '203.0.113.9'],
  ['spaces and a repeated header joined by Node', '10.9.9.9 ,203.0.113.9', 1, '203.0.113.9'],
  ['two proxies: the second hop from the right', '10.9.9.9, 203.0.113.9, 192.0.2.1', 2, '203.0.113.9'],
  ['two proxies, a request that skipped the outer one: the left-most', '203.0.113.9', 2, '203.0.113.9'],
  ['an empty hop falls back to the socket', '10.9.9.9, ', 1, socket],
] as const)('%s', (_name, header, hops, expected) => {
  expect(clientAddress(header, socket, hops)).toBe(expected);
});
