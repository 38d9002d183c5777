import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { ManualClock } from '../server/src/clock.ts';
import { EventWriter } from '../server/src/collect/event-writer.ts';
import { evaluate } from '../server/src/lifecycle/evaluate.ts';
import { emptyFacts, foldEvent, type PersonFacts } from '../server/src/lifecycle/facts.ts';
import { fitBgNbd, purchaseHistoryFromTimes, type PurchaseHistory } from '../server/src/lifecycle/models/index.ts';
import { readCdnowSummary, CDNOW_SUMMARY_PATH } from '../server/src/lifecycle/models/test-support/cdnow.ts';
import { LifecycleScheduler } from '../server/src/lifecycle/scheduler.ts';
import { defaultLifecycleSettings, thresholdsOf } from '../server/src/lifecycle/settings.ts';
import { createSite } from '../server/src/sites/sites.ts';
import { tempDb } from './support/temp-db.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12);

/** A varied population: browsers, live shoppers, carts left at all ages, one-time and repeat buyers. */
function population(n: number): PersonFacts[] {
  const out: PersonFacts[] = [];
  for (let i = 0; i < n; i++) {
    const last = NOW - ((i * 7919) % (400 * 24 * 60)) * 60_000; // last seen up to 400 days ago
    const f = foldEvent(emptyFacts(last), { name: 'page_view', sessionId: `s${i}`, receivedAt: last, params: {} });
    if (i % 3 === 0) foldEvent(f, { name: 'view_item', sessionId: `s${i}`, receivedAt: last, params: { items: [{ item_id: 'a' }] } });
    if (i % 5 === 0) foldEvent(f, { name: 'add_to_cart', sessionId: `s${i}`, receivedAt: last, params: { items: [{ item_id: 'a', quantity: 1 }] } });
    for (let k = 0; k < i % 4; k++) foldEvent(f, { name: 'purchase', sessionId: `s${i}`, receivedAt: last - k * 30 * DAY, params: { transaction_id: `t${i}-${k}`, value: 20 } });
    out.push(f);
  }
  return out;
}

/** Pure evaluation of `n` people, next to a loop that only reads the same facts (the baseline). */
export function evaluationRate(n: number) {
  const people = population(n);
  const t = thresholdsOf(defaultLifecycleSettings);
  let sink = 0;
  let started = performance.now();
  for (const p of people) sink += p.lastEventAt + p.orders.length;
  const baselineMs = performance.now() - started;
  const counts: Record<string, number> = {};
  started = performance.now();
  for (const p of people) {
    const e = evaluate(p, t, NOW);
    counts[e.stage] = (counts[e.stage] ?? 0) + 1;
  }
  const ms = performance.now() - started;
  return { n, ms, baselineMs, perSecond: n / (ms / 1000), counts, sink };
}

/** Events through the writer for `visitors` people, then the scheduler evaluates them all: people/s with writes. */
export async function schedulerRate(visitors: number) {
  const t = await tempDb('scheduler');
  const clock = new ManualClock(NOW);
  await createSite(t.db, { id: 's', name: 'bench', origins: ['http://shop'], publicKey: 'pk' }, NOW);
  const writer = new EventWriter(t.db, clock);
  const writes: Promise<unknown>[] = [];
  for (let v = 0; v < visitors; v++) {
    const events = [
      { id: `${v}-1`, name: 'page_view' as const, ts: NOW, sid: `s${v}`, params: {} },
      { id: `${v}-2`, name: 'view_item' as const, ts: NOW, sid: `s${v}`, params: { items: [{ item_id: `i${v % 500}` }] } },
      ...(v % 4 === 0 ? [{ id: `${v}-3`, name: 'add_to_cart' as const, ts: NOW, sid: `s${v}`, params: { items: [{ item_id: `i${v % 500}`, quantity: 1 }] } }] : []),
    ];
    writes.push(writer.write('s', { site: 'pk', vid: `v${v}`, events }));
  }
  await Promise.all(writes);
  const scheduler = new LifecycleScheduler(t.db, clock, { batchSize: 500 });
  let started = performance.now();
  const first = await scheduler.runDue(1_000_000);
  const firstMs = performance.now() - started;
  clock.advance(31 * 60_000); // sessions end: everyone is due again, by time alone
  started = performance.now();
  const second = await scheduler.runDue(1_000_000);
  const secondMs = performance.now() - started;
  t.remove();
  return { visitors, first: { ...first, perSecond: first.evaluated / (firstMs / 1000) }, second: { ...second, perSecond: second.evaluated / (secondMs / 1000) } };
}

/** BG/NBD fit time on CDNOW and on the UCI shop's customers (purchase days per customer). */
export async function fitTimes(uciFile: string) {
  const out: Array<{ data: string; buyers: number; ms: number; params: string }> = [];
  const fit = (data: string, histories: PurchaseHistory[]) => {
    const started = performance.now();
    const r = fitBgNbd(histories);
    const ms = performance.now() - started;
    out.push({ data, buyers: histories.length, ms, params: r.fitted ? `r=${r.params.r.toFixed(3)} alpha=${r.params.alpha.toFixed(3)} a=${r.params.a.toFixed(3)} b=${r.params.b.toFixed(3)}` : r.reason });
  };
  if (existsSync(CDNOW_SUMMARY_PATH)) fit('CDNOW sample (weeks)', readCdnowSummary());
  if (existsSync(uciFile)) {
    const byCustomer = new Map<string, number[]>();
    let end = 0;
    const lines = createInterface({ input: createReadStream(uciFile).pipe(createGunzip()) });
    for await (const line of lines) {
      const cols = line.split(',');
      const invoice = cols[0] ?? '';
      const customer = cols.at(-2) ?? '';
      const at = Date.parse(`${cols.at(-4)}Z`.replace(' ', 'T'));
      if (!customer || invoice.startsWith('C') || invoice === 'InvoiceNo' || Number.isNaN(at)) continue;
      end = Math.max(end, at);
      (byCustomer.get(customer) ?? byCustomer.set(customer, []).get(customer)!).push(at);
    }
    fit('UCI Online Retail (days)', [...byCustomer.values()].map((t) => purchaseHistoryFromTimes(t, end, 'days')!).filter(Boolean));
  }
  return out;
}
