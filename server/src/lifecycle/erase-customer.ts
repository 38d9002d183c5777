import type { Db } from '../db/client.ts';
import { sha256 } from '../sites/keys.ts';
import { visitorsOfCustomer } from './person-events.ts';
import { customerProfileId, visitorProfileId } from './profile-ids.ts';

export interface ErasureCounts {
  visitors: number;
  events: number;
  profiles: number;
  transitions: number;
  /** push messages decided for them, and their browsers' push subscriptions */
  messages: number;
  subscriptions: number;
  /** their reviews (text and author are theirs) and review requests */
  reviews: number;
  reviewRequests: number;
}

/**
 * Removes a customer's events (from every device they identified on), visitor rows, profiles, stage
 * history, push messages and push subscriptions, reviews and review requests in one transaction, and writes an audit row that names the customer only by a hash.
 */
export async function eraseCustomer(db: Db, siteId: string, customerId: string, now: number): Promise<ErasureCounts> {
  const devices = await visitorsOfCustomer(db, siteId, customerId);
  const profileIds = [customerProfileId(customerId), ...devices.map(visitorProfileId)];
  const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');
  const deviceArgs = devices.length ? devices : [''];
  const [events, transitions, profiles, messages, subscriptions, reviews, reviewRequests, , , visitors] = await db.write.run([
    { sql: `DELETE FROM events WHERE site_id = ? AND visitor_id IN (${inList(deviceArgs.length)})`, args: [siteId, ...deviceArgs] },
    { sql: `DELETE FROM stage_transitions WHERE site_id = ? AND profile_id IN (${inList(profileIds.length)})`, args: [siteId, ...profileIds] },
    { sql: `DELETE FROM profiles WHERE site_id = ? AND profile_id IN (${inList(profileIds.length)})`, args: [siteId, ...profileIds] },
    { sql: `DELETE FROM messages WHERE site_id = ? AND profile_id IN (${inList(profileIds.length)})`, args: [siteId, ...profileIds] },
    { sql: `DELETE FROM push_subscriptions WHERE site_id = ? AND visitor_id IN (${inList(deviceArgs.length)})`, args: [siteId, ...deviceArgs] },
    { sql: `DELETE FROM reviews WHERE site_id = ? AND visitor_id IN (${inList(deviceArgs.length)})`, args: [siteId, ...deviceArgs] },
    { sql: `DELETE FROM review_requests WHERE site_id = ? AND visitor_id IN (${inList(deviceArgs.length)})`, args: [siteId, ...deviceArgs] },
    { sql: `DELETE FROM review_opt_outs WHERE site_id = ? AND visitor_id IN (${inList(deviceArgs.length)})`, args: [siteId, ...deviceArgs] },
    { sql: `DELETE FROM review_helpful_votes WHERE visitor_id IN (${inList(deviceArgs.length)}) AND review_id IN (SELECT id FROM reviews WHERE site_id = ?)`, args: [...deviceArgs, siteId] },
    { sql: `DELETE FROM visitors WHERE site_id = ? AND customer_id = ?`, args: [siteId, customerId] },
  ]);
  const counts: ErasureCounts = {
    visitors: visitors!,
    events: events!,
    profiles: profiles!,
    transitions: transitions!,
    messages: messages!,
    subscriptions: subscriptions!,
    reviews: reviews!,
    reviewRequests: reviewRequests!,
  };
  await db.write.run([
    { sql: 'INSERT INTO erasures (site_id, subject_hash, erased_at, counts) VALUES (?, ?, ?, ?)', args: [siteId, sha256(`${siteId}:${customerId}`), now, JSON.stringify(counts)] },
  ]);
  return counts;
}
