import fc from 'fast-check';
import { expect, test } from 'vitest';
import { batch, event, postCollect, SHOP_ORIGIN, SITE_KEY, testApp } from '../../test/helpers.ts';
import { createSite } from '../sites/sites.ts';
import { check, expectClearAnswer, read } from './judge.ts';

/**
 * Another visitor's state is refused. What proves a page may read a visitor (routes/me.ts) is two things: the
 * page is on one of the site's origins, judged only from headers a page elsewhere cannot write
 * (http/page-origin.ts), and it knows the visitor's random id, which lives only in that browser. These tests
 * take each in turn: every header combination a foreign page can produce is refused, and a valid page of one
 * site learns nothing about a visitor of another.
 */

const OTHER_ORIGIN = 'https://other-shop.example';

async function twoShops() {
  const t = await testApp({ rateLimit: { perVisitorPerMinute: 0, perIpPerMinute: 0 } });
  await createSite(t.db, { name: 'Other shop', origins: [OTHER_ORIGIN], id: 'site_other', publicKey: 'pk_other' }, t.clock.now());
  // v1 of the test shop buys twice, so it is no longer a plain "potential" visitor
  for (const n of [1, 2]) {
    const res = await postCollect(t.app, batch([event('purchase', { transaction_id: `T${n}`, value: 10, currency: 'GBP', items: [{ item_id: 'SKU-1' }] })], { vid: 'v1' }));
    expect(res.status).toBe(200);
  }
  await t.scheduler.runDue();
  return t;
}

/** The headers a request may carry, each absent or one of the values that matter. */
const headerSets = fc.record(
  {
    origin: fc.constantFrom(SHOP_ORIGIN, OTHER_ORIGIN, 'https://evil.example', 'null', 'http://shop.example', 'https://shop.example.evil.example'),
    'sec-fetch-site': fc.constantFrom('same-origin', 'cross-site', 'same-site', 'none'),
    host: fc.constantFrom('shop.example', 'evil.example', 'shop.example:443', 'localhost:8787', 'shop.example.evil.example'),
    'x-forwarded-proto': fc.constantFrom('https', 'http', 'https, http'),
    'x-forwarded-host': fc.constantFrom('shop.example', 'evil.example'),
    referer: fc.constantFrom(`${SHOP_ORIGIN}/p/1`, 'https://evil.example/', `${OTHER_ORIGIN}/`, 'not a url', 'javascript:alert(1)'),
  },
  { requiredKeys: [] },
);

/** The rule as the README states it, written independently of page-origin.ts. */
function pageMayRead(h: Record<string, string | undefined>): boolean {
  if (h.origin !== undefined) return h.origin === SHOP_ORIGIN;
  if (h['sec-fetch-site'] === 'same-origin' && h.host !== undefined) {
    const proto = h['x-forwarded-proto']?.trim().toLowerCase() === 'https' ? 'https' : 'http';
    if (new URL(`${proto}://${h.host}`).origin === SHOP_ORIGIN) return true;
  }
  if (h.referer !== undefined) {
    try {
      if (new URL(h.referer).origin === SHOP_ORIGIN) return true;
    } catch {
      // not a URL: no origin
    }
  }
  return false;
}

test('GET /v1/me answers a visitor\'s stage only to a page on the site\'s origins: every header combination', async () => {
  const t = await twoShops();
  let allowed = 0;
  let refused = 0;
  await check(
    headerSets,
    async (headers) => {
      const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
      const answer = await read(await t.app.request(`/v1/me?site=${SITE_KEY}&visitor=v1`, { headers: clean }));
      expectClearAnswer(answer, JSON.stringify(clean));
      if (pageMayRead(clean)) {
        allowed++;
        expect(answer.status, JSON.stringify(clean)).toBe(200);
        expect((answer.json as { stage: string }).stage).not.toBe('potential');
      } else {
        refused++;
        expect(answer.status, JSON.stringify(clean)).toBe(403);
        expect(answer.text).not.toMatch(/stage|loyal|here_and_now|potential/);
      }
    },
    200,
  );
  expect(allowed).toBeGreaterThan(0);
  expect(refused).toBeGreaterThan(0);
});

test('a page of another site learns nothing of this site\'s visitor: its own key reads its own (empty) visitor, this key is refused to it', async () => {
  const t = await twoShops();
  const own = await t.app.request(`/v1/me?site=${SITE_KEY}&visitor=v1`, { headers: { origin: SHOP_ORIGIN } });
  const stage = ((await own.json()) as { stage: string }).stage;
  expect(stage).not.toBe('potential');
  // the other shop's page with this shop's key: refused
  const foreign = await t.app.request(`/v1/me?site=${SITE_KEY}&visitor=v1`, { headers: { origin: OTHER_ORIGIN } });
  expect(foreign.status).toBe(403);
  // with its own key, the same visitor id is another site's visitor: nobody it knows
  const sameId = await t.app.request(`/v1/me?site=pk_other&visitor=v1`, { headers: { origin: OTHER_ORIGIN } });
  expect(sameId.status).toBe(200);
  expect(await sameId.json()).toEqual({ visitor: 'v1', stage: 'potential', since: null });
  // recommendations and review requests follow the same rule
  for (const path of [`/v1/recommendations?site=${SITE_KEY}&visitor=v1`, `/v1/reviews/requests?site=${SITE_KEY}&visitor=v1`]) {
    expect((await t.app.request(path, { headers: { origin: OTHER_ORIGIN } })).status, path).toBe(403);
    expect((await t.app.request(path)).status, `${path} without any page`).toBe(403);
  }
});

test('a visitor id is matched exactly: wildcards, case and look-alikes read nobody', async () => {
  const t = await twoShops();
  for (const visitor of ['%', '_1', 'V1', 'v1 ', 'v1%00', 'v%31', "v1' OR '1'='1", 'v1--', '*']) {
    const answer = await read(await t.app.request(`/v1/me?site=${SITE_KEY}&visitor=${encodeURIComponent(visitor)}`, { headers: { origin: SHOP_ORIGIN } }));
    expectClearAnswer(answer, visitor);
    if (answer.status === 200) expect((answer.json as { stage: string }).stage, visitor).toBe('potential');
    else expect(answer.status, visitor).toBe(400);
  }
});
