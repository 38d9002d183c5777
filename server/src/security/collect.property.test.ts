import fc from 'fast-check';
import { expect, test } from 'vitest';
import { batch, event, postCollect, SHOP_ORIGIN, SITE_KEY, testApp } from '../../test/helpers.ts';
import { hostileBody, hostileString, objectOf, prototypeKeys } from './hostile-values.ts';
import { check, expectClearAnswer, expectHealthy, expectPrototypeUntouched, prototypeSnapshot, read, rowCounts } from './judge.ts';

// POST /v1/collect: the one endpoint every page of every shop calls, so the one an attacker reaches first.

const item = { item_id: 'SKU-1', item_name: 'Mug', price: 4.5, currency: 'GBP', quantity: 1, image: 'https://shop.example/mug.jpg', url: 'https://shop.example/p/1' };
const validBatch = () => batch([event('add_to_cart', { items: [item], value: 4.5, currency: 'GBP' }), event('purchase', { transaction_id: 'T1', value: 4.5, currency: 'GBP', items: [item] })]);
const paths = [
  ['site'],
  ['vid'],
  ['tz'],
  ['v'],
  ['events'],
  ['events', '0'],
  ['events', '0', 'id'],
  ['events', '0', 'name'],
  ['events', '0', 'ts'],
  ['events', '0', 'sid'],
  ['events', '0', 'url'],
  ['events', '0', 'ref'],
  ['events', '0', 'params'],
  ['events', '0', 'params', 'items'],
  ['events', '0', 'params', 'items', '0'],
  ['events', '0', 'params', 'items', '0', 'item_id'],
  ['events', '0', 'params', 'items', '0', 'price'],
  ['events', '0', 'params', 'items', '0', 'currency'],
  ['events', '0', 'params', 'items', '0', 'item_name'],
  ['events', '0', 'params', 'items', '0', 'image'],
  ['events', '0', 'params', 'value'],
  ['events', '1', 'params', 'transaction_id'],
] as const;

/** The collector with its rate limits off, so every run reaches validation and the writer. */
const unlimited = { rateLimit: { perVisitorPerMinute: 0, perIpPerMinute: 0 } };

test('hostile bodies: a clear 4xx with nothing stored, or a 2xx for a batch that is in fact valid; never a 5xx', async () => {
  const t = await testApp(unlimited);
  const proto = prototypeSnapshot();
  const statuses = new Map<number, number>();
  await check(hostileBody(validBatch, paths), async (body) => {
    const before = await rowCounts(t.db);
    const answer = await read(await postCollect(t.app, body));
    expectClearAnswer(answer, `POST /v1/collect ${body.slice(0, 200)}`);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    if (answer.status >= 400) expect(await rowCounts(t.db), `stored for ${answer.status}`).toEqual(before);
    expectPrototypeUntouched(proto);
  });
  await expectHealthy(t.app);
  expect([...statuses.keys()].some((s) => s >= 400), 'some input was refused').toBe(true);
});

