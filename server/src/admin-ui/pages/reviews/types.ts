// GET /admin/api/reviews and /admin/api/reports/ratings, as the Reviews page reads them. Types only: the server's own.
import type { AdminReview } from '../../../reviews/read/review-views.ts';
import type { ItemRating } from '../../../reviews/read/ratings-by-item.ts';
import type { ReviewStatus } from '../../../db/schema/reviews.ts';

export type { AdminReview, ItemRating, ReviewStatus };

export interface ReviewList {
  site: string;
  reviews: AdminReview[];
  next: string | null;
}

export interface RatingsReport {
  site: string;
  from: string | null;
  to: string | null;
  items: ItemRating[];
}
