import { useRef, useState } from 'preact/hooks';
import type { BlockConfig } from '../../tracker/blocks.ts';
import { safeUrl } from '../safe-url.ts';
import { cardStyles } from './card-styles.ts';
import { forgetItemReviews } from './item-reviews.ts';
import { reviewSteps, type ReviewRequest } from './review-requests.ts';
import { dismiss, submitReview } from './send.ts';
import { StarInput } from './StarInput.tsx';
import { maxLength, needsRating, refusals, thanks } from './texts.ts';

export interface ReviewCardProps {
  requests: ReviewRequest[];
  config: BlockConfig;
  /** the card is done: take it off the page */
  onClose(): void;
  /** "don't ask again": the page stops checking for requests */
  onNeverAgain(): void;
}

type Fields = { title: string; body: string; author: string };
const blank: Fields = { title: '', body: '', author: '' };

/**
 * The on-site review card for a buyer who comes back: the bought items one at a time, each with stars, a title, a
 * text and an optional name, sent with the order's token. "Not now" (also the close button and Escape) puts the
 * requests off until their reminder, "Don't ask again" ends all asks; both are told to the server. The server's
 * refusals are said in words: an expired link, an item already reviewed, too many reviews at once, bad input.
 * Not modal, and it does not take the focus: it came by itself.
 */
export function ReviewCard({ requests, config, onClose, onNeverAgain }: ReviewCardProps) {
  const [steps] = useState(() => reviewSteps(requests));
  const [index, setIndex] = useState(0);
  /** tokens the server refused as expired or bad (403): their other items are skipped too */
  const [refused, setRefused] = useState<string[]>([]);
  const [rating, setRating] = useState<number>();
  const [fields, setFields] = useState(blank);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(0);
  /** a review on its way (a ref: a second click may come before the disabled button is rendered) */
  const sending = useRef(false);

  const step = steps[index];
  const remaining = steps.slice(index);
  /** to the next item whose token still works; the name is kept, it is the same person */
  const advance = (skipTokens = refused) => {
    let next = index + 1;
    while (steps[next] && skipTokens.includes(steps[next]!.token)) next++;
    setIndex(next);
    setRating(undefined);
    setFields({ ...blank, author: fields.author });
    setError('');
  };
  const later = (scope: 'request' | 'always') => {
    const tokens = scope == 'always' ? [steps[0]!.token] : [...new Set(remaining.map(({ token }) => token))].filter((token) => !refused.includes(token));
    for (const token of tokens) void dismiss(config, token, scope);
    if (scope == 'always') onNeverAgain();
    onClose();
  };
  const close = () => (step ? later('request') : onClose());

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending.current || !step) return;
    if (!rating) return setError(needsRating);
    sending.current = true;
    setBusy(true);
    setError('');
    const outcome = await submitReview(config, step.token, { itemId: step.item.itemId, rating, ...fields });
    sending.current = false;
    setBusy(false);
    const { status } = outcome;
    if (status == 'published' || status == 'pending') {
      forgetItemReviews(); // the product's block shows it on its next render
      setNotice(thanks[status]);
      setSent(sent + 1);
      advance();
    } else if (status == 'reviewed') {
      setNotice(refusals.reviewed);
      advance();
    } else if (status == 'expired') {
      const skip = [...refused, step.token];
      setRefused(skip);
      setNotice(refusals.expired);
      advance(skip);
    } else {
      setError(status == 'invalid' && outcome.message ? `${refusals.invalid} (${outcome.message})` : refusals[status]);
    }
  };
  const field = (name: keyof Fields) => ({
    value: fields[name],
    maxLength: maxLength[name],
    onInput: (event: Event) => setFields({ ...fields, [name]: (event.currentTarget as HTMLInputElement).value }),
  });

  const image = step && safeUrl(step.item.image);
  return (
    <>
      <style>{cardStyles}</style>
      <div class="card" role="dialog" aria-labelledby="shoploop-review-heading" onKeyDown={(event) => event.key == 'Escape' && close()}>
        <h2 class="heading" id="shoploop-review-heading">
          {step ? 'How do you like your purchase?' : sent ? 'Thank you' : 'Your review'}
        </h2>
        <p class="notice" role="status">
          {notice}
        </p>
        {step ? (
          <form onSubmit={submit} noValidate>
            <div class="item">
              {image && <img src={image} alt="" />}
              <span class="name">{step.item.name ?? 'Your product'}</span>
              {steps.length > 1 && (
                <span class="step">
                  {index + 1} of {steps.length}
                </span>
              )}
            </div>
            <StarInput value={rating} onChange={setRating} invalid={error == needsRating} />
            <label>
              Title <span class="optional">(optional)</span>
              <input type="text" {...field('title')} />
            </label>
            <label>
              Your review <span class="optional">(optional)</span>
              <textarea rows={4} {...field('body')} />
            </label>
            <label>
              Your name <span class="optional">(optional, shown with your review)</span>
              <input type="text" autoComplete="given-name" {...field('author')} />
            </label>
            <p class="error" id="shoploop-review-error" role="alert">
              {error}
            </p>
            <div class="actions">
              <button type="submit" class="send" disabled={busy}>
                {busy ? 'Sending…' : 'Send review'}
              </button>
              {remaining.length > 1 && (
                <button type="button" class="skip" onClick={() => advance()}>
                  Skip this product
                </button>
              )}
            </div>
            <div class="later">
              <button type="button" onClick={() => later('request')}>
                Not now
              </button>
              <button type="button" onClick={() => later('always')}>
                Don’t ask again
              </button>
            </div>
          </form>
        ) : (
          <div class="actions">
            <button type="button" class="send" onClick={onClose}>
              Close
            </button>
          </div>
        )}
        <button type="button" class="close" aria-label="Close" disabled={busy} onClick={close}>
          ×
        </button>
      </div>
    </>
  );
}
