import { IDBFactory } from 'fake-indexeddb';
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TrackedEvent } from '../../widget/src/tracker/event.ts';
import { newId } from '../../widget/src/tracker/ids.ts';
import { openOutbox, type Outbox } from '../../widget/src/tracker/outbox.ts';
import { cleanParams } from '../../widget/src/tracker/params.ts';
import { createSender, type Sender } from '../../widget/src/tracker/sender.ts';
import { version } from '../../widget/src/tracker/version.ts';
import { CHROME_UA } from './collect-request.ts';
import { SHOP_ORIGIN, SITE_KEY } from './shop-database.ts';

/**
 * Shoppers' browsers, each running the tracker's own queue and transport (widget/src/tracker: outbox in IndexedDB,
 * batching, retry with backoff, drain on the next page) in this Node process over real HTTP, with its own
 * IndexedDB (fake-indexeddb, one database per browser, kept across "pages"). What the page around it would add
 * (DOM detectors, consent) plays no part in delivery and is left out.
 *
 * The one stand-in is `fetch`: a plain HTTP request with the headers a browser adds (Origin, a browser user agent),
 * and a record of what each answer acknowledged.
 */
export interface TrackerClients {
  /** every event id generated, in order */
  readonly generated: string[];
  /** ids some client saw acknowledged (a 200 answer to a batch holding them) */
  readonly acknowledged: Set<string>;
  /** answers by status (0: no answer: refused, reset or hung up) */
  readonly answers: Map<number, number>;
  /** each client tracks its share of events at a shopper's pace; resolves when all are generated */
  run(): Promise<void>;
  /** each client opens a new page, whose tracker first sends what its outbox still holds (as boot does) */
  nextPage(): Promise<void>;
  /** events still waiting in all outboxes */
  waiting(): Promise<number>;
  /** puts `fetch` back */
  restore(): void;
}

export interface TrackerClientsOptions {
  /** the server's origin, e.g. http://127.0.0.1:PORT */
  api: string;
  clients: number;
  eventsPerClient: number;
  /** pause between a client's bursts of 1–4 events, in ms (random within) */
  pauseMs: [number, number];
}

interface Browser {
  vid: string;
  sid: string;
  indexedDb: IDBFactory;
  outbox: Outbox;
  sender: Sender;
}

export function trackerClients(options: TrackerClientsOptions): TrackerClients {
  const generated: string[] = [];
  const acknowledged = new Set<string>();
  const answers = new Map<number, number>();
  const count = (status: number) => answers.set(status, (answers.get(status) ?? 0) + 1);

  // node:http with keep-alive rather than Node's fetch: the same request on the wire at a fraction of the CPU,
  // which 100,000 events on a 2-core machine shared with the server need
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = String(init?.body ?? '');
    const status = await new Promise<number>((resolve) => {
      const req = request(String(input), { method: init?.method ?? 'GET', agent, headers: { origin: SHOP_ORIGIN, 'user-agent': CHROME_UA, 'content-type': 'text/plain;charset=UTF-8' } }, (res) => {
        res.resume(); // the tracker reads only the status; a connection cut mid-answer is no answer
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      });
      req.on('error', () => resolve(0));
      req.end(body);
    });
    count(status);
    if (status === 0) throw new TypeError('Failed to fetch');
    if (status === 200) for (const e of (JSON.parse(body) as { events: TrackedEvent[] }).events) acknowledged.add(e.id);
    return { status, ok: status < 300 } as Response;
  }) as typeof fetch;

  /** A page of the shop in this browser: a new outbox handle over its IndexedDB, and a new sender. */
  const openPage = (b: Pick<Browser, 'vid' | 'indexedDb'>) => {
    globalThis.indexedDB = b.indexedDb; // openOutbox opens the database synchronously, from the global
    const outbox = openOutbox(SITE_KEY);
    const sender = createSender(options.api + '/v1/collect', () => ({ site: SITE_KEY, vid: b.vid, tz: 'Europe/London', v: version }), outbox, () => true);
    return { outbox, sender };
  };
  const browsers: Browser[] = Array.from({ length: options.clients }, () => {
    const b = { vid: newId(), sid: newId(), indexedDb: new IDBFactory() };
    return { ...b, ...openPage(b) };
  });

  let product = 0;
  const makeEvent = (b: Browser): TrackedEvent => {
    const roll = Math.random();
    const sku = `SKU-${product++ % 500}`;
    const item = { item_id: sku, item_name: `Product ${sku}`, price: 10 + (product % 90), currency: 'EUR' };
    const [name, params] =
      roll < 0.55 ? (['page_view', {}] as const) : roll < 0.9 ? (['view_item', { items: [item] }] as const) : (['add_to_cart', { items: [item], value: item.price, currency: 'EUR' }] as const);
    const id = newId();
    generated.push(id);
    return { id, name, ts: Date.now(), sid: b.sid, url: `${SHOP_ORIGIN}/p/${sku}`, params: cleanParams(params) };
  };

  const browse = async (b: Browser) => {
    const [min, max] = options.pauseMs;
    for (let made = 0; made < options.eventsPerClient; ) {
      const burst = Math.min(1 + Math.floor(Math.random() * 4), options.eventsPerClient - made);
      for (let i = 0; i < burst; i++) b.sender.add(makeEvent(b));
      made += burst;
      await sleep(min + Math.random() * (max - min));
    }
    b.sender.flush(); // pagehide
  };

  return {
    generated,
    acknowledged,
    answers,
    run: async () => {
      await Promise.all(browsers.map(browse));
    },
    nextPage: async () => {
      await Promise.all(
        browsers.map((b) => {
          Object.assign(b, openPage(b));
          return b.sender.drain();
        }),
      );
    },
    waiting: async () => (await Promise.all(browsers.map((b) => b.outbox.all()))).reduce((n, events) => n + events.length, 0),
    restore: () => {
      globalThis.fetch = realFetch;
      agent.destroy();
    },
  };
}
