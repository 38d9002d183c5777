import type { AdminReview } from './types.ts';

/**
 * The queue after a moderation: a review that left the status being listed drops out; one that stays (a reply)
 * is replaced where it was. Pages already loaded are kept, so the marketer does not lose their place.
 */
export function afterModeration(list: readonly AdminReview[], listed: string, changed: AdminReview): AdminReview[] {
  if (changed.status !== listed) return list.filter((r) => r.id !== changed.id);
  return list.map((r) => (r.id === changed.id ? changed : r));
}

/** "★★★★☆" for a 1–5 rating (out-of-range values clamped: the stars are decoration, the number is said too). */
export function stars(rating: number): string {
  const n = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}
