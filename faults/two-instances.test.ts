import { afterEach, expect, test } from 'vitest';
import { freePort } from '../e2e/support/free-port.ts';
import { LocalPushService } from '../server/src/push/testing/local-push-service.ts';
import { postOneEvent } from './support/collect-request.ts';
import { arrivals, planCampaign, pushServiceEnv, unconfirmedMessages } from './support/push-campaign.ts';
import { startServer } from './support/server-process.ts';
import { SITE_ID, shopDatabase } from './support/shop-database.ts';
import { waitFor } from './support/wait-for.ts';

const PEOPLE = 1000;
const VISITORS = 400;

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

test('two server processes on one database file: every outbox and scheduler claim is taken once', { timeout: 200_000 }, async () => {
  const shop = await shopDatabase();
  cleanups.push(() => shop.remove());
  const service = await LocalPushService.start();
  cleanups.push(() => service.close());
  service.delay(5);
  // both instances look for due work every 100 ms, so their rounds overlap
  const env = { ...pushServiceEnv(shop.url, service, 100), SHOPLOOP_SCHEDULER_INTERVAL_MS: '100' };
  const [a, b] = await Promise.all([startServer(await freePort(), env), startServer(await freePort(), env)]);
  cleanups.push(() => a.kill9(), () => b.kill9());

  // Work appears while both run: a campaign planned at once, and visitors arriving at either instance in waves.
  const ids = await planCampaign(shop.db, service, PEOPLE);
  for (let wave = 0; wave < 8; wave++) {
    await Promise.all(
      Array.from({ length: VISITORS / 8 }, async (_, i) => {
        const n = wave * (VISITORS / 8) + i;
        const answer = await postOneEvent(n % 2 ? a.url : b.url, `visitor-${n}`);
        expect(answer.status).toBe(200);
      }),
    );
  }

  // waited for, then asserted below with what went wrong (a broken claim leaves messages unconfirmed)
  await waitFor(async () => (await unconfirmedMessages(shop.db)) === 0, 60_000, 'every message to be confirmed').catch(() => undefined);
  await waitFor(
    async () => {
      const rs = await shop.db.client.execute({ sql: 'SELECT count(*) AS n FROM profiles WHERE site_id = ? AND stage IS NULL AND profile_id LIKE ?', args: [SITE_ID, 'v:visitor-%'] });
      return Number(rs.rows[0]!.n) === 0;
    },
    60_000,
    'every visitor to be evaluated',
  );

  // the outbox: each message sent once, by one of the two
  const counts = arrivals(service.messages);
  expect(ids.filter((id) => counts.get(id) !== 1), 'not sent exactly once').toEqual([]);
  expect(counts.size).toBe(PEOPLE);
  expect(await unconfirmedMessages(shop.db), 'messages never confirmed').toBe(0);
  // both instances took part: each signs its own VAPID token for the push service
  const byInstance = new Map<string, number>();
  for (const m of service.messages) byInstance.set(m.token, (byInstance.get(m.token) ?? 0) + 1);
  expect(byInstance.size, 'messages sent by both instances').toBe(2);

  // the scheduler: each visitor's first stage recorded once
  const transitions = await shop.db.client.execute({ sql: `SELECT count(*) AS n, count(DISTINCT profile_id) AS people FROM stage_transitions WHERE site_id = ? AND profile_id LIKE ?`, args: [SITE_ID, 'v:visitor-%'] });
  expect(transitions.rows[0]).toMatchObject({ n: VISITORS, people: VISITORS });
  console.log(`two instances: ${PEOPLE} messages sent once each (${[...byInstance.values()].join(' + ')} by instance), ${VISITORS} visitors' first stage recorded once each`);
});
