import { isoTime } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { buyerValue, readSiteModel } from './buyer-models.ts';
import type { PersonFacts } from './facts.ts';
import { customerProfileId, visitorProfileId } from './profile-ids.ts';
import type { Stage } from './stages.ts';

const iso = (ms: number | null) => (ms === null ? null : isoTime(ms));

export interface StageView {
  profileId: string;
  stage: Stage;
  since: string | null;
  rule: string | null;
  reason: string | null;
}

/** The person a visitor belongs to: their customer once identified, else themselves. */
export async function profileIdOfVisitor(db: Db, siteId: string, visitorId: string): Promise<string> {
  const rs = await db.client.execute({ sql: 'SELECT customer_id FROM visitors WHERE site_id = ? AND visitor_id = ?', args: [siteId, visitorId] });
  const customer = rs.rows[0]?.customer_id;
  return customer ? customerProfileId(String(customer)) : visitorProfileId(visitorId);
}

/** The current stage; a person not classified yet (or unknown) is potential, as everyone starts. */
export async function stageOf(db: Db, siteId: string, profileId: string): Promise<StageView & { facts: PersonFacts | null }> {
  const rs = await db.client.execute({ sql: 'SELECT stage, stage_since, rule, reason, facts FROM profiles WHERE site_id = ? AND profile_id = ?', args: [siteId, profileId] });
  const r = rs.rows[0];
  return {
    profileId,
    stage: (r?.stage as Stage | null | undefined) ?? 'potential',
    since: iso((r?.stage_since as number | null | undefined) ?? null),
    rule: (r?.rule as string | null | undefined) ?? null,
    reason: (r?.reason as string | null | undefined) ?? null,
    facts: r?.facts ? (JSON.parse(String(r.facts)) as PersonFacts) : null,
  };
}

export async function stageHistory(db: Db, siteId: string, profileId: string) {
  const rs = await db.client.execute({
    sql: 'SELECT from_stage, to_stage, at, rule, reason FROM stage_transitions WHERE site_id = ? AND profile_id = ? ORDER BY id',
    args: [siteId, profileId],
  });
  return rs.rows.map((r) => ({ from: (r.from_stage as Stage | null) ?? null, to: r.to_stage as Stage, at: iso(Number(r.at)), rule: String(r.rule), reason: String(r.reason) }));
}

/** Everything the admin shows of one person's lifecycle: stage, why, history, and buyer value. */
export async function lifecycleOfVisitor(db: Db, siteId: string, visitorId: string, now: number) {
  const profileId = await profileIdOfVisitor(db, siteId, visitorId);
  const { facts, ...stage } = await stageOf(db, siteId, profileId);
  const model = await readSiteModel(db, siteId);
  return {
    stage,
    history: await stageHistory(db, siteId, profileId),
    buyer: facts
      ? { orders: facts.orders.length, revenue: facts.revenue, ...buyerValue(model, facts, now), model: model?.note ?? 'not fitted yet' }
      : null,
  };
}
