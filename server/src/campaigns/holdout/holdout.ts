import { createHash } from 'node:crypto';
import type { CampaignId } from '../campaign-ids.ts';

const TWO_TO_48 = 2 ** 48;

/**
 * Where a person falls for a campaign, uniform on [0, 1): the first 48 bits of sha256(campaign, person). The
 * campaign is part of the hash, so a person held out of one campaign is no likelier to be held out of another.
 */
export function holdoutPosition(profileId: string, campaign: CampaignId): number {
  const digest = createHash('sha256').update(`${campaign}\n${profileId}`).digest();
  return digest.readUIntBE(0, 6) / TWO_TO_48;
}

/**
 * Is this person in the campaign's control group (eligible, sent nothing)? Stable: the same answer every time,
 * on every instance. Nested: raising the percent only adds people, so a person never moves from the control
 * group to the treated one when the holdout grows.
 */
export function inHoldout(profileId: string, campaign: CampaignId, percent: number): boolean {
  if (!(percent >= 0 && percent <= 100)) throw new RangeError(`holdout percent must be 0 to 100, got ${percent}`);
  return holdoutPosition(profileId, campaign) * 100 < percent;
}
