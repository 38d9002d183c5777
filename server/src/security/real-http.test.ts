import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { batch, event, SHOP_ORIGIN, SITE_KEY, testApp } from '../../test/helpers.ts';
import { createHttpServer } from '../http/server.ts';
import { createApp } from '../app.ts';

/**
 * What only a real socket shows: malformed request lines and headers, lying or doubled Content-Length,
 * chunked bodies past each route's cap, oversized headers. The server is main.ts's own (createHttpServer:
 * the collector's node:http fast path in front of Hono) on a port.
 */

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function realServer() {
  const t = await testApp({ rateLimit: { perVisitorPerMinute: 0, perIpPerMinute: 0 } });
  const shoploop = { app: t.app, deps: t.deps } as ReturnType<typeof createApp>;
  const server = createHttpServer(shoploop);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  const port = (server.address() as AddressInfo).port;
  return { ...t, port };
}

/** Writes `raw` bytes to the server and returns the status of the first answer (0: the connection was dropped). */
function rawRequest(port: number, raw: string | Buffer | Array<string | Buffer>, { waitMs = 3000 } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = () => {
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: status ? Number(status[1]) : 0, text });
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (d) => {
      text += d.toString('latin1');
      // one whole answer read: its headers, and the body its Content-Length declares
      const head = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text);
      if (head >= 0 && length && text.length >= head + 4 + Number(length[1])) {
        clearTimeout(timer);
        done();
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      done();
    });
    for (const piece of Array.isArray(raw) ? raw : [raw]) socket.write(piece);
  });
}

const validCollect = () => JSON.stringify(batch([event('page_view')]));
const head = (method: string, path: string, headers: string[]) => [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...headers, '', ''].join('\r\n');

async function healthy(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(res.status).toBe(200);
}

async function eventCount(t: Awaited<ReturnType<typeof realServer>>) {
  return Number((await t.db.client.execute('SELECT count(*) AS n FROM events')).rows[0]!.n);
}

test('malformed request framing is refused by the HTTP layer, nothing is stored, the server stays up', async () => {
  const t = await realServer();
  const body = validCollect();
  const n = Buffer.byteLength(body);
  const cases: Array<[string, string | Buffer]> = [
    ['a CR inside a header value', head('POST', '/v1/collect', [`Origin: ${SHOP_ORIGIN}\rX-Injected: 1`, `Content-Length: ${n}`]) + body],
    ['a NUL in a header value', head('POST', '/v1/collect', [`Origin: ${SHOP_ORIGIN}\u0000`, `Content-Length: ${n}`]) + body],
    ['a negative Content-Length', head('POST', '/v1/collect', [`Origin: ${SHOP_ORIGIN}`, 'Content-Length: -1']) + body],
    ['a Content-Length that is not a number', head('POST', '/v1/collect', [`Origin: ${SHOP_ORIGIN}`, 'Content-Length: 12abc']) + body],
    ['two different Content-Lengths', head('POST', '/v1/collect', [`Origin: ${SHOP_ORIGIN}`, `Content-Length: ${n}`, `Content-Length: ${n + 1}`]) + body],
    ['Content-Length and chunked together (request smuggling)', head('POST', '/v1/collect', [`Origin: ${SHOP_ORIGIN}`, `Content-Length: ${n}`, 'Transfer-Encoding: chunked']) + `${n.toString(16)}\r\n${body}\r\n0\r\n\r\n`],
    ['an obs-folded header', head('POST', '/v1/collect', [`Origin: ${SHOP_ORIGIN}`, ' evil.example', `Content-Length: ${n}`]) + body],
    ['a request line with a space in the path', `POST /v1/collect x HTTP/1.1\r\nHost: a\r\nContent-Length: ${n}\r\n\r\n${body}`],
    ['a header over 16 KB', head('GET', '/v1/me?site=pk_test&visitor=v1', [`Origin: ${SHOP_ORIGIN}`, `X-Big: ${'a'.repeat(20_000)}`])],
    ['a URL over 16 KB', head('GET', `/v1/me?site=pk_test&visitor=${'v'.repeat(20_000)}`, [`Origin: ${SHOP_ORIGIN}`])],
    ['not HTTP at all', Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03])],
  ];
  for (const [name, raw] of cases) {
    const { status } = await rawRequest(t.port, raw);
    // Node's parser answers before the app sees anything: 400, or 431 for headers past its 16 KB
    expect(status, name).toBe(/16 KB/.test(name) ? 431 : 400);
  }
  expect(await eventCount(t)).toBe(0);
  await healthy(t.port);
});

