/** The campaign report's arithmetic: uplift in conversion rate against the holdout, with its 95 % interval. */
export { newcombeDifference, wilsonInterval } from './newcombe.ts';
export { sampleSizePerGroup } from './sample-size.ts';
export { DETECTABLE_DIFFERENCE, upliftOf, type GroupCounts, type Uplift } from './uplift.ts';
