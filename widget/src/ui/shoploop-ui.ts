// The built shoploop-ui.js: the recommendation blocks, an ES module the tracker import()s on pages that have one
// (widget/src/tracker/blocks.ts). Preact is bundled in; nothing here runs until the tracker calls showBlocks.
import type { BlockConfig, BlockTracker, BlocksUi } from '../tracker/blocks.ts';
import { guard } from '../tracker/guard.ts';
import { renderBlocks, watchBlocks } from './blocks.ts';

/** the latest config and tracker, for the blocks the page adds between page views */
let latest: [BlockConfig, BlockTracker] | undefined;

/** Called by the tracker on every page view of a page with blocks (and allowed collection). Never throws. */
export const showBlocks: BlocksUi['showBlocks'] = guard((config: BlockConfig, tracker: BlockTracker) => {
  if (!latest) watchBlocks(guard(() => renderBlocks(...latest!)));
  latest = [config, tracker];
  renderBlocks(config, tracker);
});
