import { request } from 'node:https';
import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { endpointPolicy } from '../endpoints/endpoint-policy.ts';
import { LocalPushService } from '../testing/local-push-service.ts';
import { AddressRefusedError, GuardedAgent } from './guarded-agent.ts';

let service: LocalPushService;
beforeAll(async () => {
  service = await LocalPushService.start();
});
afterAll(() => service.close());

/** GET url through `agent`: the status, or the error the connection failed with. */
const get = (url: string, agent: GuardedAgent) =>
  new Promise<number | Error>((resolve) => {
    request(url, { agent }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    })
      .on('error', resolve)
      .end();
  });

test('an IP literal that is internal is refused before connecting (net.connect would not look it up)', async () => {
  const agent = new GuardedAgent({ policy: endpointPolicy(undefined), ca: service.ca });
  const before = service.requests;
  const result = await get(`${service.origin}/push/x`, agent);
  expect(result).toBeInstanceOf(AddressRefusedError);
  expect(String(result)).toMatch(/127.0.0.1 is a private, loopback/);
  expect(service.requests).toBe(before);
  agent.destroy();
});

test('the same address is reached when its origin is named', async () => {
  const agent = new GuardedAgent({ policy: endpointPolicy(service.origin), ca: service.ca });
  expect(await get(`${service.origin}/push/x`, agent)).toBe(404); // the service answered: no such resource
  agent.destroy();
});

test('the resolver the connection uses is judged at connect time, every time (DNS rebinding)', async () => {
  const answers = ['::1', '169.254.169.254'];
  const asked: string[] = [];
  const lookup = ((hostname: string, opts: { all?: boolean }, cb: (e: Error | null, a: unknown, f?: number) => void) => {
    asked.push(hostname);
    const address = answers.shift()!;
    const family = address.includes(':') ? 6 : 4;
    if (opts.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  }) as LookupFunction;
  const agent = new GuardedAgent({ policy: endpointPolicy(undefined), lookup });
  for (const expected of [/::1 is a loopback/, /169.254.169.254 is a private/]) {
    const result = await get('https://web.push.apple.com/abc', agent);
    expect(result).toBeInstanceOf(AddressRefusedError);
    expect(String(result)).toMatch(expected);
  }
  expect(asked).toEqual(['web.push.apple.com', 'web.push.apple.com']);
  agent.destroy();
});
