import type { BlockConfig, BlockTracker } from './blocks.ts';
import type { Config } from './config.ts';
import type { Tracker } from './tracker.ts';
import { loadUi } from './ui.ts';

/**
 * What the UI's push code is asked to do: the shop's `shoploop('push', 'prompt' | 'unsubscribe')`, or a moment of
 * intent the tracker saw — an add to cart, a sold-out product's page (never on the visitor's first page view).
 */
export type PushMoment = 'prompt' | 'unsubscribe' | 'add_to_cart' | 'sold_out';

export interface PushUi {
  /** Offers web push at this moment if it may (widget/src/ui/push/), or unsubscribes. Never throws. */
  push(moment: PushMoment, config: BlockConfig, tracker: BlockTracker): void;
}

/**
 * Hands a push moment to the UI bundle, which decides whether to show the soft prompt. Nothing is loaded while
 * collection is denied, except to unsubscribe. Everything else about push lives in the UI, not in this script.
 */
export const showPush = (config: Config, tracker: Tracker, moment: unknown): void => {
  if (moment == 'unsubscribe' || tracker.visitor()) {
    loadUi(config)
      .then((ui) => ui.push(moment as PushMoment, config, tracker))
      .catch(() => {}); // offline, or blocked: no prompt
  }
};
