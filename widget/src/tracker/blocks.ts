import type { Config } from './config.ts';
import { load, reviewsKey } from './storage.ts';
import type { Tracker } from './tracker.ts';
import { useUi } from './ui.ts';

/** What `shoploop-ui.js` (widget/src/ui/shoploop-ui.ts) exports for the blocks. */
export interface BlocksUi {
  /**
   * Shows the page's `[data-shoploop]` blocks, and from then on those added later; called again on every page
   * view, when blocks shown for an earlier URL ask again. Never throws.
   */
  showBlocks(config: BlockConfig, tracker: BlockTracker): void;
}

/** From the script tag: the site's key and the API base, without a trailing slash. */
export type BlockConfig = Pick<Config, 'site' | 'api'>;

/**
 * From the tracker: `visitor()` is the visitor id, or false while collection is denied; `track` is the tracker's
 * own, so rec_impression and rec_click share its consent check, outbox and batches.
 */
export type BlockTracker = Pick<Tracker, 'visitor' | 'track'>;

/**
 * On every page view: if the page has a recommendation block (or reviews, or rating stars), or a buyer's check for
 * review requests is due (`reviewsKey` holds a time in the past: ../ui/reviews/ask.ts), and collection is allowed,
 * imports the UI bundle (Preact) and lets it show the blocks and ask.
 */
export const showBlocks = (config: Config, tracker: Tracker): void => {
  if (tracker.visitor() && (document.querySelector('[data-shoploop]') || Date.now() > +load(reviewsKey)!)) {
    useUi(config, (ui) => ui.showBlocks(config, tracker));
  }
};
