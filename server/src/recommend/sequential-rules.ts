import { type Decay, decayAt } from './decay.ts';
import { IdTable } from './id-table.ts';
import type { ScoreBoard } from './score-board.ts';
import type { Click, Recommendation } from './types.ts';

export interface SequentialRulesOptions {
  /** how many earlier clicks of a session each click is a successor of */
  steps: number;
  /** weight of a rule by the distance between the two clicks (1 = adjacent) */
  weighting: Decay;
  /**
   * successors kept per item; past twice this many the weakest are dropped, as CoCounts does. A best seller
   * otherwise collects tens of thousands (17,513 for the top item of 1,000,000 synthetic clicks), all of them
   * held in memory and added to the score board of every request that ends on it, for a weight of 0.05 ×
   * (theirs / the best)
   */
  maxSuccessors: number;
  /** sessions whose last clicks are remembered; the least recently clicked is forgotten first */
  maxSessions: number;
}

export const sequentialRulesDefaults: Readonly<SequentialRulesOptions> = { steps: 10, weighting: 'div', maxSuccessors: 100, maxSessions: 50_000 };

/**
 * Sequential rules (Kamehkhosh et al. 2017, session-rec's SR): "b was clicked within `steps` clicks after a",
 * weighted by distance. Recommends the successors of the session's last click. Cheap, incremental, and it knows
 * the order of clicks, which the session kNN ignores.
 */
export class SequentialRules {
  readonly options: Readonly<SequentialRulesOptions>;
  private readonly successors: Map<number, number>[] = [];
  /** the last `steps` clicks of each session, oldest first; in order of each session's latest click */
  private readonly recent = new Map<string, number[]>();

  /** `items` may be shared with another model so both score into one ScoreBoard */
  constructor(options: Partial<SequentialRulesOptions> = {}, private readonly items: IdTable = new IdTable()) {
    this.options = { ...sequentialRulesDefaults, ...options };
    if (!(this.options.steps >= 1)) throw new RangeError('steps must be >= 1');
    if (!(this.options.maxSuccessors >= 1) || !(this.options.maxSessions >= 1)) throw new RangeError('maxSuccessors and maxSessions must be >= 1');
  }

  addClick(click: Click): void {
    const item = this.items.intern(click.itemId);
    while (this.successors.length <= item) this.successors.push(new Map());
    let recent = this.recent.get(click.sessionId);
    if (recent) this.recent.delete(click.sessionId); // re-inserted below: the Map's order is the LRU order
    else recent = [];
    this.recent.set(click.sessionId, recent);
    if (this.recent.size > this.options.maxSessions) this.recent.delete(this.recent.keys().next().value as string);
    for (let distance = 1; distance <= recent.length; distance++) {
      const earlier = recent[recent.length - distance] as number;
      const rules = this.successors[earlier] as Map<number, number>;
      rules.set(item, (rules.get(item) ?? 0) + decayAt(this.options.weighting, distance));
      if (rules.size > 2 * this.options.maxSuccessors) this.successors[earlier] = strongest(rules, this.options.maxSuccessors);
    }
    recent.push(item);
    if (recent.length > this.options.steps) recent.shift();
  }

  /** successors of the session's last click, best first, scaled so the best is 1 */
  successorsOf(sessionItems: readonly string[]): Recommendation[] {
    const rules = this.rulesOfLast(sessionItems);
    if (!rules) return [];
    const best = Math.max(...rules.values());
    const ranked = [...rules].map(([next, weight]) => ({ itemId: this.items.idOf(next), score: weight / best }));
    return ranked.sort((a, b) => b.score - a.score);
  }

  /** adds `weight` × the successors' scores (best = 1) to `board`, indexed by the shared item table */
  addSuccessorsInto(board: ScoreBoard, sessionItems: readonly string[], weight: number): void {
    const rules = this.rulesOfLast(sessionItems);
    if (!rules) return;
    let best = 0;
    for (const value of rules.values()) if (value > best) best = value;
    rules.forEach((value, next) => board.add(next, (weight * value) / best)); // no [key, value] pair per rule
  }

  private rulesOfLast(sessionItems: readonly string[]): Map<number, number> | undefined {
    const last = sessionItems[sessionItems.length - 1];
    const item = last === undefined ? -1 : this.items.lookup(last);
    const rules = item < 0 ? undefined : this.successors[item];
    return rules && rules.size > 0 ? rules : undefined;
  }
}

/** the `n` heaviest rules, ties to the lower item index, so a rebuild and a live model keep the same ones */
function strongest(rules: Map<number, number>, n: number): Map<number, number> {
  return new Map([...rules].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n));
}
