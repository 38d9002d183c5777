import type { Db } from '../../db/client.ts';
import type { ProductObservation } from '../observation.ts';
import { planCatalogWrites } from '../plan-writes.ts';

const FIRST_FEW = 20;

/**
 * Gathers a feed's accepted products into chunks and writes each chunk in one transaction, every changed field
 * recorded with source `feed`. Within a chunk the later row for an id replaces the earlier one whole; across
 * chunks it overwrites the fields it sets. Each product is counted once, by its first row.
 */
export class FeedWriter {
  created = 0;
  updated = 0;
  changes = 0;
  duplicates = 0;
  readonly firstDuplicateIds: string[] = [];
  private distinct = 0;
  // every id seen so far, to spot duplicates across chunks (ids only: a few MB for a million products)
  private readonly seen = new Set<string>();
  private chunk = new Map<string, ProductObservation>();
  // ids in this chunk that an earlier chunk already wrote: their writes apply, their counts do not
  private repeats = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly siteId: string,
    private readonly at: number,
    private readonly chunkSize: number,
  ) {}

  get unchanged(): number {
    return this.distinct - this.created - this.updated;
  }

  async add(product: ProductObservation): Promise<void> {
    const id = product.itemId;
    if (this.seen.has(id)) {
      this.duplicates++;
      if (this.firstDuplicateIds.length < FIRST_FEW && !this.firstDuplicateIds.includes(id)) this.firstDuplicateIds.push(id);
      if (!this.chunk.has(id)) this.repeats.add(id);
    }
    this.seen.add(id);
    this.chunk.delete(id);
    this.chunk.set(id, product);
    if (this.chunk.size >= this.chunkSize) await this.flush();
  }

  async flush(): Promise<void> {
    const firstSeen: ProductObservation[] = [];
    const again: ProductObservation[] = [];
    for (const [id, product] of this.chunk) (this.repeats.has(id) ? again : firstSeen).push(product);
    this.chunk = new Map();
    this.repeats = new Set();
    const plan = await planCatalogWrites(this.db.client, this.siteId, firstSeen, this.at, 'feed');
    const replan = await planCatalogWrites(this.db.client, this.siteId, again, this.at, 'feed');
    const statements = [...plan.statements, ...replan.statements];
    if (statements.length > 0) await this.db.client.batch(statements, 'write');
    this.distinct += firstSeen.length;
    this.created += plan.created;
    this.updated += plan.updated;
    this.changes += plan.changes + replan.changes;
  }
}
