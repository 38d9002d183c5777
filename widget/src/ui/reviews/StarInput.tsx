import { stars } from './item-reviews.ts';

interface StarInputProps {
  value: number | undefined;
  onChange(value: number): void;
  /** the message that says a rating is missing, for aria-describedby */
  invalid?: boolean;
}

/**
 * Five stars to choose a rating with: real radio buttons in a fieldset (visually hidden behind the stars), so
 * the keyboard works as for any radio group — Tab into it, arrows to move and choose — and screen readers hear
 * "Your rating, 4 stars, radio button, 4 of 5".
 */
export function StarInput({ value, onChange, invalid }: StarInputProps) {
  return (
    <fieldset class="star-input" aria-describedby={invalid ? 'shoploop-review-error' : undefined}>
      <legend>Your rating</legend>
      {stars.map((star) => (
        <label key={star} class={value && star <= value ? 'on' : undefined}>
          <input type="radio" name="shoploop-rating" value={star} checked={value == star} onChange={() => onChange(star)} />
          <span aria-hidden="true">★</span>
          <span class="sr">
            {star} star{star == 1 ? '' : 's'}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
