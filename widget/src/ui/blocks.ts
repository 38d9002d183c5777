import { h, render } from 'preact';
import type { BlockConfig, BlockTracker } from '../tracker/blocks.ts';
import { pageUrl } from '../tracker/detect/spa.ts';
import { guard } from '../tracker/guard.ts';
import { Block } from './Block.tsx';
import { Contained } from './Contained.tsx';
import { pageProduct } from './page-product.ts';
import { placementAttributes, readPlacement } from './placement.ts';
import { recommendationsUrl } from './request.ts';
import { isReviewsKind, LazyReviews } from './reviews/LazyReviews.tsx';

const selector = '[data-shoploop]';

/** Every block element we attached a shadow root to (kept, so an element taken out and put back is ours again). */
const roots = new WeakMap<HTMLElement, ShadowRoot>();
/** The blocks rendered now, to unmount when they leave the page. */
const shown = new Set<HTMLElement>();

/**
 * Renders one block into its shadow root, attaching one the first time. Preact compares with what is there, so
 * rendering a block again costs little and asks the API again only when the question changed (see Block).
 * Elements that cannot have a shadow root (a `<ul>`), or already have someone else's, are left alone.
 */
const renderBlock = guard((element: HTMLElement, config: BlockConfig, tracker: BlockTracker, ofPage: () => ReturnType<typeof pageProduct>) => {
  let root = roots.get(element);
  if (!root) {
    if (element.shadowRoot) return;
    root = element.attachShadow({ mode: 'open' });
    roots.set(element, root);
  }
  const placement = readPlacement(element);
  // the page's own product, for blocks without data-item (and its currency, for blocks without data-currency)
  const product = placement.item && placement.currency ? {} : ofPage();
  const asked = { ...placement, item: placement.item ?? product.id };
  const visitor = tracker.visitor();
  shown.add(element);
  const kind = placement.scenario;
  // reviews and rating stars come from their own chunk (./reviews/)
  const block = isReviewsKind(kind)
    ? h(LazyReviews, { kind, host: element, item: asked.item, title: placement.title, config, tracker })
    : h(Block, {
        host: element,
        placement: asked,
        url: visitor ? recommendationsUrl(config, visitor, asked) : undefined,
        page: pageUrl(),
        currency: placement.currency ?? product.currency,
        track: tracker.track,
      });
  render(h(Contained, null, block), root);
});

/** Renders every block on the page; unmounts those gone from it (their effects stop: no late impression). */
export const renderBlocks = (config: BlockConfig, tracker: BlockTracker): void => {
  for (const element of shown) {
    if (!element.isConnected || !element.matches(selector)) {
      render(null, roots.get(element)!);
      shown.delete(element);
    }
  }
  // the page's product is read (its JSON-LD parsed) once per render, and only if a block needs it
  let product: ReturnType<typeof pageProduct> | undefined;
  const ofPage = () => (product ??= pageProduct());
  for (const element of document.querySelectorAll<HTMLElement>(selector)) renderBlock(element, config, tracker, ofPage);
};

/** Whether a DOM change may have added, removed or changed a block. */
const touchesBlocks = (record: MutationRecord): boolean =>
  record.type == 'attributes'
    ? record.attributeName == 'data-shoploop' || (record.target as Element).matches(selector)
    : [...record.addedNodes, ...record.removedNodes].some(
        (node) => node instanceof Element && (node.matches(selector) || !!node.querySelector(selector)),
      );

/**
 * Re-renders the blocks when the page adds, removes or changes one: a single-page app inserts them whenever it
 * likes. Changes inside our shadow roots are not seen, so rendering cannot loop.
 */
export const watchBlocks = (onChange: () => void): void => {
  const observer = new MutationObserver((records) => records.some(touchesBlocks) && onChange());
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: placementAttributes,
  });
};
