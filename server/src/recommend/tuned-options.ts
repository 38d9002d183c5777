import type { SessionRecommenderOptions } from './session-recommender.ts';

const DAY = 24 * 3600;

/**
 * Shoploop's configuration, chosen by `eval/tune.ts` on the validation split (train_tr → train_valid) of the
 * RSC15 sample and never on its test file; docs/recommendations.md lists the runs. Times are unix seconds.
 * Against session-rec's V-SKNN it weights the current session's clicks by log distance instead of
 * quadratically, uses STAN's cosine, item-neighbourhood and recency decays, samples 500 sessions instead of
 * 5000 (same accuracy, a tenth of the work), and adds sequential rules and a reminder of the session's items.
 */
export const shoploopOptions: Readonly<SessionRecommenderOptions> = {
  knn: {
    k: 500,
    sampleSize: 500,
    positionWeight: 'log',
    matchWeight: { exponential: 1 },
    similarity: 'cosine',
    idfWeight: 5,
    neighbourItemDecay: 8,
    recencyDecay: 7 * DAY,
  },
  rules: { steps: 10, weighting: 'div' },
  rulesWeight: 0.05,
  reminderWeight: 0.1,
};
