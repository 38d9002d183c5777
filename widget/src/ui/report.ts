import type { BlockTracker } from '../tracker/blocks.ts';
import { guard } from '../tracker/guard.ts';
import type { Answer, Recommendation } from './answer.ts';

/**
 * rec_impression (the items shown) or rec_click (the one clicked), through the tracker's own `track`: the same
 * consent check, outbox and batches as every other event. The recommendation report attributes orders by them.
 * Called from event handlers and observers, where nothing may escape into the page.
 */
export const report = guard(
  (track: BlockTracker['track'], name: 'rec_impression' | 'rec_click', { rec_id, scenario }: Answer, items: Recommendation[]) =>
    track(name, { rec_id, scenario, items: items.map(({ item_id }) => ({ item_id })) }),
);
