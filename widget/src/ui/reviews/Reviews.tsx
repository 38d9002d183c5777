import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { fetchItemReviews, itemReviewsUrl, type ItemReviews, type Sort } from './item-reviews.ts';
import { useNear } from './near.ts';
import type { ReviewsProps } from './props.ts';
import { ReviewItem } from './ReviewItem.tsx';
import { markHelpful } from './send.ts';
import { reviewsStyles } from './styles.ts';
import { Summary } from './Summary.tsx';

const sorts: Record<Sort, string> = { newest: 'Most recent', helpful: 'Most helpful' };

/**
 * `<div data-shoploop="reviews" data-item="SKU">`: the item's average, count and 1–5 distribution, then its
 * published reviews ten a page, newest or most helpful first, each with a "helpful" button and the shop's reply.
 * "No reviews yet." for an item without any; nothing (the element hidden) without an item or when the API fails.
 */
export function Reviews({ host, item, title, config, tracker }: ReviewsProps) {
  const near = useNear(host);
  const [sort, setSort] = useState<Sort>('newest');
  const [page, setPage] = useState(1);
  // undefined until the first answer; null when there is none. Paging keeps the last page until the next comes.
  const [answer, setAnswer] = useState<ItemReviews | null>();
  /** this visitor's votes: review id → the count the server answered */
  const [voted, setVoted] = useState<Record<string, number>>({});
  useEffect(() => {
    if (!item || !near) return;
    let current = true;
    void fetchItemReviews(itemReviewsUrl(config, item, page, sort)).then((next) => current && setAnswer(next ?? null));
    return () => void (current = false);
  }, [item, near, page, sort]);

  const empty = !item || answer === null;
  useLayoutEffect(() => void (host.hidden = empty), [empty]);
  const style = <style>{reviewsStyles}</style>;
  if (empty) return style;

  const vid = tracker.visitor();
  const vote = (id: string) => {
    if (vid) void markHelpful(config, id, vid).then((count) => count != undefined && setVoted((votes) => ({ ...votes, [id]: count })));
  };
  const heading = <h2 class="title">{title ?? 'Customer reviews'}</h2>;
  if (!answer) {
    return (
      <>
        {style}
        {heading}
        <div aria-hidden="true">
          <span class="bar" />
          <span class="bar" />
        </div>
      </>
    );
  }
  const { rating, reviews, page: shown, pages } = answer;
  if (!rating.count || rating.average == null) {
    return (
      <>
        {style}
        {heading}
        <p class="empty">No reviews yet.</p>
      </>
    );
  }
  return (
    <>
      {style}
      {heading}
      <Summary rating={rating} />
      <div class="controls">
        <label>
          Sort by{' '}
          <select
            value={sort}
            onChange={(event) => {
              setSort(event.currentTarget.value as Sort);
              setPage(1);
            }}
          >
            {Object.entries(sorts).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol class="list">
        {reviews.map((review) => (
          <ReviewItem key={review.id} review={review} voted={voted[review.id]} onHelpful={vid ? () => vote(review.id) : undefined} />
        ))}
      </ol>
      {pages > 1 && (
        <nav class="pager" aria-label="Review pages">
          <button type="button" disabled={shown <= 1} onClick={() => setPage(shown - 1)}>
            Previous
          </button>
          <span>
            Page {shown} of {pages}
          </span>
          <button type="button" disabled={shown >= pages} onClick={() => setPage(shown + 1)}>
            Next
          </button>
        </nav>
      )}
    </>
  );
}
