import { BlockList, isIP } from 'node:net';

/**
 * Which addresses the server must never be made to call: anything that is not a public unicast address of the
 * internet (loopback, private, link-local, unique-local, carrier-grade NAT, multicast, unspecified, documentation
 * and benchmark ranges, reserved). IPv6 forms that carry an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged
 * by the IPv4 address inside, so `::ffff:127.0.0.1` is loopback.
 */
const ipv4Blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network", the unspecified address
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  ipv4Blocked.addSubnet(net, bits, 'ipv4');
}

const ipv6Blocked = new BlockList();
for (const [net, bits] of [
  ['2001::', 23], // IETF protocol assignments: Teredo, ORCHID, …
  ['2001:db8::', 32], // documentation
  ['64:ff9b:1::', 48], // local-use NAT64
] as const) {
  ipv6Blocked.addSubnet(net, bits, 'ipv6');
}
const globalUnicast = new BlockList();
globalUnicast.addSubnet('2000::', 3, 'ipv6');

/** The 16 bytes of an IPv6 address in any textual form (`::`, an embedded dotted quad, a zone id). */
export function ipv6Bytes(address: string): Uint8Array {
  const text = address.replace(/%.*$/, '');
  const bytes = new Uint8Array(16);
  let head = text;
  let tailV4: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tailV4 = dotted[1]!.split('.').map(Number);
    head = text.slice(0, dotted.index + 1) + '0:0';
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const groups = (part: string | undefined) => (part ? part.split(':').filter((g) => g !== '') : []);
  const l = groups(left);
  const r = right === undefined ? [] : groups(right);
  const all = right === undefined ? l : [...l, ...Array<string>(8 - l.length - r.length).fill('0'), ...r];
  all.forEach((g, i) => {
    const n = parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  if (tailV4.length) bytes.set(tailV4, 12);
  return bytes;
}

const v4 = (b: Uint8Array, at: number) => `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
const startsWith = (b: Uint8Array, prefix: number[]) => prefix.every((x, i) => b[i] === x);

/**
 * Why an address may not be called, or null when it is a public unicast address. `address` is a literal as
 * DNS or a URL gives it (IPv6 without brackets).
 */
export function internalAddressReason(address: string): string | null {
  const plain = address.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) names an interface, not an address
  const family = isIP(plain);
  if (family === 4) return ipv4Blocked.check(plain, 'ipv4') ? `${address} is a private, loopback, link-local or reserved address` : null;
  if (family !== 6) return `${address} is not an IP address`;
  const b = ipv6Bytes(plain);
  // IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d and 6to4 2002:aabb:ccdd:: carry an IPv4 address: judge it.
  if (startsWith(b, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]) || startsWith(b, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) {
    const inner = internalAddressReason(v4(b, 12));
    return inner && `${address} carries ${inner}`;
  }
  if (startsWith(b, [0x20, 0x02])) {
    const inner = internalAddressReason(v4(b, 2));
    return inner && `${address} (6to4) carries ${inner}`;
  }
  // Only global unicast (2000::/3) is public; ::1, ::, fc00::/7, fe80::/10, ff00::/8 … all fall outside it.
  if (!globalUnicast.check(plain, 'ipv6') || ipv6Blocked.check(plain, 'ipv6')) {
    return `${address} is a loopback, unique-local, link-local, multicast, unspecified or reserved address`;
  }
  return null;
}

/** Names that only mean something inside a network (RFC 6761, RFC 8375, common private suffixes). */
const internalSuffixes = ['localhost', 'local', 'internal', 'intranet', 'lan', 'home', 'corp', 'private', 'home.arpa', 'localdomain'];

export function isInternalHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (!name.includes('.')) return true; // a single label resolves through the local search domains
  return internalSuffixes.some((s) => name === s || name.endsWith(`.${s}`));
}
