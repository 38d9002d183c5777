import type { Db } from '../../db/client.ts';
import { evaluate, type AliveProbability } from '../evaluate.ts';
import type { PersonFacts } from '../facts.ts';
import type { Thresholds } from '../settings.ts';
import { isStage, zeroCounts, type StageCounts } from './stage-counts.ts';

export interface StagePreview {
  /** the stored stages of the people previewed */
  current: StageCounts;
  /** the stages the same people would have at `now` under the candidate thresholds */
  preview: StageCounts;
}

/** Rows per read: large enough to keep round trips few, small enough to keep memory flat on 100k+ people. */
const PAGE = 5000;

/**
 * Re-evaluates every person of a site from their stored facts with candidate thresholds, writing nothing:
 * the "what if" behind tuning the settings. Reads in keyset pages over the primary key, so memory holds one
 * page however large the site. People whose facts are not folded yet (new, never evaluated) are left out of
 * both counts; facts are as of the last evaluation, so events still waiting for the scheduler are not seen.
 */
export async function previewStages(db: Db, siteId: string, thresholds: Thresholds, now: number, pAlive?: AliveProbability): Promise<StagePreview> {
  const current = zeroCounts();
  const preview = zeroCounts();
  for (let after = ''; ; ) {
    const rs = await db.client.execute({
      sql: 'SELECT profile_id, stage, facts FROM profiles WHERE site_id = ? AND profile_id > ? AND facts IS NOT NULL ORDER BY profile_id LIMIT ?',
      args: [siteId, after, PAGE],
    });
    for (const r of rs.rows) {
      if (isStage(r.stage)) current[r.stage]++;
      // stored by the scheduler from a PersonFacts; parsing is the one allocation per person
      preview[evaluate(JSON.parse(String(r.facts)) as PersonFacts, thresholds, now, pAlive).stage]++;
    }
    if (rs.rows.length < PAGE) break;
    after = String(rs.rows.at(-1)!.profile_id);
  }
  return { current, preview };
}
