import type { Recommendation } from './answer.ts';
import { formatPrice } from './price.ts';
import { safeUrl } from './safe-url.ts';

interface CardProps {
  item: Recommendation;
  currency?: string;
  /** the visitor follows the link (a click, or a middle click for a new tab), before the browser navigates */
  onOpen(): void;
}

/** One product: image, name and price; a link to its page when it has an http(s) one. */
export function Card({ item, currency, onOpen }: CardProps) {
  const href = safeUrl(item.url);
  const image = safeUrl(item.image);
  const content = (
    <>
      <span class="image">{image && <img src={image} alt="" loading="lazy" decoding="async" />}</span>
      <span class="name">{item.name}</span>
      <span class="price">{formatPrice(item.price, currency)}</span>
    </>
  );
  return (
    <li class="card">
      {href ? (
        <a class="link" href={href} onClick={onOpen} onAuxClick={(event) => event.button == 1 && onOpen()}>
          {content}
        </a>
      ) : (
        <div class="link">{content}</div>
      )}
    </li>
  );
}

/** A card's stand-in while the answer is on its way: the same box, so nothing moves when the card arrives. */
export function SkeletonCard() {
  return (
    <li class="card" aria-hidden="true">
      <span class="link">
        <span class="image" />
        <span class="name">
          <span class="bar" />
        </span>
        <span class="price">
          <span class="bar" />
        </span>
      </span>
    </li>
  );
}
