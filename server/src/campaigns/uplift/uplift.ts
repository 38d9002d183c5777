import { newcombeDifference } from './newcombe.ts';
import { sampleSizePerGroup } from './sample-size.ts';

export interface GroupCounts {
  people: number;
  converted: number;
}

export type Uplift =
  | { enoughData: true; treatmentRate: number; controlRate: number; uplift: number; ci95: [number, number] }
  | { enoughData: false; treatmentRate: number | null; controlRate: number | null; neededPerGroup: number; reason: string };

/** The smallest difference the report promises to be able to show: 2 points of conversion rate. */
export const DETECTABLE_DIFFERENCE = 0.02;

function checkGroup(name: string, group: GroupCounts): void {
  const { people, converted } = group;
  if (!Number.isSafeInteger(people) || !Number.isSafeInteger(converted) || people < 0 || converted < 0 || converted > people) {
    throw new RangeError(`${name} group: ${converted} converted of ${people} people is not a count`);
  }
}

const rateOf = (group: GroupCounts) => (group.people === 0 ? null : group.converted / group.people);

/**
 * The campaign's uplift: treated people's conversion rate minus the control group's, with Newcombe's 95 %
 * interval. Until both groups are big enough to show a 2-point difference (at the pooled rate seen so far), it
 * says so and how many people each group needs instead of showing a number that is mostly noise.
 */
export function upliftOf(treatment: GroupCounts, control: GroupCounts): Uplift {
  checkGroup('treatment', treatment);
  checkGroup('control', control);
  const treatmentRate = rateOf(treatment);
  const controlRate = rateOf(control);
  const people = treatment.people + control.people;
  const pooledRate = people === 0 ? 0 : (treatment.converted + control.converted) / people;
  const neededPerGroup = sampleSizePerGroup(pooledRate, DETECTABLE_DIFFERENCE);
  if (treatmentRate === null || controlRate === null || treatment.people < neededPerGroup || control.people < neededPerGroup) {
    return {
      enoughData: false,
      treatmentRate,
      controlRate,
      neededPerGroup,
      reason: `not enough data yet: showing a 2-point difference needs ${neededPerGroup} people in each group (treated ${treatment.people}, held out ${control.people})`,
    };
  }
  const { difference, lower, upper } = newcombeDifference(treatment.converted, treatment.people, control.converted, control.people);
  return { enoughData: true, treatmentRate, controlRate, uplift: difference, ci95: [lower, upper] };
}