test('header values with bytes past ASCII, and look-alike origins, are a 403 on the fast path and on Hono alike', async () => {
  const t = await realServer();
  const body = validCollect();
  const origins = [Buffer.from(`${SHOP_ORIGIN}\xff\xfe`, 'latin1'), Buffer.from(`${SHOP_ORIGIN}\u202e`, 'utf8'), Buffer.from('https://shop.example.evil.example'), Buffer.from('null'), Buffer.from(`${SHOP_ORIGIN}, https://evil.example`)];
  for (const origin of origins) {
    for (const path of ['/v1/collect', '/v1/push/subscriptions']) {
      const raw = Buffer.concat([Buffer.from(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: `), origin, Buffer.from(`\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)]);
      const { status, text } = await rawRequest(t.port, raw);
      expect([400, 403], `${path} with origin ${origin.toString('latin1')}: ${text.slice(0, 300)}`).toContain(status);
      expect(text).not.toMatch(/^X-Injected/im);
    }
  }
  expect(await eventCount(t)).toBe(0);
  // the allowed origin, sent the same way, is stored: the refusals above are about the origin
  const ok = await rawRequest(t.port, head('POST', '/v1/collect', [`Origin: ${SHOP_ORIGIN}`, 'Content-Type: text/plain', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close']) + body);
  expect(ok.status).toBe(200);
  expect(await eventCount(t)).toBe(1);
});

/** Each POST route a page or a person can reach, with the body cap its code sets. */
const capped: Array<[string, number]> = [
  ['/v1/collect', 64 * 1024],
  ['/v1/push/subscriptions', 4096],
  ['/v1/reviews', 32_768],
  ['/v1/reviews/dismissals', 32_768],
  ['/admin/auth/login', 8 * 1024],
];

test.each(capped)('%s: a body declared over its cap (%i bytes) is a 413 before it is read; a chunked one is cut off at the cap', async (path, cap) => {
  const t = await realServer();
  const origin = path.startsWith('/admin') ? [] : [`Origin: ${SHOP_ORIGIN}`];
  const declared = await rawRequest(t.port, head('POST', path, [...origin, 'Content-Type: text/plain', `Content-Length: ${10 ** 12}`]), { waitMs: 5000 });
  expect(declared.status, declared.text.slice(0, 300)).toBe(413);
  expect(declared.text).toMatch(/"code":"payload_too_large"/);
  // chunked, never declared: refused once the cap is passed (the rest is drained or the connection dropped)
  const piece = `{"site":"${SITE_KEY}","x":"${'x'.repeat(cap)}`;
  const chunked = await rawRequest(t.port, [head('POST', path, [...origin, 'Content-Type: text/plain', 'Transfer-Encoding: chunked']), `${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`, `2\r\n"}\r\n0\r\n\r\n`], { waitMs: 5000 });
  expect(chunked.status, chunked.text.slice(0, 300)).toBe(413);
  expect(await eventCount(t)).toBe(0);
  await healthy(t.port);
});

test('path traversal never reads a file outside the built widget and admin folders', async () => {
  const t = await realServer();
  const paths = [
    '/../package.json',
    '/..%2Fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/..%5Cpackage.json',
    '/shoploop.js%00.json',
    '/shoploop.js/../../package.json',
    '/admin/..%2F..%2Fpackage.json',
    '/admin/assets/..%2F..%2F..%2Fpackage.json',
    '/admin/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
    '/admin/%2e%2e/%2e%2e/server/src/config.ts',
    '/.env',
    '/.git/config',
    '/node_modules/hono/package.json',
    '/server/src/config.ts',
    '/v1/..%2F..%2Fpackage.json',
  ];
  for (const path of paths) {
    const { status, text } = await rawRequest(t.port, head('GET', path, ['Connection: close']));
    expect(status, path).toBeGreaterThanOrEqual(200);
    expect(status, path).toBeLessThan(500);
    // neither the repository's package.json, nor source, nor git's config
    expect(text, path).not.toMatch(/"devDependencies"|SHOPLOOP_ADMIN_TOKEN|\[core\]/);
  }
  await healthy(t.port);
});
