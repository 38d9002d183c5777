import { PopularityRecommender } from '../popularity.ts';
import { SessionRecommender, type SessionRecommenderOptions } from '../session-recommender.ts';
import { shoploopOptions } from '../tuned-options.ts';
import type { Click } from '../types.ts';
import { MetricAccumulator, type Scores } from './metrics.ts';
import { type PredictionPoint, predictionPoints } from './protocol.ts';
import { matchReference, type ReferenceRun } from './reference.ts';

export interface EvaluationInput {
  train: readonly Click[];
  test: readonly Click[];
  /** session-rec outputs to score side by side on the points they cover */
  reference?: readonly ReferenceRun[];
  /** only the first N test sessions */
  maxSessions?: number;
  /** Shoploop's kNN configuration; the tuned one by default */
  options?: Partial<SessionRecommenderOptions>;
}

export interface ScoredPoints {
  points: number;
  /** by recommender: shoploop, popularity, and on reference points each reference run */
  scores: Record<string, Scores>;
}

export interface EvaluationResult {
  full: ScoredPoints;
  reference?: ScoredPoints;
  sessions: number;
  unseenClicks: number;
  catalogSize: number;
}

const CUTOFF = 20;

/** Scores ranked lists against each point's target; `rank` is asked once per point. */
export function scoreRankings(points: readonly PredictionPoint[], rank: (point: PredictionPoint, i: number) => readonly string[], catalogSize: number): Scores {
  const metrics = new MetricAccumulator(catalogSize);
  points.forEach((point, i) => metrics.add(rank(point, i), point.target));
  return metrics.result();
}

/** Trains Shoploop's kNN and the popularity baseline on `train` and scores them with the session-rec protocol. */
export function evaluate(input: EvaluationInput): EvaluationResult {
  const shoploop = SessionRecommender.fromClicks(input.train, input.options ?? shoploopOptions);
  const popularity = new PopularityRecommender();
  for (const click of input.train) popularity.addClick(click);
  const trainItems = new Set(input.train.map((click) => click.itemId));
  const { points, sessions, unseenClicks } = predictionPoints(input.test, trainItems, input.maxSessions);

  // each point is ranked once and reused for the reference subset
  const shoploopLists = points.map((point) =>
    shoploop.recommend(point.prefix, { limit: CUTOFF, now: point.time }).map((r) => r.itemId),
  );
  const popularList = popularity.top(CUTOFF).map((r) => r.itemId);
  const catalogSize = trainItems.size;
  const full: ScoredPoints = {
    points: points.length,
    scores: {
      shoploop: scoreRankings(points, (_, i) => shoploopLists[i] as string[], catalogSize),
      popularity: scoreRankings(points, () => popularList, catalogSize),
    },
  };
  if (!input.reference) return { full, sessions, unseenClicks, catalogSize };

  const matched = matchReference(points, input.reference);
  const listIndex = new Map(points.map((point, i) => [point, i]));
  const scores: Record<string, Scores> = {
    shoploop: scoreRankings(matched.points, (point) => shoploopLists[listIndex.get(point) as number] as string[], catalogSize),
    popularity: scoreRankings(matched.points, () => popularList, catalogSize),
  };
  for (const [name, lists] of matched.lists) {
    scores[name] = scoreRankings(matched.points, (_, i) => lists[i] as string[], catalogSize);
  }
  return { full, reference: { points: matched.points.length, scores }, sessions, unseenClicks, catalogSize };
}
