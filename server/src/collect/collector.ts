import { isbot } from 'isbot';
import type { AppDeps } from '../app-deps.ts';
import { DatabaseHealth, RETRY_AFTER_S } from '../health/database-health.ts';
import { ApiError, rateLimited } from '../http/errors.ts';
import type { RequestHeaders } from '../http/page-origin.ts';
import { RateLimiter } from '../http/rate-limit.ts';
import { siteForPage } from '../sites/site-for-page.ts';
import { parseBatch } from './parse-batch.ts';

export interface CollectResponse {
  ok: true;
  received: number;
  stored: number;
  duplicates: number;
  /** present when the batch was acknowledged but deliberately not stored */
  ignored?: 'bot';
}

/** What the collector needs to know of one request, whichever HTTP layer received it. */
export interface CollectRequest {
  body: string;
  /** the request's headers, for where the page is (sites/site-for-page.ts) */
  headers: RequestHeaders;
  userAgent: string | undefined;
  /** the caller's salted address key (http/client-address.ts), asked only when the address limit is on */
  addressKey(): string;
}

export interface CollectAnswer {
  status: 200 | 202;
  body: CollectResponse;
}

/**
 * The collector's contract, once for every HTTP layer (the Hono route in routes/collect.ts, and the node:http
 * fast path in http/collect-fast-path.ts), with one set of rate-limit buckets per app: parse and validate, site and Origin, bots, rate limits, then the writer. Resolves
 * only after the batch is committed; every refusal is thrown as an ApiError.
 */
export class Collector {
  private readonly perVisitor: RateLimiter;
  private readonly perAddress: RateLimiter;

  constructor(
    private readonly deps: Pick<AppDeps, 'writer' | 'siteCache' | 'config' | 'clock'>,
    /** told of each write's outcome; /healthz reads it */
    private readonly health = new DatabaseHealth(),
  ) {
    const now = () => deps.clock.now();
    this.perVisitor = new RateLimiter(deps.config.rateLimit.perVisitorPerMinute, now);
    this.perAddress = new RateLimiter(deps.config.rateLimit.perIpPerMinute, now);
  }

  async accept(req: CollectRequest): Promise<CollectAnswer> {
    const batch = parseBatch(req.body);
    const site = await siteForPage(this.deps.siteCache, batch.site, req.headers);
    if (this.isBot(req.userAgent ?? '')) {
      return { status: 202, body: { ok: true, received: batch.events.length, stored: 0, duplicates: 0, ignored: 'bot' } };
    }
    const overAddress = this.perAddress.enabled && !this.perAddress.take(req.addressKey());
    if (overAddress || (this.perVisitor.enabled && !this.perVisitor.take(`${site.id} ${batch.vid}`))) {
      throw rateLimited('too many requests; retry after 30 seconds', 30);
    }
    // While writes fail, answer at once but for one probe every few seconds (health/database-health.ts)
    if (this.health.shouldShed()) throw unavailable();
    const result = await this.deps.writer.write(site.id, batch).catch((error: unknown) => {
      if (!this.health.writeProblem) console.error('collect: write failed', error); // once per outage, not per request
      this.health.writeFailed(error);
      throw unavailable();
    });
    this.health.writeSucceeded();
    return { status: 200, body: { ok: true, received: batch.events.length, ...result } };
  }

  // isbot's one large regular expression, asked once per user-agent string: a shop's visitors share a few hundred
  private readonly botAnswers = new Map<string, boolean>();
  private isBot(userAgent: string): boolean {
    let answer = this.botAnswers.get(userAgent);
    if (answer === undefined) {
      if (this.botAnswers.size >= 10_000) this.botAnswers.clear();
      this.botAnswers.set(userAgent, (answer = isbot(userAgent)));
    }
    return answer;
  }
}

/** Nothing was stored; the client keeps the batch and retries (the tracker with backoff, whatever Retry-After says). */
const unavailable = () =>
  new ApiError(503, 'unavailable', 'events could not be stored right now; retry later', undefined, { 'retry-after': String(RETRY_AFTER_S) });
