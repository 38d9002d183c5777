import type { Db } from '../db/client.ts';
import { sha256 } from '../sites/keys.ts';
import { erasePerson, type ErasureCounts } from './erase-person.ts';
import { visitorProfileId } from './profile-ids.ts';

/**
 * Erases a visitor never identified as a customer: that device's data, as a customer's (erase-person.ts).
 * A device of a customer is erased with its customer (eraseCustomer), never alone: the customer's profile
 * holds facts folded from it.
 */
export async function eraseVisitor(db: Db, siteId: string, visitorId: string, now: number): Promise<ErasureCounts> {
  return erasePerson(db, { siteId, devices: [visitorId], profileIds: [visitorProfileId(visitorId)], subjectHash: sha256(`${siteId}:v:${visitorId}`) }, now);
}
