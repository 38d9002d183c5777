import type { Db } from '../../db/client.ts';
import type { PersonFacts } from '../../lifecycle/facts.ts';
import { stages, type Stage } from '../../lifecycle/stages.ts';

/** A replayed person as the lifecycle holds them after the replay. */
export interface ReplayedPerson {
  profileId: string;
  /** null when the person was never evaluated */
  stage: Stage | null;
  facts: PersonFacts | null;
}

const CHUNK = 400;
const isStage = (s: unknown): s is Stage => stages.includes(s as Stage);

/** The profiles of the people a replay sent (the site may hold others: the report covers only these). */
export async function readReplayedPeople(db: Db, siteId: string, profileIds: readonly string[]): Promise<ReplayedPerson[]> {
  const found = new Map<string, ReplayedPerson>();
  for (let i = 0; i < profileIds.length; i += CHUNK) {
    const chunk = profileIds.slice(i, i + CHUNK);
    const rs = await db.client.execute({
      sql: `SELECT profile_id, stage, facts FROM profiles WHERE site_id = ? AND profile_id IN (${chunk.map(() => '?').join(',')})`,
      args: [siteId, ...chunk],
    });
    for (const r of rs.rows) {
      found.set(String(r.profile_id), {
        profileId: String(r.profile_id),
        stage: isStage(r.stage) ? r.stage : null,
        facts: r.facts ? (JSON.parse(String(r.facts)) as PersonFacts) : null,
      });
    }
  }
  return profileIds.map((profileId) => found.get(profileId) ?? { profileId, stage: null, facts: null });
}
