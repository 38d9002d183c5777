import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/helpers.ts';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('GET /admin/api/metrics', () => {
  it('reports memory and the event-loop delay since the previous read, behind the admin check', async () => {
    const { app, admin } = await testApp();
    expect((await app.request('/admin/api/metrics')).status).toBe(401);

    await admin('/admin/api/metrics'); // starts a fresh interval
    await new Promise((r) => setTimeout(r, 30));
    busy(120); // holds the loop: the next interval must show it
    await new Promise((r) => setTimeout(r, 30));
    const held = await admin<{ memory: { rssBytes: number }; eventLoopDelayMs: { max: number }; pid: number }>('/admin/api/metrics');
    expect(held.status).toBe(200);
    expect(held.body.pid).toBe(process.pid);
    expect(held.body.memory.rssBytes).toBeGreaterThan(10_000_000);
    expect(held.body.eventLoopDelayMs.max).toBeGreaterThanOrEqual(100);

    await new Promise((r) => setTimeout(r, 60));
    const calm = await admin<{ eventLoopDelayMs: { max: number } }>('/admin/api/metrics');
    expect(calm.body.eventLoopDelayMs.max).toBeLessThan(100); // reset by the read before
  });
});
