import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoStack, type DemoStackOptions } from '../../server/src/cli/demo-stack.ts';
import { OffsetClock } from '../../server/src/clock.ts';
import { freePort } from './free-port.ts';

export const E2E_ADMIN_TOKEN = 'e2e-admin-token';

export interface EventView {
  id: string;
  name: string;
  sessionId: string;
  url: string | null;
  params: { items?: Array<Record<string, unknown>>; transaction_id?: string; value?: number; [k: string]: unknown };
}

/**
 * The `npm start` stack on free ports with a fresh database file: server and demo shop on different origins
 * (two ports of localhost), so every request the widget makes is cross-origin and CORS is exercised.
 */
export async function startStack(extraEnv: NodeJS.ProcessEnv = {}, options: Pick<DemoStackOptions, 'pushAgent'> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-e2e-'));
  const [serverPort, shopPort] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    SHOPLOOP_DB_URL: `file:${join(dir, 'e2e.db')}`,
    SHOPLOOP_PORT: String(serverPort),
    SHOPLOOP_HOST: '127.0.0.1',
    SHOPLOOP_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
    DEMO_SHOP_PORT: String(shopPort),
    SHOPLOOP_SCHEDULER_INTERVAL_MS: '200',
    DEMO_HISTORY: '0', // each test starts from an empty shop
    ...extraEnv,
  };
  const clock = new OffsetClock();
  const stack = await startDemoStack({ env, shopPort, clock, ...options });

  async function admin<T>(path: string): Promise<T> {
    const res = await fetch(`${stack.serverUrl}${path}`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
    if (!res.ok) throw new Error(`GET ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** The events stored for one visitor of the demo site, in the order they happened ([] when none yet). */
  async function storedEvents(visitorId: string): Promise<EventView[]> {
    const res = await fetch(`${stack.serverUrl}/admin/api/visitors/${visitorId}?site=${stack.site.id}`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
    if (res.status === 404) return [];
    if (!res.ok) throw new Error(`visitor ${visitorId} → ${res.status} ${await res.text()}`);
    return ((await res.json()) as { events: EventView[] }).events;
  }

  /** Polls the server until `done(events)` holds (the widget batches and retries), or fails with what it saw. */
  async function waitForEvents(visitorId: string, done: (events: EventView[]) => boolean, timeoutMs = 15_000): Promise<EventView[]> {
    const until = Date.now() + timeoutMs;
    let events: EventView[] = [];
    while (Date.now() < until) {
      events = await storedEvents(visitorId);
      if (done(events)) return events;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out waiting for events; stored: ${JSON.stringify(events.map((e) => e.name))}`);
  }

  /** Polls the visitor's lifecycle stage until it is `stage`, or fails with the last one seen. */
  async function waitForStage(visitorId: string, stage: string, timeoutMs = 15_000): Promise<{ stage: string; rule: string; reason: string }> {
    const until = Date.now() + timeoutMs;
    let last: { stage: string; rule: string; reason: string } | undefined;
    while (Date.now() < until) {
      const res = await fetch(`${stack.serverUrl}/admin/api/visitors/${visitorId}?site=${stack.site.id}`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
      if (res.ok) last = ((await res.json()) as { stage: { stage: string; rule: string; reason: string } }).stage;
      if (last?.stage === stage) return last;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`visitor ${visitorId} never reached ${stage}; last: ${JSON.stringify(last)}`);
  }

  return {
    ...stack,
    /** the server's clock: `clock.advance(ms)` moves its time forward */
    clock,
    waitForStage,
    admin,
    storedEvents,
    waitForEvents,
    stop: async () => {
      await stack.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
