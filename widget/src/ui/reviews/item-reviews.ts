import type { BlockConfig } from '../../tracker/blocks.ts';

// GET /v1/items/:itemId/reviews (reviews-design.md, "HTTP contract"): an item's rating and its published reviews,
// ten a page. The `reviews` block and the `rating` stars both read it; they ask for the same first page, so a
// product page with both makes one request.

export type Sort = 'newest' | 'helpful';
export type Stars = 1 | 2 | 3 | 4 | 5;

export interface RatingSummary {
  /** null while there are no published reviews */
  average: number | null;
  count: number;
  distribution: Record<Stars, number>;
}

export interface PublishedReview {
  id: string;
  rating: Stars;
  title: string | null;
  body: string | null;
  author: string | null;
  createdAt: string;
  helpful: number;
  /** the shop's public reply */
  reply: { body: string; createdAt: string } | null;
}

export interface ItemReviews {
  rating: RatingSummary;
  reviews: PublishedReview[];
  page: number;
  pages: number;
}

export const stars: Stars[] = [1, 2, 3, 4, 5];

export const itemReviewsUrl = ({ api, site }: BlockConfig, item: string, page = 1, sort: Sort = 'newest'): string =>
  `${api}/v1/items/${encodeURIComponent(item)}/reviews?${new URLSearchParams({ site, page: String(page), sort })}`;

const text = (value: unknown) => (typeof value == 'string' && value ? value : null);
const count = (value: unknown) => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : 0);
const isStars = (value: unknown): value is Stars => stars.includes(value as Stars);

const parseReview = (input: unknown): PublishedReview | undefined => {
  const { id, rating, title, body, author, createdAt, helpful, reply } = Object(input);
  if (!text(id) || !isStars(rating)) return;
  const { body: replyBody, createdAt: repliedAt } = Object(reply);
  return {
    id,
    rating,
    title: text(title),
    body: text(body),
    author: text(author),
    createdAt: text(createdAt) ?? '',
    helpful: count(helpful),
    reply: text(replyBody) ? { body: replyBody, createdAt: text(repliedAt) ?? '' } : null,
  };
};

/**
 * Reads the answer without trusting it (a proxy or an older server may say anything): no rating object is no
 * answer; reviews without an id or a 1–5 rating are dropped; odd fields become null or 0.
 */
export const parseItemReviews = (input: unknown): ItemReviews | undefined => {
  const { rating, reviews, page, pages } = Object(input);
  if (!rating || typeof rating != 'object') return;
  const { average, distribution } = rating;
  const spread = Object(distribution);
  return {
    rating: {
      average: typeof average == 'number' && average >= 1 && average <= 5 ? average : null,
      count: count(rating.count),
      distribution: Object.fromEntries(stars.map((star) => [star, count(spread[star])])) as Record<Stars, number>,
    },
    reviews: Array.isArray(reviews) ? reviews.map(parseReview).filter((review) => !!review) : [],
    page: count(page) || 1,
    pages: count(pages) || 1,
  };
};

/** Answers by URL for this page's life: forty rating stars of the same item, or a block and its stars, ask once. */
const answers = new Map<string, Promise<ItemReviews | undefined>>();

/** The item's reviews at `url`; undefined after a network error, an error status or a malformed body (not kept). */
export const fetchItemReviews = (url: string): Promise<ItemReviews | undefined> => {
  let answer = answers.get(url);
  if (!answer) {
    answer = fetch(url)
      .then((response) => (response.ok ? response.json() : undefined))
      .then(parseItemReviews)
      .catch(() => undefined);
    answers.set(url, answer);
    void answer.then((result) => result || answers.delete(url)); // a failure may be asked again
  }
  return answer;
};

/** Forgets every kept answer (tests; a submitted review). */
export const forgetItemReviews = (): void => answers.clear();
