import type { InStatement } from '@libsql/client';
import type { PersonFacts } from './facts.ts';
import type { SeqEvent } from './person-events.ts';
import type { Stage } from './stages.ts';

/** One person just evaluated by the scheduler: what changed, and the events that were new to it. */
export interface EvaluatedPerson {
  siteId: string;
  profileId: string;
  from: Stage | null;
  to: Stage;
  /** the stage changed in this evaluation */
  changed: boolean;
  now: number;
  facts: PersonFacts;
  /** the events folded in this evaluation (all of them when a customer's devices were refolded from scratch) */
  newEvents: readonly SeqEvent[];
}

/**
 * Lets another module act on evaluations in the scheduler's own transaction (campaign triggers), so a stage
 * change and what it sets off are written together or not at all. `forSite` is awaited once per site and
 * round (to read that site's settings); the function it returns must be synchronous and cheap.
 */
export interface EvaluationHook {
  forSite(siteId: string): Promise<(person: EvaluatedPerson) => InStatement[]>;
  /** statements that move a person's rows when a customer absorbs one of their device profiles */
  onAbsorb?(siteId: string, fromProfileId: string, toProfileId: string): InStatement[];
}

/** Several hooks as one (campaign triggers, review requests): each one's statements in turn, in one transaction. */
export function composeEvaluationHooks(...hooks: EvaluationHook[]): EvaluationHook {
  return {
    async forSite(siteId) {
      const each = await Promise.all(hooks.map((h) => h.forSite(siteId)));
      return (person) => each.flatMap((f) => f(person));
    },
    onAbsorb: (siteId, from, to) => hooks.flatMap((h) => h.onAbsorb?.(siteId, from, to) ?? []),
  };
}
