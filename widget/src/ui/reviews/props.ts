import type { BlockConfig, BlockTracker } from '../../tracker/blocks.ts';

/** What the `reviews` block and the `rating` stars get from ../blocks.ts (through LazyReviews). */
export interface ReviewsProps {
  /** the page's `[data-shoploop]` element, whose shadow root this renders into */
  host: HTMLElement;
  /** `data-item`, else the page's own product; undefined: nothing to show */
  item: string | undefined;
  /** `data-title`: the block's heading */
  title?: string;
  config: BlockConfig;
  tracker: BlockTracker;
}
