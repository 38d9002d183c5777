import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ReviewsProps } from './props.ts';

type ReviewsCode = typeof import('./reviews.ts');

/** The `data-shoploop` values that are reviews rather than a recommendation scenario. */
export const isReviewsKind = (kind: string): kind is 'reviews' | 'rating' => kind == 'reviews' || kind == 'rating';

/**
 * A `reviews` block or `rating` stars, rendered by ../blocks.ts like any block: it imports the reviews chunk
 * (shoploop-reviews.js) on first use and then renders the component from it. A new item remounts it (a single-
 * page app's next product starts on page 1). Nothing is shown, and the element is hidden, if the chunk fails.
 */
export function LazyReviews(props: ReviewsProps & { kind: 'reviews' | 'rating' }) {
  const [code, setCode] = useState<ReviewsCode>();
  useEffect(() => {
    import('./reviews.ts').then(setCode, () => (props.host.hidden = true));
  }, []);
  return code ? h(props.kind == 'rating' ? code.Rating : code.Reviews, { ...props, key: props.item }) : null;
}
