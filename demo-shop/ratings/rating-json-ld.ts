import { z } from 'zod';

// The part of Shoploop's `GET /v1/items/:itemId/rating.jsonld` answer the shop puts into its own Product JSON-LD:
// `aggregateRating` and `review`. Parsed field by field and rebuilt from what was parsed (unknown keys are dropped),
// so an answer from a misconfigured proxy or another version cannot put anything else into the shop's page.

const text = (max: number) => z.string().min(1).max(max);
const stars = z.number().min(1).max(5);

const aggregateRatingSchema = z.object({
  '@type': z.literal('AggregateRating'),
  ratingValue: stars,
  ratingCount: z.number().int().positive(),
  reviewCount: z.number().int().positive().optional(),
  bestRating: z.literal(5).optional(),
  worstRating: z.literal(1).optional(),
});

const reviewSchema = z.object({
  '@type': z.literal('Review'),
  reviewRating: z.object({ '@type': z.literal('Rating'), ratingValue: stars, bestRating: z.literal(5).optional(), worstRating: z.literal(1).optional() }),
  author: z.object({ '@type': z.enum(['Person', 'Organization']), name: text(200) }),
  datePublished: z.string().regex(/^\d{4}-\d{2}-\d{2}/).max(40).optional(),
  name: text(200).optional(),
  reviewBody: text(10_000).optional(),
});

const answerSchema = z.object({
  '@type': z.literal('Product'),
  aggregateRating: aggregateRatingSchema.optional(),
  review: z.array(reviewSchema).max(50).optional(),
});

export type AggregateRating = z.infer<typeof aggregateRatingSchema>;
export type Review = z.infer<typeof reviewSchema>;

/** What search engines need for review stars: the product's aggregate rating and its newest reviews. */
export interface ProductRating {
  aggregateRating: AggregateRating;
  review: Review[];
}

/**
 * The product's rating from Shoploop's JSON-LD, null for a product without published reviews (Shoploop then sends
 * no `aggregateRating`: a rating of zero reviews is invalid markup). Throws on an answer that is not that document.
 */
export function ratingFromJsonLd(input: unknown): ProductRating | null {
  const answer = answerSchema.parse(input);
  if (!answer.aggregateRating) return null;
  return { aggregateRating: answer.aggregateRating, review: answer.review ?? [] };
}
