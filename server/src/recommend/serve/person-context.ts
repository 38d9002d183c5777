import type { Db } from '../../db/client.ts';
import { profileIdOfVisitor, stageOf } from '../../lifecycle/person-view.ts';
import type { Stage } from '../../lifecycle/stages.ts';

/** What the lifecycle knows of the person behind a visitor that a recommendation needs. */
export interface PersonContext {
  stage: Stage;
  /** the person's cart across devices, as of their last evaluation */
  cart: string[];
}

/** Two indexed reads: the visitor's person, then its profile row. */
export async function readPersonContext(db: Db, siteId: string, visitorId: string): Promise<PersonContext> {
  const { stage, facts } = await stageOf(db, siteId, await profileIdOfVisitor(db, siteId, visitorId));
  return { stage, cart: Object.keys(facts?.cart ?? {}) };
}
