import { afterEach, expect, test, vi } from 'vitest';
import { stubCollector } from './testing.ts';
import { post } from './transport.ts';

afterEach(() => vi.unstubAllGlobals());

test('posts JSON as a string body with keepalive (outlives the page)', async () => {
  const collector = stubCollector(200);
  await post('https://c.example/v1/collect', '{"site":"pk"}');
  expect(collector.requests[0]).toEqual({
    url: 'https://c.example/v1/collect',
    init: { method: 'POST', keepalive: true, body: '{"site":"pk"}' },
  });
});

test('a string body goes as text/plain, so the request needs no CORS preflight', async () => {
  const collector = stubCollector(200);
  await post('https://c.example/v1/collect', '{"site":"pk"}');
  const { url, init } = collector.requests[0]!;
  const request = new Request(url, init);
  expect(request.headers.get('content-type')).toMatch(/^text\/plain\b/);
  // nothing that is not CORS-safelisted
  expect([...request.headers.keys()].map((name) => name.toLowerCase())).toEqual(['content-type']);
});

test.each([
  [200, true],
  [202, true],
  [400, true],
  [403, true],
  [404, true],
  [413, true],
  [408, false],
  [429, false],
  [500, false],
  [503, false],
  [0, false],
])('status %i: settled %s (true = stored or rejected for good, false = retry)', async (status, settled) => {
  stubCollector(status);
  expect(await post('https://c.example/v1/collect', '{}')).toBe(settled);
});

test('a missing fetch is a failure to retry, not an exception', async () => {
  vi.stubGlobal('fetch', undefined);
  expect(await post('https://c.example/v1/collect', '{}')).toBe(false);
});
