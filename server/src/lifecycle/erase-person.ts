import type { Db } from '../db/client.ts';
import { subtractErasedFlows } from '../admin/reports/rollups/erase-rollups.ts';

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
  /** product values their devices reported (catalog_reports names the reporting visitor) */
  catalogReports: number;
  /** their rows in the admin reports' per-person rollups (report_people, report_orders, report_buyers) */
  reportRows: number;
}

export interface ErasureSubject {
  siteId: string;
  /** every device (visitor id) of the person */
  devices: string[];
  /** every profile the person had: `c:<customer>` and each device's `v:<visitor>` */
  profileIds: string[];
  /** what the audit row keeps instead of the id: a hash */
  subjectHash: string;
}

const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');

/**
 * Removes everything stored of a person's devices and profiles, in one transaction: events, visitor rows,
 * profiles, stage history, push messages and subscriptions, reviews, review requests, opt-outs, helpful votes
 * catalog reports and the reports' per-person rollups; then writes an audit row naming the person only by a hash. Customers and lone visitors
 * are erased by this one list, so a table added later is added once.
 */
export async function erasePerson(db: Db, s: ErasureSubject, now: number): Promise<ErasureCounts> {
  const { siteId, profileIds } = s;
  const devices = s.devices.length ? s.devices : [''];
  const byDevice = (table: string) => ({ sql: `DELETE FROM ${table} WHERE site_id = ? AND visitor_id IN (${inList(devices.length)})`, args: [siteId, ...devices] });
  const byProfile = (table: string) => ({ sql: `DELETE FROM ${table} WHERE site_id = ? AND profile_id IN (${inList(profileIds.length)})`, args: [siteId, ...profileIds] });
  const [, events, transitions, profiles, messages, subscriptions, , reviews, reviewRequests, , catalogReports, visitors, ...reportRows] = await db.write.run([
    subtractErasedFlows(siteId, profileIds), // reads the stage changes deleted next
    byDevice('events'),
    byProfile('stage_transitions'),
    byProfile('profiles'),
    byProfile('messages'),
    byDevice('push_subscriptions'),
    // votes on any review by these devices, and every vote the devices gave
    {
      sql: `DELETE FROM review_helpful_votes WHERE visitor_id IN (${inList(devices.length)}) AND review_id IN (SELECT id FROM reviews WHERE site_id = ?)
            OR review_id IN (SELECT id FROM reviews WHERE site_id = ? AND visitor_id IN (${inList(devices.length)}))`,
      args: [...devices, siteId, siteId, ...devices],
    },
    byDevice('reviews'),
    byDevice('review_requests'),
    byDevice('review_opt_outs'),
    { sql: `DELETE FROM catalog_reports WHERE site_id = ? AND reporter IN (${inList(devices.length)})`, args: [siteId, ...devices] },
    byDevice('visitors'),
    // the reports' daily aggregates follow these rows by trigger (migration 0009): an erased person leaves them
    byProfile('report_people'),
    byProfile('report_orders'),
    byProfile('report_buyers'),
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
    catalogReports: catalogReports!,
    reportRows: reportRows.reduce((a, b) => a + b, 0),
  };
  await db.write.run([{ sql: 'INSERT INTO erasures (site_id, subject_hash, erased_at, counts) VALUES (?, ?, ?, ?)', args: [siteId, s.subjectHash, now, JSON.stringify(counts)] }]);
  return counts;
}
