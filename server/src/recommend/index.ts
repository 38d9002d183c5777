// The recommendation core: pure TypeScript, fed one click at a time, no database.
export type { Click, Recommendation, RecommendOptions, Recommender } from './types.ts';
export type { Decay } from './decay.ts';
export { PopularityRecommender, type PopularityOptions } from './popularity.ts';
export { SessionKnn, vsknnDefaults, type KnnRecommendOptions, type SessionKnnOptions } from './session-knn.ts';
export { SequentialRules, type SequentialRulesOptions } from './sequential-rules.ts';
export { SessionRecommender, type SessionRecommenderOptions } from './session-recommender.ts';
export { shoploopOptions } from './tuned-options.ts';
