import type { Stage } from '../api/types.ts';

/** How a marketer reads each stage, in the order the page shows them. */
export const stageOrder: readonly Stage[] = ['potential', 'here_and_now', 'at_risk', 'dormant', 'loyal'];

export const stageLabel: Record<Stage, string> = {
  potential: 'Potential',
  here_and_now: 'Here and now',
  at_risk: 'At risk',
  dormant: 'Dormant',
  loyal: 'Loyal',
};

export const stageHint: Record<Stage, string> = {
  potential: 'visited, no open cart, not (yet) a repeat buyer',
  here_and_now: 'in a live session with product interest',
  at_risk: 'left a cart or checkout unfinished',
  dormant: 'gone quiet: an old cart, or a buyer not back',
  loyal: 'repeat buyers still buying',
};

/** The stage colours, also used by the chart's SVG (attributes, not inline styles). */
export const stageColour: Record<Stage, string> = {
  potential: '#8da2b5',
  here_and_now: '#2f9e6e',
  at_risk: '#e0912f',
  dormant: '#a05a8c',
  loyal: '#3a6fd8',
};
