import { formatDate } from './format.ts';
import type { PublishedReview } from './item-reviews.ts';
import { Stars } from './Stars.tsx';

interface ReviewItemProps {
  review: PublishedReview;
  /** the count after this visitor's own vote, once they voted */
  voted: number | undefined;
  /** undefined while collection is denied: a vote needs the visitor's id */
  onHelpful?(): void;
}

/**
 * One published review: stars, title, who and when, the text and the shop's reply. Everything the buyer or the
 * shop wrote is a text node, never HTML. Every published review comes from a buyer's token: a verified purchase.
 */
export function ReviewItem({ review, voted, onHelpful }: ReviewItemProps) {
  const { rating, title, body, author, createdAt, helpful, reply } = review;
  return (
    <li class="review">
      <Stars value={rating} />
      {title && <span class="review-title">{title}</span>}
      <p class="meta">
        <span class="author">{author ?? 'A customer'}</span>
        {createdAt && ' · '}
        {createdAt && <time dateTime={createdAt}>{formatDate(createdAt)}</time>}
        <span class="verified">✓ Verified purchase</span>
      </p>
      {body && <p class="body">{body}</p>}
      {reply && (
        <div class="reply">
          <p class="meta">
            Reply from the shop{reply.createdAt && ' · '}
            {reply.createdAt && <time dateTime={reply.createdAt}>{formatDate(reply.createdAt)}</time>}
          </p>
          <p>{reply.body}</p>
        </div>
      )}
      <button type="button" class="helpful" aria-pressed={voted != undefined} disabled={voted != undefined || !onHelpful} onClick={onHelpful}>
        Helpful ({voted ?? helpful})
      </button>
    </li>
  );
}
