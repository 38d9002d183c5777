import { formatAverage, reviewCount } from './format.ts';
import { stars, type RatingSummary } from './item-reviews.ts';
import { Stars } from './Stars.tsx';

/** The average in large, its stars and count, and how many reviews gave each of 5 to 1 stars. */
export function Summary({ rating }: { rating: RatingSummary }) {
  const { average, count, distribution } = rating;
  return (
    <div class="summary">
      <p class="overall">
        <span class="average" aria-hidden="true">
          {formatAverage(average!)}
        </span>
        <Stars value={average!} />
        <span class="count">{reviewCount(count)}</span>
      </p>
      <ul class="distribution" aria-label="Reviews by rating">
        {[...stars].reverse().map((star) => (
          <li key={star}>
            <span class="label">
              {star} <span aria-hidden="true">★</span>
              <span class="sr"> star{star == 1 ? '' : 's'}:</span>
            </span>
            <span class="share" aria-hidden="true">
              <span style={`width:${count ? (distribution[star] / count) * 100 : 0}%`} />
            </span>
            <span class="n">{distribution[star]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
