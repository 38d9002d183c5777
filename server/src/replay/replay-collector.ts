import type { Hono } from 'hono';
import { z } from 'zod';
import type { CollectBatch } from '../collect/schema.ts';

/** What the collector answered over a whole replay. */
export interface CollectorTotals {
  batches: number;
  sent: number;
  stored: number;
  duplicates: number;
  /** time spent inside the collector (validation, dedupe, catalog learning, the write) */
  ms: number;
}

const accepted = z.object({ ok: z.literal(true), stored: z.number().int(), duplicates: z.number().int(), ignored: z.string().optional() });
const refused = z.object({ error: z.object({ message: z.string() }) });

/** A desktop browser: the collector ignores requests whose user agent looks like a bot. */
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

/** Posts batches to `POST /v1/collect` of an in-process app, exactly as the tracking script does. */
export class ReplayCollector {
  readonly totals: CollectorTotals = { batches: 0, sent: 0, stored: 0, duplicates: 0, ms: 0 };

  constructor(
    private readonly app: Hono,
    private readonly origin: string,
  ) {}

  async send(batch: CollectBatch): Promise<{ stored: number; duplicates: number }> {
    const started = performance.now();
    const res = await this.app.request('/v1/collect', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: this.origin, 'user-agent': USER_AGENT },
      body: JSON.stringify(batch),
    });
    const body: unknown = await res.json().catch(() => null);
    this.totals.ms += performance.now() - started;
    const answer = accepted.safeParse(body);
    if (!res.ok || !answer.success) {
      const message = refused.safeParse(body).data?.error.message ?? JSON.stringify(body);
      throw new Error(`the collector refused a replay batch (${res.status}): ${message}`);
    }
    // a batch taken for a bot's is acknowledged and dropped: the replay would lose it silently
    if (answer.data.ignored) throw new Error(`the collector ignored a replay batch (${answer.data.ignored})`);
    const { stored, duplicates } = answer.data;
    this.totals.batches++;
    this.totals.sent += batch.events.length;
    this.totals.stored += stored;
    this.totals.duplicates += duplicates;
    return { stored, duplicates };
  }
}
