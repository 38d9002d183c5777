import { deflateSync } from 'node:zlib';

// The shop's app icon — a cream loop on terracotta, the shop's accent — as a PNG drawn in code, so the web app
// manifest (and the Home Screen, which iOS needs before it allows web push) has real icons without binary files.

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const terracotta = [0xb8, 0x53, 0x2f];
const cream = [0xfb, 0xf8, 0xf3];

/** A square RGB PNG of `size` pixels: the full square is the background, so it also works as a maskable icon. */
export function appIconPng(size: number): Buffer {
  const rows = Buffer.alloc(size * (1 + size * 3));
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3); // each row starts with filter type 0
    for (let x = 0; x < size; x++) {
      // a ring between 22 % and 32 % of the size from the centre (inside the maskable safe zone)
      const distance = Math.hypot(x - centre, y - centre) / size;
      const colour = distance > 0.22 && distance < 0.32 ? cream : terracotta;
      rows.set(colour, row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
