import { useState } from 'preact/hooks';
import { ApiFailure, type Api } from '../../api/client.ts';
import type { Format } from '../../format/format.ts';
import { stars } from './review-queue.ts';
import type { AdminReview } from './types.ts';

interface Props {
  api: Api;
  review: AdminReview;
  /** the product's catalog name, when known */
  productName: string | null;
  f: Format;
  onChanged(review: AdminReview): void;
}

const MAX_REPLY = 5000;

/** One review to moderate: what the buyer wrote (as text), why it waits, and publish / reject / reply. */
export function ReviewCard({ api, review, productName, f, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState(review.reply?.body ?? '');

  const act = async (path: string, body?: unknown) => {
    setBusy(true);
    setError(null);
    try {
      const { review: changed } = await api.post<{ review: AdminReview }>(`/reviews/${encodeURIComponent(review.id)}/${path}`, body);
      setReplying(false);
      onChanged(changed);
    } catch (err) {
      setError(err instanceof ApiFailure ? (err.fields.body ?? err.message) : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class={`review-card status-${review.status}`} data-review-id={review.id}>
      <div class="review-head">
        <span class="stars" aria-label={`${review.rating} of 5 stars`} title={`${review.rating} of 5`}>
          {stars(review.rating)}
        </span>
        <span class="review-product" title={review.itemId}>
          {productName ?? review.itemId}
        </span>
        <span class="hint">{f.dateTime(review.createdAt)}</span>
      </div>
      {review.title && <p class="review-title">{review.title}</p>}
      {review.body ? <p class="review-body">{review.body}</p> : <p class="hint">Stars only, no text.</p>}
      <p class="hint review-meta">
        {review.author ? `by ${review.author} · ` : ''}order <span class="mono">{review.orderId}</span>
        {review.heldReason ? ` · held: ${review.heldReason}` : ''}
        {review.helpful > 0 ? ` · ${f.count(review.helpful)} found it helpful` : ''}
      </p>
      {review.reply && !replying && (
        <blockquote class="review-reply">
          <span class="hint">Your reply, {f.dateTime(review.reply.createdAt)}</span>
          <p>{review.reply.body}</p>
        </blockquote>
      )}
      {replying && (
        <form
          class="reply-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act('reply', { body: reply.trim() === '' ? null : reply });
          }}
        >
          <label class="field">
            <span class="field-label">Public reply (shown under the review; empty removes it)</span>
            <textarea rows={3} maxLength={MAX_REPLY} value={reply} onInput={(e) => setReply(e.currentTarget.value)} />
          </label>
          <div class="actions">
            <button type="submit" class="small" disabled={busy}>
              Save reply
            </button>
            <button type="button" class="secondary small" onClick={() => setReplying(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <div class="actions">
        {review.status !== 'published' && (
          <button type="button" class="small" data-action="publish" disabled={busy} onClick={() => void act('publish')}>
            Publish
          </button>
        )}
        {review.status !== 'rejected' && (
          <button type="button" class="danger small" data-action="reject" disabled={busy} onClick={() => void act('reject')}>
            Reject
          </button>
        )}
        {!replying && (
          <button type="button" class="secondary small" data-action="reply" disabled={busy} onClick={() => setReplying(true)}>
            {review.reply ? 'Edit reply' : 'Reply'}
          </button>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
