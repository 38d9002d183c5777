/** The five lifecycle stages, as they appear in every API. */
export const stages = ['potential', 'here_and_now', 'at_risk', 'dormant', 'loyal'] as const;
export type Stage = (typeof stages)[number];

/** When several rules hold, the first stage in this list wins. */
export const precedence: readonly Stage[] = ['here_and_now', 'at_risk', 'loyal', 'dormant', 'potential'];
