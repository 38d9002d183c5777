import { html } from 'hono/html';
import type { AggregateRating } from '../ratings/rating-json-ld.ts';
import type { Html } from './layout.ts';

/**
 * The product's rating as text under its name, from the same numbers as its JSON-LD: the marked-up rating is
 * then visible on the page without a script, as search engines ask. Links to the reviews block below.
 */
export function ratingSummary({ ratingValue, ratingCount }: AggregateRating): Html {
  const full = Math.round(ratingValue);
  const average = ratingValue.toFixed(1);
  return html`<p class="product-rating" data-testid="product-rating"><a href="#reviews"><span class="stars" aria-hidden="true">${'★'.repeat(full)}${'☆'.repeat(5 - full)}</span> ${average} out of 5 · ${ratingCount} ${ratingCount === 1 ? 'review' : 'reviews'}</a></p>`;
}
