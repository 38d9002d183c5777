/** Control groups: a stable share of each campaign's eligible people who are sent nothing. */
export { holdoutPosition, inHoldout } from './holdout.ts';
