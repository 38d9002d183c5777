import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '../../../clock.ts';
import { openDb } from '../../../db/client.ts';
import { RecommendationService, type RecommendationServiceOptions } from '../recommendation-service.ts';
import type { ToWorker, WorkerCall } from './messages.ts';

// A worker thread holding one RecommendationService (worker-recommender.ts starts it): its own database
// connection, its own heap, its own event loop, so learning and building never hold up the server's requests.
const data = workerData as { url: string; authToken?: string; options: Partial<RecommendationServiceOptions> };
const db = await openDb(data.url, data.authToken);
const service = new RecommendationService(db, systemClock, data.options);
const port = parentPort!;

/** the service's methods a caller may reach, each with its arguments as sent */
const calls: { [M in WorkerCall['method']]: (...args: Extract<WorkerCall, { method: M }>['args']) => Promise<unknown> } = {
  buildAll: () => service.buildAll(),
  recommend: (req) => service.recommend(req),
  refreshProducts: (siteId) => service.refreshProducts(siteId),
  catchUp: () => service.catchUp(),
  boughtBy: (siteId, visitorId) => service.boughtBy(siteId, visitorId),
  startCatchingUp: async (ms) => service.startCatchingUp(ms),
  stop: async () => {
    await service.stop();
    db.close();
  },
};

port.on('message', (m: ToWorker) => {
  if (m.type === 'ingest') {
    // one batch the models cannot learn must not end the thread (and every answer with it), as on the main thread
    for (const b of m.batches) {
      try {
        service.ingest(b.siteId, b.visitorId, b.events, b.receivedAt);
      } catch (error) {
        console.error('recommendations worker: a batch could not be learned', error);
      }
    }
    return;
  }
  const run = calls[m.call.method] as (...args: unknown[]) => Promise<unknown>;
  run(...m.call.args).then(
    (value) => port.postMessage({ id: m.id, ok: true, value }),
    (error: unknown) => port.postMessage({ id: m.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
port.postMessage({ ready: true });
