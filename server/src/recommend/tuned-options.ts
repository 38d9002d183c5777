import type { SessionKnnOptions } from './session-knn.ts';
import { vsknnDefaults } from './session-knn.ts';

/**
 * Shoploop's kNN configuration, chosen on the validation split (train_tr → train_valid) of the RSC15 sample;
 * the runs are listed in docs/recommendations.md and reproduced by `eval/tune.ts`.
 */
export const shoploopKnnOptions: Readonly<SessionKnnOptions> = {
  ...vsknnDefaults,
};
