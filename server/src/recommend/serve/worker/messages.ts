import type { CollectEvent } from '../../../collect/schema.ts';
import type { RecommendRequest } from '../recommendation-service.ts';

/** A call the server makes of the worker's service, answered by `FromWorker` with the same id. */
export type WorkerCall =
  | { method: 'buildAll'; args: [] }
  | { method: 'recommend'; args: [RecommendRequest] }
  | { method: 'refreshProducts'; args: [siteId: string] }
  | { method: 'catchUp'; args: [] }
  | { method: 'boughtBy'; args: [siteId: string, visitorId: string] }
  | { method: 'startCatchingUp'; args: [intervalMs: number] }
  | { method: 'stop'; args: [] };

/** one committed batch to learn, as `RecommendationService.ingest` takes it */
export interface IngestBatch {
  siteId: string;
  visitorId: string;
  events: readonly CollectEvent[];
  receivedAt: number;
}

export type ToWorker =
  /** the batches of one turn of the server's event loop, in commit order: one message instead of one each */
  | { type: 'ingest'; batches: IngestBatch[] }
  | { type: 'call'; id: number; call: WorkerCall };

export type FromWorker = { ready: true } | { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };
