import type { BlockConfig, BlockTracker } from './blocks.ts';
import type { Config } from './config.ts';
import type { Tracker } from './tracker.ts';
import { useUi } from './ui.ts';

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
 * Hands a push moment or the shop's command to the UI bundle, which decides what to do (widget/src/ui/push/). Only
 * the trigger is in this script; boot.ts holds moments back on a first page view and while collection is denied,
 * but not the shop's own commands (an unsubscribe must work then too).
 */
export const showPush = (config: Config, tracker: Tracker, moment: unknown): void =>
  useUi(config, (ui) => ui.push(moment as PushMoment, config, tracker));
