// npx tsx server/src/recommend/eval/tune.ts --train ..._train_tr.txt --valid ..._train_valid.txt
// Coordinate search over the kNN options on a validation split: starting from session-rec's V-SKNN, each
// round tries every value of one option with the others fixed and keeps the best by HR@20 + MRR@20.
// Never point it at the test file: the test figures are only honest if nothing was chosen on them.
import { parseArgs } from 'node:util';
import type { Decay } from '../decay.ts';
import { describeDecay } from '../decay.ts';
import { SessionKnn, type SessionKnnOptions, vsknnDefaults } from '../session-knn.ts';
import { scoreRankings } from './evaluate.ts';
import type { Scores } from './metrics.ts';
import { predictionPoints } from './protocol.ts';
import { readSessionFile } from './read-sessions.ts';

const DAY = 24 * 3600; // RSC15 times are unix seconds

type Option = keyof SessionKnnOptions;
const candidates: { [K in Option]?: SessionKnnOptions[K][] } = {
  positionWeight: ['quadratic', 'div', 'same', 'log', { exponential: 1 }, { exponential: 2 }, { exponential: 4 }] satisfies Decay[],
  matchWeight: ['div', 'quadratic', 'same', 'log', { exponential: 1 }, { exponential: 2 }] satisfies Decay[],
  similarity: ['dot', 'cosine'],
  idfWeight: [0, 1, 2, 5, 10],
  neighbourItemDecay: [undefined, 0.5, 1, 2, 4, 8],
  recencyDecay: [undefined, 1 * DAY, 3 * DAY, 7 * DAY],
  k: [100, 200, 500, 1000],
  sampleSize: [1000, 2500, 5000, 10000],
};

function describe(options: SessionKnnOptions): string {
  return [
    `k=${options.k}`,
    `sample=${options.sampleSize}`,
    `position=${describeDecay(options.positionWeight)}`,
    `match=${describeDecay(options.matchWeight)}`,
    `sim=${options.similarity}`,
    `idf=${options.idfWeight}`,
    `itemDecay=${options.neighbourItemDecay ?? '-'}`,
    `recency=${options.recencyDecay === undefined ? '-' : `${options.recencyDecay / DAY}d`}`,
  ].join(' ');
}

const { values } = parseArgs({ options: { train: { type: 'string' }, valid: { type: 'string' }, rounds: { type: 'string' } } });
if (!values.train || !values.valid) throw new Error('usage: tune.ts --train FILE --valid FILE [--rounds N]');
const train = readSessionFile(values.train);
const valid = readSessionFile(values.valid);
const trainItems = new Set(train.map((c) => c.itemId));
const { points } = predictionPoints(valid, trainItems);
const seen = new Map<string, Scores>();

function run(options: SessionKnnOptions): Scores {
  const key = describe(options);
  const known = seen.get(key);
  if (known) return known;
  const model = SessionKnn.fromClicks(train, options);
  const scores = scoreRankings(points, (p) => model.recommend(p.prefix, { limit: 20, now: p.time }).map((r) => r.itemId), trainItems.size);
  seen.set(key, scores);
  console.log(`| ${key} | ${scores['HR@20'].toFixed(4)} | ${scores['MRR@20'].toFixed(4)} |`);
  return scores;
}

const objective = (s: Scores) => s['HR@20'] + s['MRR@20'];
console.log(`validation: ${points.length} points\n| configuration | HR@20 | MRR@20 |\n|---|---|---|`);
let best: SessionKnnOptions = { ...vsknnDefaults };
let bestScore = objective(run(best));
for (let round = 1; round <= Number(values.rounds ?? 2); round++) {
  for (const [option, valuesToTry] of Object.entries(candidates) as [Option, unknown[]][]) {
    for (const value of valuesToTry) {
      const trial = { ...best, [option]: value } as SessionKnnOptions;
      const score = objective(run(trial));
      if (score > bestScore + 1e-12) {
        best = trial;
        bestScore = score;
      }
    }
  }
  console.log(`\nafter round ${round}: ${describe(best)}\n`);
}