test('hostile strings where any text is allowed are stored as given and read back as JSON, prototype keys dropped', async () => {
  const t = await testApp(unlimited);
  const proto = prototypeSnapshot();
  const strings = fc.tuple(hostileString.filter((s) => s.length >= 1 && s.length <= 128), hostileString.filter((s) => s.length <= 300), fc.constantFrom(...prototypeKeys));
  await check(strings, async ([itemId, name, key]) => {
    const params = objectOf([
      ['items', [objectOf([['item_id', itemId], ['item_name', name], [key, { polluted: true }]])]],
      [key, { isAdmin: true }],
    ]);
    const e = event('view_item', params);
    const before = await rowCounts(t.db);
    const answer = await read(await postCollect(t.app, JSON.stringify(batch([e]))));
    expectClearAnswer(answer, 'view_item');
    if (`${itemId}${name}`.includes('\u0000')) {
      // libSQL reads text back cut at a NUL: refused, not stored as something else (http/nul-escape.ts)
      expect(answer.status).toBe(400);
      expect(await rowCounts(t.db)).toEqual(before);
      return;
    }
    expect(answer.status).toBe(200);
    const row = (await t.db.client.execute({ sql: 'SELECT params FROM events WHERE event_id = ?', args: [e.id] })).rows[0]!;
    const stored = JSON.parse(String(row.params)) as { items: Array<Record<string, unknown>> };
    expect(Object.keys(stored)).toEqual(['items']);
    // params are kept as JSON text, whose escapes carry even a lone surrogate through exactly
    expect(stored.items[0]!.item_id).toBe(itemId);
    expect(stored.items[0]!.item_name ?? '').toBe(name);
    expect(Object.keys(stored.items[0]!)).toEqual(['item_id', 'item_name']);
    expectPrototypeUntouched(proto);
  });
  await expectHealthy(t.app);
});

test('hostile headers and site keys: refused with 403/404 and nothing stored', async () => {
  const t = await testApp(unlimited);
  // header values a browser could send (fetch refuses CR, LF and NUL: real-http.test.ts sends those raw)
  const headerValue = hostileString.map((s) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 2000));
  const cases = fc.record({
    origin: fc.oneof(headerValue, fc.constantFrom('null', 'https://shop.example.evil.example', 'https://evil.example', 'http://shop.example', 'https://shop.example:443@evil.example', 'HTTPS://SHOP.EXAMPLE', 'https://shop.example/')),
    site: fc.oneof(hostileString.filter((s) => s !== SITE_KEY), fc.constantFrom('pk_TEST', 'pk_test ', ' pk_test', 'site_test')),
  });
  await check(cases, async ({ origin, site }) => {
    const before = await rowCounts(t.db);
    const headers: Record<string, string> = origin === '' ? {} : { origin };
    const answer = await read(await postCollect(t.app, JSON.stringify(batch([event('page_view')], { site })), headers));
    expectClearAnswer(answer, `site ${JSON.stringify(site).slice(0, 80)} origin ${origin.slice(0, 80)}`);
    expect([400, 403, 404, 413]).toContain(answer.status);
    expect(await rowCounts(t.db)).toEqual(before);
  });
  // the allowed origin with a hostile referer is still the allowed origin: the Origin header decides
  const ok = await postCollect(t.app, JSON.stringify(batch([event('page_view')])), { origin: SHOP_ORIGIN, referer: 'https://evil.example/' });
  expect(ok.status).toBe(200);
  await expectHealthy(t.app);
});

test('a customer id with a NUL is refused: stored, it would read back as another customer\'s id and escape that one\'s erasure', async () => {
  const t = await testApp(unlimited);
  const before = await rowCounts(t.db);
  for (const field of [{ customer_id: 'c1\u0000x' }, { customer_id: 'c1', page_title: '\u0000' }]) {
    const answer = await read(await postCollect(t.app, JSON.stringify(batch([event('identify', field)], { vid: 'v-nul' }))));
    expectClearAnswer(answer, JSON.stringify(field));
    expect(answer.status).toBe(400);
    expect((answer.json as { error: { message: string } }).error.message).toMatch(/U\+0000/);
  }
  // the url and time zone, stored in columns of their own
  for (const extra of [{ tz: 'Europe/London\u0000' }, {}]) {
    const e = event('page_view', {}, Object.keys(extra).length ? {} : { url: `${SHOP_ORIGIN}/\u0000` });
    expect((await postCollect(t.app, JSON.stringify(batch([e], extra)))).status).toBe(400);
  }
  expect(await rowCounts(t.db)).toEqual(before);
  // the six characters \u0000 as text are ordinary text
  expect((await postCollect(t.app, JSON.stringify(batch([event('identify', { customer_id: 'c1\\u0000x' })], { vid: 'v-text' })))).status).toBe(200);
});
