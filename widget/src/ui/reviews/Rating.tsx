import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { formatAverage } from './format.ts';
import { fetchItemReviews, itemReviewsUrl, type RatingSummary } from './item-reviews.ts';
import { useNear } from './near.ts';
import type { ReviewsProps } from './props.ts';
import { Stars } from './Stars.tsx';
import { ratingStyles } from './styles.ts';

/**
 * `<div data-shoploop="rating" data-item="SKU">`: the item's stars, average and count in one line, for listings.
 * Nothing (the element hidden) for an item without published reviews, without an id, or when the API fails.
 * Asks once the element is near the viewport; the same item's stars elsewhere on the page share the answer.
 */
export function Rating({ host, item, config }: ReviewsProps) {
  const near = useNear(host);
  // undefined until the answer; null when there is none
  const [rating, setRating] = useState<RatingSummary | null>();
  useEffect(() => {
    if (!item || !near) return;
    let current = true;
    void fetchItemReviews(itemReviewsUrl(config, item)).then((answer) => current && setRating(answer?.rating ?? null));
    return () => void (current = false);
  }, [item, near]);

  const empty = !item || rating === null || rating?.count === 0 || rating?.average === null;
  useLayoutEffect(() => void (host.hidden = empty), [empty]);
  return (
    <>
      <style>{ratingStyles}</style>
      {/* before the answer: empty stars hold the line, so the listing does not move when they fill */}
      <span class="rating">
        <Stars value={rating?.average ?? 0} />
        {rating?.average && (
          <>
            <span class="average" aria-hidden="true">
              {formatAverage(rating.average)}
            </span>
            <span class="count">
              ({rating.count}
              <span class="sr"> {rating.count == 1 ? 'review' : 'reviews'}</span>)
            </span>
          </>
        )}
      </span>
    </>
  );
}
