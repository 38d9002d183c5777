// npx tsx server/src/recommend/eval/tune.ts --train ..._train_tr.txt --valid ..._train_valid.txt [--rounds 3]
// Coordinate search on a validation split. Starting from session-rec's V-SKNN alone, each round tries every
// value of one option with the others fixed. A value is kept if it raises HR@20 + MRR@20 by more than
// MIN_GAIN (smaller gains are noise on ~12k points); a smaller k or sample is kept if it costs less than
// MIN_GAIN, since it makes requests cheaper. Never point this at the test file: the test figures are honest
// only if nothing was chosen on them.
import { parseArgs } from 'node:util';
import { type Decay, describeDecay } from '../decay.ts';
import { vsknnDefaults } from '../session-knn.ts';
import { SessionRecommender, type SessionRecommenderOptions } from '../session-recommender.ts';
import { scoreRankings } from './evaluate.ts';
import type { Scores } from './metrics.ts';
import { predictionPoints } from './protocol.ts';
import { readSessionFile } from './read-sessions.ts';

const DAY = 24 * 3600; // RSC15 times are unix seconds
const MIN_GAIN = 0.001;

interface Config {
  k: number;
  sampleSize: number;
  positionWeight: Decay;
  matchWeight: Decay;
  similarity: 'dot' | 'cosine';
  idfWeight: number;
  neighbourItemDecay: number | undefined;
  recencyDays: number | undefined;
  rulesWeight: number;
  rulesSteps: number;
  rulesWeighting: Decay;
  reminderWeight: number;
}

const start: Config = {
  ...vsknnDefaults,
  neighbourItemDecay: undefined,
  recencyDays: undefined,
  rulesWeight: 0,
  rulesSteps: 10,
  rulesWeighting: 'div',
  reminderWeight: 0,
};

const space: { [K in keyof Config]: Config[K][] } = {
  positionWeight: ['quadratic', 'div', 'same', 'log', { exponential: 1 }, { exponential: 2 }, { exponential: 4 }],
  matchWeight: ['div', 'quadratic', 'same', 'log', { exponential: 1 }, { exponential: 2 }],
  similarity: ['dot', 'cosine'],
  idfWeight: [0, 1, 2, 5, 10],
  neighbourItemDecay: [undefined, 1, 2, 4, 8, 16],
  recencyDays: [undefined, 1, 3, 7, 14],
  rulesWeight: [0, 0.05, 0.1, 0.25, 0.5],
  rulesSteps: [1, 3, 10, 20],
  rulesWeighting: ['div', 'quadratic', 'same'],
  reminderWeight: [0, 0.05, 0.1, 0.2, 0.4],
  k: [100, 200, 500, 1000],
  sampleSize: [500, 1000, 2500, 5000],
};
const costly = new Set<keyof Config>(['k', 'sampleSize']);

function toOptions(config: Config): SessionRecommenderOptions {
  const knn: SessionRecommenderOptions['knn'] = {
    k: config.k,
    sampleSize: config.sampleSize,
    positionWeight: config.positionWeight,
    matchWeight: config.matchWeight,
    similarity: config.similarity,
    idfWeight: config.idfWeight,
  };
  if (config.neighbourItemDecay !== undefined) knn.neighbourItemDecay = config.neighbourItemDecay;
  if (config.recencyDays !== undefined) knn.recencyDecay = config.recencyDays * DAY;
  return {
    knn,
    rules: { steps: config.rulesSteps, weighting: config.rulesWeighting },
    rulesWeight: config.rulesWeight,
    reminderWeight: config.reminderWeight,
  };
}

function describe(c: Config): string {
  return [
    `k=${c.k} sample=${c.sampleSize}`,
    `pos=${describeDecay(c.positionWeight)} match=${describeDecay(c.matchWeight)} sim=${c.similarity} idf=${c.idfWeight}`,
    `itemDecay=${c.neighbourItemDecay ?? '-'} recency=${c.recencyDays === undefined ? '-' : `${c.recencyDays}d`}`,
    `rules=${c.rulesWeight}${c.rulesWeight ? `(${c.rulesSteps},${describeDecay(c.rulesWeighting)})` : ''} remind=${c.reminderWeight}`,
  ].join(' ');
}

const { values } = parseArgs({ options: { train: { type: 'string' }, valid: { type: 'string' }, rounds: { type: 'string' } } });
if (!values.train || !values.valid) throw new Error('usage: tune.ts --train FILE --valid FILE [--rounds N]');
const train = readSessionFile(values.train);
const valid = readSessionFile(values.valid);
const trainItems = new Set(train.map((c) => c.itemId));
const { points } = predictionPoints(valid, trainItems);
const seen = new Map<string, number>();

function objective(config: Config): number {
  const key = describe(config);
  const known = seen.get(key);
  if (known !== undefined) return known;
  const model = SessionRecommender.fromClicks(train, toOptions(config));
  const rank = (p: (typeof points)[number]) => model.recommend(p.prefix, { limit: 20, now: p.time }).map((r) => r.itemId);
  const scores: Scores = scoreRankings(points, rank, trainItems.size);
  const value = scores['HR@20'] + scores['MRR@20'];
  seen.set(key, value);
  console.log(`| ${key} | ${scores['HR@20'].toFixed(4)} | ${scores['MRR@20'].toFixed(4)} |`);
  return value;
}

console.log(`validation: ${points.length} points\n\n| configuration | HR@20 | MRR@20 |\n|---|---|---|`);
let best = { ...start };
let bestValue = objective(best);
for (let round = 1; round <= Number(values.rounds ?? 3); round++) {
  const before = describe(best);
  for (const option of Object.keys(space) as (keyof Config)[]) {
    for (const value of space[option]) {
      const trial = { ...best, [option]: value };
      const trialValue = objective(trial);
      const cheaper = costly.has(option) && (value as number) < (best[option] as number);
      if (trialValue > bestValue + MIN_GAIN || (cheaper && trialValue >= bestValue - MIN_GAIN)) {
        best = trial;
        bestValue = Math.max(bestValue, trialValue);
      }
    }
  }
  console.log(`\nafter round ${round}: ${describe(best)}\n`);
  if (describe(best) === before) break;
}
console.log(`chosen: ${JSON.stringify(toOptions(best))}`);
