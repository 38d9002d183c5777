// The built shoploop-ui.js: the recommendation blocks, an ES module the tracker import()s on pages that have one
// (widget/src/tracker/blocks.ts), and the web push prompt (widget/src/tracker/push.ts). Preact is bundled in;
// nothing here runs until the tracker calls showBlocks or push. Reviews, rating stars and the review card are a
// chunk of their own, shoploop-reviews.js (./reviews/reviews.ts), imported on first use like the push code.
import type { BlockConfig, BlockTracker, BlocksUi } from '../tracker/blocks.ts';
import { guard } from '../tracker/guard.ts';
import type { PushUi } from '../tracker/push.ts';
import { renderBlocks, watchBlocks } from './blocks.ts';
import { askForReviews } from './reviews/ask.ts';

/** the latest config and tracker, for the blocks the page adds between page views */
let latest: [BlockConfig, BlockTracker] | undefined;

/**
 * Called by the tracker on every page view of a page with blocks, or of a buyer's whose check for review requests
 * is due (and allowed collection). Never throws.
 */
export const showBlocks: BlocksUi['showBlocks'] = guard((config: BlockConfig, tracker: BlockTracker) => {
  if (!latest) watchBlocks(guard(() => renderBlocks(...latest!)));
  latest = [config, tracker];
  renderBlocks(config, tracker);
  void askForReviews(config, tracker);
});

/**
 * Called by the tracker for `shoploop('push', …)` and at a moment of intent (widget/src/tracker/push.ts). The push
 * code — prompt, workbox-window, idb — is a chunk of its own, `shoploop-push.js`, imported beside this file on
 * first use, so pages with blocks only do not load it. Never throws.
 */
export const push: PushUi['push'] = (moment, config, tracker) => {
  import('./push/push.ts')
    .then((code) => code.push(moment, config, tracker))
    .catch(() => {}); // offline, or blocked: no prompt
};
