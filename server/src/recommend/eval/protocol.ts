import type { Click } from '../types.ts';

/** One prediction the session-rec protocol scores: given the first clicks of a session, the click that followed. */
export interface PredictionPoint {
  sessionId: string;
  /** session-rec's "Position": 0 for the first prediction, so the prefix holds `position + 1` clicks */
  position: number;
  prefix: string[];
  target: string;
  /** time of the prefix's last click, the moment the prediction is asked for */
  time: number;
}

export interface TestSessions {
  points: PredictionPoint[];
  sessions: number;
  /** test clicks dropped because their item never occurs in training */
  unseenClicks: number;
}

/**
 * The session-rec "next item" protocol (evaluation.py, evaluate_sessions): clicks on items unknown to training
 * are removed, sessions left with fewer than two clicks are dropped, and each remaining session, sorted by
 * time, yields one point per prefix of length 1..n−1 with the next click as the single target.
 * Sessions keep the order of their first appearance in the file; `maxSessions` keeps only the first ones.
 */
export function predictionPoints(test: readonly Click[], trainItems: ReadonlySet<string>, maxSessions?: number): TestSessions {
  const bySession = new Map<string, Click[]>();
  let unseenClicks = 0;
  for (const click of test) {
    if (!trainItems.has(click.itemId)) {
      unseenClicks++;
      continue;
    }
    let clicks = bySession.get(click.sessionId);
    if (!clicks) {
      clicks = [];
      bySession.set(click.sessionId, clicks);
    }
    clicks.push(click);
  }
  const points: PredictionPoint[] = [];
  let sessions = 0;
  for (const [sessionId, clicks] of bySession) {
    if (clicks.length < 2) continue;
    if (maxSessions !== undefined && sessions >= maxSessions) break;
    sessions++;
    const ordered = [...clicks].sort((a, b) => a.time - b.time); // stable: equal times keep file order
    const items = ordered.map((c) => c.itemId);
    for (let position = 0; position + 1 < items.length; position++) {
      points.push({
        sessionId,
        position,
        prefix: items.slice(0, position + 1),
        target: items[position + 1] as string,
        time: (ordered[position] as Click).time,
      });
    }
  }
  return { points, sessions, unseenClicks };
}
