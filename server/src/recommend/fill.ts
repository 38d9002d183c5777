import type { PopularityRecommender } from './popularity.ts';
import type { RecommendOptions, Recommendation } from './types.ts';

/**
 * The first `limit` of `ranked` not excluded, then the most popular items not yet listed, scored 0, so a
 * session the model knows little about still gets a full list.
 */
export function fillFromPopularity(
  ranked: readonly Recommendation[],
  popularity: PopularityRecommender,
  { limit, exclude }: RecommendOptions,
): Recommendation[] {
  const result: Recommendation[] = [];
  for (const r of ranked) {
    if (result.length === limit) return result;
    if (!exclude?.has(r.itemId)) result.push(r);
  }
  const taken = new Set(exclude);
  for (const r of result) taken.add(r.itemId);
  for (const filler of popularity.top(limit - result.length, taken)) result.push({ itemId: filler.itemId, score: 0 });
  return result;
}
