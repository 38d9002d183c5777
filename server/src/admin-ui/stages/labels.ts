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

/** The stage colours: CSS variables of the theme (styles.css), read by the charts when they draw. */
export const stageColour: Record<Stage, string> = {
  potential: 'var(--stage-potential)',
  here_and_now: 'var(--stage-here_and_now)',
  at_risk: 'var(--stage-at_risk)',
  dormant: 'var(--stage-dormant)',
  loyal: 'var(--stage-loyal)',
};

/** A stage or, for a flow's start, "new" (first classified). */
export const stageOrNew = (s: Stage | null) => (s ? stageLabel[s] : 'New');
