import { formatAverage } from './format.ts';

/**
 * A rating shown as five stars filled to `value` (4.3 fills four and a third), one element whose text is the
 * stars and whose background paints the filled share (styles in styles.ts, `.stars`). Screen readers hear
 * "Rated 4.3 out of 5".
 */
export function Stars({ value }: { value: number }) {
  return (
    <span class="stars" role="img" aria-label={`Rated ${formatAverage(value)} out of 5`} style={`--fill:${(value / 5) * 100}%`}>
      ★★★★★
    </span>
  );
}
