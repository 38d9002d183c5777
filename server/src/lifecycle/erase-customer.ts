import type { Db } from '../db/client.ts';
import { sha256 } from '../sites/keys.ts';
import { erasePerson, type ErasureCounts } from './erase-person.ts';
import { visitorsOfCustomer } from './person-events.ts';
import { customerProfileId, visitorProfileId } from './profile-ids.ts';

export type { ErasureCounts } from './erase-person.ts';

/**
 * Erases a customer: every device they identified on, their profile and each device's own (erase-person.ts
 * lists what goes). The audit row names the customer only by a hash.
 */
export async function eraseCustomer(db: Db, siteId: string, customerId: string, now: number): Promise<ErasureCounts> {
  const devices = await visitorsOfCustomer(db, siteId, customerId);
  const profileIds = [customerProfileId(customerId), ...devices.map(visitorProfileId)];
  return erasePerson(db, { siteId, devices, profileIds, subjectHash: sha256(`${siteId}:${customerId}`) }, now);
}
