import { Worker } from 'node:worker_threads';
import type { CollectEvent } from '../../../collect/schema.ts';
import type { RecommendationServiceOptions, RecommendRequest, RecommendResult } from '../recommendation-service.ts';
import type { Recommender } from '../recommender.ts';
import type { FromWorker, IngestBatch, ToWorker, WorkerCall } from './messages.ts';

export interface WorkerRecommenderOptions {
  /** the database the worker opens (a file or a libSQL server, not `:memory:`) */
  url: string;
  authToken?: string | undefined;
  service?: Partial<RecommendationServiceOptions>;
}

type Result<M extends WorkerCall['method']> = M extends 'recommend' ? RecommendResult : M extends 'boughtBy' ? ReadonlyMap<string, number> | undefined : M extends 'catchUp' ? number : unknown;

/** One worker thread running a RecommendationService (recommendation-worker.ts), called by message. */
class ServiceThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  exited = false;
  /** batches not yet posted: sent together at the end of this turn of the event loop, or before the next call */
  private batches: IngestBatch[] = [];
  readonly ready: Promise<void>;

  constructor(options: WorkerRecommenderOptions) {
    // start-worker.mjs loads the TypeScript through tsx, under tsx (the server) or not (vitest)
    this.worker = new Worker(new URL('./start-worker.mjs', import.meta.url), {
      workerData: { url: options.url, authToken: options.authToken, options: options.service ?? {} },
    });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
    this.worker.on('message', (m: FromWorker) => {
      if (!('id' in m)) return;
      const call = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.ok) call?.resolve(m.value);
      else call?.reject(new Error(`recommendations worker: ${m.message}`));
    });
    this.worker.on('error', (error) => console.error('recommendations worker failed', error));
    this.worker.on('exit', () => {
      this.exited = true;
      for (const call of this.pending.values()) call.reject(new Error('recommendations worker exited'));
      this.pending.clear();
    });
  }

  async call<M extends WorkerCall['method']>(method: M, ...args: Extract<WorkerCall, { method: M }>['args']): Promise<Result<M>> {
    await this.ready;
    if (this.exited) throw new Error('recommendations worker exited');
    this.flush(); // a call sees every batch ingested before it, as on the calling thread
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ type: 'call', id, call: { method, args } as WorkerCall } satisfies ToWorker);
    });
  }

  ingest(siteId: string, visitorId: string, events: readonly CollectEvent[], receivedAt: number): void {
    if (this.exited) return;
    if (this.batches.length === 0) setImmediate(() => this.flush());
    this.batches.push({ siteId, visitorId, events, receivedAt });
  }

  private flush(): void {
    if (this.batches.length === 0 || this.exited) return;
    this.worker.postMessage({ type: 'ingest', batches: this.batches } satisfies ToWorker);
    this.batches = [];
  }

  async end(): Promise<void> {
    if (!this.exited) await this.call('stop').catch(() => undefined);
    await this.worker.terminate();
  }
}

/**
 * The recommendations on worker threads: the models are built, learn every committed batch and answer requests
 * there, so none of it holds up the server's event loop (the collector, the scheduler). A rebuild starts a second
 * worker that builds every site's model from the events table exactly as the first build does, while the first
 * keeps answering; every batch committed meanwhile reaches both; then the new worker takes over and the old one
 * ends. Answers are the in-process service's: the same code learns the same events in the same order.
 */
export class WorkerRecommender implements Recommender {
  private active: ServiceThread | undefined;
  /** the worker a rebuild is building, told of every batch meanwhile */
  private next: ServiceThread | undefined;
  private rebuilding: Promise<void> | undefined;
  private rebuildTimer: NodeJS.Timeout | undefined;
  private catchUpMs = 0;
  private stopped = false;

  constructor(private readonly options: WorkerRecommenderOptions) {}

  async buildAll(): Promise<void> {
    this.active ??= new ServiceThread(this.options);
    await this.active.call('buildAll');
  }

  /** every site's models afresh in a new worker, swapped in when built (`siteId`: all sites are rebuilt together) */
  rebuild(_siteId?: string): Promise<void> {
    this.rebuilding ??= this.rebuildAll().finally(() => (this.rebuilding = undefined));
    return this.rebuilding;
  }

  startRebuilding(intervalMs: number): void {
    clearInterval(this.rebuildTimer);
    this.rebuildTimer = setInterval(() => {
      this.rebuild().catch((error: unknown) => console.error('recommendations: rebuild failed', error));
    }, intervalMs);
    this.rebuildTimer.unref();
  }

  ingest(siteId: string, visitorId: string, events: readonly CollectEvent[], receivedAt: number): void {
    this.active?.ingest(siteId, visitorId, events, receivedAt);
    this.next?.ingest(siteId, visitorId, events, receivedAt);
  }

  async catchUp(): Promise<number> {
    return (await this.thread()).call('catchUp');
  }

  startCatchingUp(intervalMs: number): void {
    this.catchUpMs = intervalMs;
    void this.thread()
      .then((t) => t.call('startCatchingUp', intervalMs))
      .catch((error: unknown) => console.error('recommendations: catch-up could not start', error));
  }

  async refreshProducts(siteId: string): Promise<void> {
    await (await this.thread()).call('refreshProducts', siteId);
  }

  async recommend(req: RecommendRequest): Promise<RecommendResult> {
    return (await this.thread()).call('recommend', req);
  }

  async boughtBy(siteId: string, visitorId: string): Promise<ReadonlyMap<string, number> | undefined> {
    return (await this.thread()).call('boughtBy', siteId, visitorId);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.rebuildTimer);
    await Promise.all([this.next?.end(), this.active?.end()]);
    await this.rebuilding?.catch(() => undefined);
    this.active = this.next = undefined;
  }

  /** the worker answering now; the first call starts it (its models are built on first use, as in-process) */
  private async thread(): Promise<ServiceThread> {
    if (this.active?.exited && !this.stopped) {
      // a worker that died is replaced, not kept answering errors until the next rebuild: the new one builds
      // its models from the events table on first use, as at start
      console.error('recommendations: the worker exited; starting a new one');
      this.active = undefined;
      const fresh = (this.active = new ServiceThread(this.options));
      if (this.catchUpMs > 0) fresh.call('startCatchingUp', this.catchUpMs).catch((error: unknown) => console.error('recommendations: catch-up could not start', error));
    }
    this.active ??= new ServiceThread(this.options);
    return this.active;
  }

  private async rebuildAll(): Promise<void> {
    const next = (this.next = new ServiceThread(this.options));
    try {
      await next.call('buildAll');
      if (this.stopped) throw new Error('recommendations: stopped during a rebuild');
      if (this.catchUpMs > 0) await next.call('startCatchingUp', this.catchUpMs);
    } catch (error) {
      this.next = undefined;
      await next.end();
      throw error;
    }
    const old = this.active;
    this.active = next;
    this.next = undefined;
    await old?.end();
  }
}
